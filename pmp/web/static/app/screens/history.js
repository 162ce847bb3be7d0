// History: workouts newest first, a page at a time (X-Total-Count), each with a one-line
// summary; open one (the Train screen edits any workout), repeat it as today's plan, delete it.
// The list answers no summary, so each row asks for its workout's report once it scrolls into
// view: at most one request per shown row, a few at a time, never for rows nobody sees.
import { api, errorText, request } from "../api.js";
import { dateTime, number } from "../format.js";
import { uuid } from "../outbox.js";
import { ConfirmDialog } from "../ui/dialog.js";
import { Frame, useTitle } from "../ui/layout.js";
import { notify } from "../ui/toast.js";
import { html, useEffect, useLocation, useRef, useState } from "../vendor.js";

export const PAGE = 20;
const AT_ONCE = 4;

// Reports, fetched when a row shows, a few at a time.
const reports = new Map(); // id -> Promise
const queue = [];
let active = 0;

function pump() {
  while (active < AT_ONCE && queue.length) {
    const { id, resolve, reject } = queue.shift();
    active += 1;
    api.get(`/api/workouts/${id}/report`).then(resolve, reject).finally(() => {
      active -= 1;
      pump();
    });
  }
}

function reportOf(id) {
  if (!reports.has(id)) {
    reports.set(id, new Promise((resolve, reject) => {
      queue.push({ id, resolve, reject });
      pump();
    }));
    reports.get(id).catch(() => reports.delete(id));
  }
  return reports.get(id);
}

function summary(report) {
  if (!report.exercises.length) return "No exercises";
  const names = [...new Set(report.exercises.map((e) => e.exercise_name))];
  const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")} +${names.length - 3}`
    : names.join(", ");
  const parts = [shown, `${report.total_sets} set${report.total_sets === 1 ? "" : "s"}`];
  if (report.total_volume) parts.push(`${number(report.total_volume)} ${report.volume_unit}`);
  if (report.duration_minutes) parts.push(`${report.duration_minutes} min`);
  return parts.join(" · ");
}

function useVisibleReport(id) {
  const ref = useRef(null);
  const [report, setReport] = useState(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return undefined;
    const seen = new IntersectionObserver((changes) => {
      if (!changes.some((c) => c.isIntersecting)) return;
      seen.disconnect();
      reportOf(id).then(setReport, () => setReport(false));
    });
    seen.observe(node);
    return () => seen.disconnect();
  }, [id]);
  return [ref, report];
}

function Row({ workout, onRepeat, onDelete }) {
  const [ref, report] = useVisibleReport(workout.id);
  const when = dateTime(workout.performed_at);
  const records = report && Array.isArray(report.personal_records)
    ? report.personal_records.length : 0;
  return html`<li class="history-row" ref=${ref}>
    <a class="history-open" href=${`/train/${workout.id}`}>${when}</a>
    <p class="history-summary muted">${report === null ? "…" : report === false
      ? "Summary not available" : summary(report)}${records > 0 && html`<span
      class="badge history-pr">${records} record${records === 1 ? "" : "s"} set</span>`}</p>
    <div class="row-actions">
      <button type="button" onClick=${() => onRepeat(workout)}
        aria-label=${`Repeat the workout of ${when}`}>Repeat</button>
      <button type="button" class="danger-text" onClick=${() => onDelete(workout)}
        aria-label=${`Delete the workout of ${when}`}>Delete</button>
    </div>
  </li>`;
}

// A copy of the workout for today (POST …/duplicate; one Idempotency-Key, so a retry after a
// lost answer makes one copy).
async function repeat(workout) {
  const performed = new Date().toISOString();
  return api.post(`/api/workouts/${workout.id}/duplicate`, { performed_at: performed },
    { headers: { "Idempotency-Key": uuid() } });
}

export function History() {
  useTitle("History");
  const { route } = useLocation();
  const [rows, setRows] = useState(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(null);

  async function load(offset) {
    setBusy(true);
    try {
      const { data, total: count } = await request("GET",
        `/api/workouts?limit=${PAGE}&offset=${offset}`);
      setRows((old) => (offset && old ? [...old, ...data] : data));
      setTotal(count ?? data.length);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => { load(0); }, []);

  async function onRepeat(workout) {
    try {
      const copy = await repeat(workout);
      notify("A copy for today: the targets come from that workout.");
      route(`/train/${copy.id}`);
    } catch (caught) {
      const missing = caught.status === 404 || caught.status === 405;
      notify(missing ? "This workout cannot be repeated: it is gone, or this server does not "
        + "offer repeating yet." : errorText(caught), { tone: "error" });
    }
  }

  async function remove(workout) {
    try {
      await api.delete(`/api/workouts/${workout.id}`);
      setRows((old) => old.filter((w) => w.id !== workout.id));
      setTotal((t) => t - 1);
      reports.delete(workout.id);
      notify(`Deleted the workout of ${dateTime(workout.performed_at)}.`);
    } catch (caught) {
      notify(errorText(caught), { tone: "error" });
    }
  }

  return html`<${Frame}>
    <div class="screen-head"><h1>History</h1>
      <a class="button primary" href="/train">Train</a></div>
    ${error && html`<p class="form-error" role="alert">${errorText(error)}
      <button type="button" class="link" onClick=${() => load(0)}>Try again</button></p>`}
    ${rows === null && !error && html`<p class="loading" role="status">Loading…</p>`}
    ${rows && rows.length === 0 && html`<p class="empty">No workouts yet.
      <a href="/train">Start your first</a>.</p>`}
    ${rows && rows.length > 0 && html`
      <p class="muted history-count" role="status">${rows.length < total
        ? `Showing ${rows.length} of ${total} workouts` : `${total} workout${
          total === 1 ? "" : "s"}`}</p>
      <ul class="history-list" aria-label="Workouts">${rows.map((w) => html`<${Row} key=${w.id}
        workout=${w} onRepeat=${onRepeat} onDelete=${setDeleting} />`)}</ul>`}
    ${rows && rows.length < total && html`<div class="load-more">
      <button type="button" disabled=${busy} onClick=${() => load(rows.length)}>
        ${busy ? "Loading…" : "Load more"}</button></div>`}
    <${ConfirmDialog} request=${deleting && { title: "Delete this workout?",
      message: `The workout of ${dateTime(deleting.performed_at)} and all its sets are deleted.`,
      confirm: "Delete workout" }}
      onAnswer=${(yes) => {
        if (yes) remove(deleting);
        setDeleting(null);
      }} />
  <//>`;
}
