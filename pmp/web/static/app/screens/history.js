// History: workouts newest first, a page at a time (X-Total-Count), each with the one-line
// summary the list answers (exercises, working sets, volume): one request per page, none per
// row. Open one (the Train screen edits any workout), repeat it as today's plan, delete it.
import { api, errorText, request } from "../api.js";
import { dateTime, number } from "../format.js";
import { uuid } from "../outbox.js";
import { ConfirmDialog } from "../ui/dialog.js";
import { Frame, useTitle } from "../ui/layout.js";
import { SectionNav } from "../ui/section-nav.js";
import { notify } from "../ui/toast.js";
import { html, useEffect, useLocation, useState } from "../vendor.js";

export const PAGE = 20;

const plural = (n, word) => `${number(n, 0)} ${word}${n === 1 ? "" : "s"}`;

// "Bench Press, Deadlift · 3 sets · 1,320 kg · 45 min" (at most 3 names, then "+N").
function summaryText(workout) {
  const summary = workout.summary;
  if (!summary) return "";
  if (!summary.exercise_count) return "No exercises";
  const { exercises: names, exercise_count: count } = summary;
  const shown = count > 3 ? `${names.slice(0, 3).join(", ")} +${count - 3}` : names.join(", ");
  const parts = [shown, plural(summary.set_count, "set")];
  if (summary.volume) parts.push(`${number(summary.volume)} ${summary.volume_unit}`);
  if (workout.duration_minutes) parts.push(`${workout.duration_minutes} min`);
  return parts.join(" · ");
}

function Row({ workout, onRepeat, onDelete }) {
  const when = dateTime(workout.performed_at);
  const [repeating, setRepeating] = useState(false);
  return html`<li class="history-row">
    <a class="history-open" href=${`/train/${workout.id}`}>${when}</a>
    <p class="history-summary muted">${summaryText(workout)}</p>
    <div class="row-actions">
      <button type="button" disabled=${repeating} aria-busy=${repeating}
        onClick=${async () => {
          setRepeating(true);
          if (!(await onRepeat(workout))) setRepeating(false);
        }}
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
      return true;
    } catch (caught) {
      const missing = caught.status === 404 || caught.status === 405;
      notify(missing ? "This workout cannot be repeated: it is gone, or this server does not "
        + "offer repeating yet." : errorText(caught), { tone: "error" });
      return false;
    }
  }

  async function remove(workout) {
    try {
      await api.delete(`/api/workouts/${workout.id}`);
      setRows((old) => old.filter((w) => w.id !== workout.id));
      setTotal((t) => t - 1);
      notify(`Deleted the workout of ${dateTime(workout.performed_at)}.`);
    } catch (caught) {
      notify(errorText(caught), { tone: "error" });
    }
  }

  return html`<${Frame}>
    <${SectionNav} />
    <div class="screen-head"><h1>History</h1></div>
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
