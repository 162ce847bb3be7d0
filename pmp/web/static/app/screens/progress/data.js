// Reading the workout API for the progress screens: one GET as state (newest request wins),
// dates of a range, and the words for catalogue values.
import { request } from "../../api.js";
import { useEffect, useRef, useState } from "../../vendor.js";

// `path` null waits. {data, total, error, loading, reload}; a slow answer to an older path
// never replaces a newer one.
export function useResource(path) {
  const [state, setState] = useState({ data: null, total: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const ticket = ++latest.current;
    setState((old) => ({ ...old, loading: true }));
    request("GET", path).then(
      ({ data, total }) => ticket === latest.current &&
        setState({ data, total, error: null, loading: false }),
      (error) => ticket === latest.current &&
        setState({ data: null, total: null, error, loading: false }));
  }, [path, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

// A route this server does not have yet (a 404 on a path whose parent exists).
export const missingRoute = (error) => error && error.status === 404;

const pad = (n) => String(n).padStart(2, "0");

// A local calendar date as YYYY-MM-DD.
export function isoDate(day) {
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export function parseDate(text) {
  const [y, m, d] = text.slice(0, 10).split("-").map(Number);
  return new Date(y, m - 1, d);
}

export function addDays(day, n) {
  const next = new Date(day);
  next.setDate(next.getDate() + n);
  return next;
}

// Monday of the week of `day` (local time).
export function mondayOf(day) {
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate());
  return addDays(start, -((start.getDay() + 6) % 7));
}

// The ISO 8601 week of a date, "2026-W03" (the server's key of its weekly buckets).
export function isoWeek(day) {
  const thursday = addDays(mondayOf(day), 3);
  const year = thursday.getFullYear();
  const dayOfYear = Math.round((thursday - new Date(year, 0, 1)) / 86400000);
  return `${year}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}

// The Monday that starts an ISO week key.
export function weekStart(key) {
  const [year, week] = key.split("-W").map(Number);
  const jan4 = new Date(year, 0, 4);
  return addDays(mondayOf(jan4), (week - 1) * 7);
}

export function words(value) {
  if (!value) return "";
  const text = value.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The unit weights are trained in: a gear preference of g/kg means kg, oz/lb means lb.
export function trainingUnit(preference) {
  return preference === "oz" || preference === "lb" ? "lb" : "kg";
}

export function shortDate(text, withYear = true) {
  const options = withYear ? { day: "numeric", month: "short", year: "2-digit" }
    : { day: "numeric", month: "short" };
  return parseDate(text).toLocaleDateString(undefined, options);
}

export function longDate(text) {
  return parseDate(text).toLocaleDateString(undefined, { dateStyle: "medium" });
}
