// Personal records of an exercise: the four bests as cards (each linking to its workout) and
// the rep records (the heaviest weight lifted for 1 to 12 reps) as a table.
import { date, number } from "../../format.js";
import { html } from "../../vendor.js";
import { missingRoute, useResource } from "../progress/data.js";

const KINDS = [
  ["heaviest_weight", "Heaviest weight", "weight"],
  ["best_estimated_1rm", "Best estimated 1RM", "weight"],
  ["best_session_volume", "Best session volume", "weight"],
  ["most_reps", "Most reps in a set", "reps"],
];

function When({ record }) {
  if (!record.workout_id) return null;
  return html`<a href=${`/train/${record.workout_id}`} class="record-when">
    ${date(record.performed_at)}</a>`;
}

function Card({ label, record, unit, weightUnit }) {
  return html`
    <div class="record-card">
      <dt>${label}</dt>
      <dd>
        ${record ? html`<span class="record-value num">${number(record.value)}</span>${" "}<span
          class="unit">${unit}</span>${record.weight && unit === "reps"
          ? ` at ${number(record.weight)} ${weightUnit}` : ""}<${When} record=${record} />`
          : html`<span class="muted">None yet</span>`}
      </dd>
    </div>`;
}

function RepRecords({ rows, unit }) {
  if (!rows || !rows.length) return null;
  return html`
    <div class="table-scroll">
      <table class="numbers-table rep-records">
        <caption>Rep records: the heaviest weight lifted for each number of reps</caption>
        <thead><tr><th scope="col" class="num">Reps</th>
          <th scope="col" class="num">Heaviest (${unit})</th><th scope="col">When</th></tr></thead>
        <tbody>${rows.map((row) => html`<tr key=${row.reps}>
          <th scope="row" class="num">${row.reps}</th>
          <td class="num">${number(row.weight)}</td>
          <td><${When} record=${row} /></td></tr>`)}</tbody>
      </table>
    </div>`;
}

// `fallback`: the history's personal_records, for a server without /records.
export function Records({ exerciseId, unit, fallback }) {
  const { data, error, loading } = useResource(`/api/exercises/${exerciseId}/records`);
  const records = data || (missingRoute(error) && fallback ? fallback : null);
  const shownUnit = data?.unit || unit;
  return html`
    <section class="panel" aria-labelledby="records-title">
      <h2 id="records-title">Personal records</h2>
      ${loading && !records && html`<p class="loading" role="status">Loading…</p>`}
      ${error && !records && html`<p class="form-error" role="alert">
        The records could not be loaded: ${error.message}</p>`}
      ${records && html`
        <dl class="record-cards">
          ${KINDS.map(([key, label, kind]) => html`<${Card} key=${key} label=${label}
            record=${records[key]} unit=${kind === "reps" ? "reps" : shownUnit}
            weightUnit=${shownUnit} />`)}
        </dl>
        <${RepRecords} rows=${records.rep_records} unit=${shownUnit} />`}
    </section>`;
}
