// What the plan screens share: weekday names, whether a plan is due on a day, and "Start"
// (a plan becomes today's workout, then the Train screen opens it).
import { api, errorText } from "../../api.js";
import { notify } from "../../ui/toast.js";
import { html, useLocation, useState } from "../../vendor.js";
import { isoDate } from "../progress/data.js";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

// ISO weekday (1 = Monday) in words: 2024-01-01 was a Monday.
export function dayName(isoDay, width = "long") {
  return new Date(2024, 0, isoDay).toLocaleDateString(undefined, { weekday: width });
}

export const isoWeekday = (day) => ((day.getDay() + 6) % 7) + 1;

export function dueOn(plan, day) {
  return (plan.weekdays || []).includes(isoWeekday(day)) ||
    (plan.dates || []).includes(isoDate(day));
}

export function scheduleText({ weekdays = [], dates = [] }) {
  const parts = [];
  if (weekdays.length === 7) parts.push("every day");
  else if (weekdays.length) {
    parts.push([...weekdays].sort().map((d) => dayName(d, "short")).join(", "));
  }
  if (dates.length) parts.push(`${dates.length} ${dates.length === 1 ? "date" : "dates"}`);
  return parts.length ? parts.join(" and ") : "not scheduled";
}

export function StartButton({ plan, primary = false, label }) {
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      const workout = await api.post(`/api/plans/${plan.id}/start`, {});
      route(`/train/${workout.id}`);
    } catch (error) {
      setBusy(false);
      notify(`“${plan.name}” did not start: ${errorText(error)}`, { tone: "error" });
    }
  }
  return html`<button type="button" class=${primary ? "primary" : ""} disabled=${busy}
    aria-label=${label || `Start ${plan.name}`} onClick=${start}>
    ${busy ? "Starting…" : "Start"}</button>`;
}

export function NotAvailable({ what }) {
  return html`<p class="empty" role="alert">${what} are not available on this server yet.</p>`;
}
