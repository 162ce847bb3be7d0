// The workout report shown on finishing: totals, per exercise sets, reps, volume and best
// estimated 1RM, and the personal records this workout set.
import { dateTime, number } from "../../format.js";
import { html, useEffect, useRef } from "../../vendor.js";

const KINDS = {
  heaviest_weight: "heaviest weight",
  best_estimated_1rm: "best estimated 1RM",
  best_session_volume: "best session volume",
  most_reps: "most reps",
};

function recordValue(record, unit) {
  return record.kind === "most_reps" ? number(record.value, 0)
    : `${number(record.value)} ${unit}`;
}

function Records({ report }) {
  const records = report.personal_records;
  if (!Array.isArray(records) || !records.length) return null;
  const unit = report.volume_unit;
  return html`<section class="records" aria-labelledby="records-head">
    <h2 id="records-head">New personal records</h2>
    <ul>${records.map((r) => html`<li key=${`${r.exercise_id}-${r.kind}`}>
      <strong>${r.exercise_name}</strong>, ${KINDS[r.kind] || r.kind}: ${recordValue(r, unit)}
      <span class="muted">${r.previous === null || r.previous === undefined ? " (first time)"
        : ` (was ${recordValue({ ...r, value: r.previous }, unit)})`}</span></li>`)}</ul>
  </section>`;
}

export function Report({ report, onBack }) {
  const head = useRef(null);
  useEffect(() => head.current && head.current.focus(), []);
  const unit = report.volume_unit;
  const totals = [
    `${report.total_exercises} exercise${report.total_exercises === 1 ? "" : "s"}`,
    `${report.total_sets} set${report.total_sets === 1 ? "" : "s"}`,
    `${number(report.total_reps, 0)} reps`,
    `${number(report.total_volume)} ${unit}`,
  ];
  if (report.duration_minutes) totals.push(`${report.duration_minutes} min`);
  return html`
    <div class="screen-head"><h1 ref=${head} tabindex="-1">Workout done</h1></div>
    <p class="report-when muted">${dateTime(report.performed_at)}</p>
    <p class="report-totals">${totals.join(" · ")}</p>
    <${Records} report=${report} />
    <div class="table-scroll" tabindex="0" role="region" aria-label="Per exercise">
      <table class="report-table">
        <caption class="visually-hidden">Per exercise</caption>
        <thead><tr><th scope="col">Exercise</th><th scope="col" class="num">Sets</th>
          <th scope="col" class="num">Reps</th><th scope="col" class="num">Volume</th>
          <th scope="col" class="num">e1RM</th></tr></thead>
        <tbody>${report.exercises.map((e, i) => html`<tr key=${i}>
          <th scope="row">${e.exercise_name}</th><td class="num">${e.sets_count}</td>
          <td class="num">${e.total_reps}</td><td class="num">${number(e.total_volume)} ${unit}</td>
          <td class="num">${e.estimated_1rm === null ? "–"
            : `${number(e.estimated_1rm, 1)} ${unit}`}</td></tr>`)}</tbody>
      </table>
    </div>
    <div class="actions report-actions">
      <button type="button" onClick=${onBack}>Back to the workout</button>
      <a class="button" href="/history">History</a>
      <a class="button primary" href="/train">Done</a>
    </div>`;
}
