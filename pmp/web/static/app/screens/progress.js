// Statistics: weekly volume, sets, reps and workouts as charts over a chosen range, the
// totals of the range, and every week's numbers as a table.
import { number } from "../format.js";
import { Select } from "../ui/fields.js";
import { Frame, useTitle } from "../ui/layout.js";
import { html, useMemo, useState } from "../vendor.js";
import { DataTable, describeSeries, TimeChart } from "./progress/chart.js";
import { addDays, isoDate, isoWeek, longDate, mondayOf, shortDate, useResource }
  from "./progress/data.js";

const RANGES = [["12", "12 weeks"], ["26", "6 months"], ["52", "1 year"], ["104", "2 years"]];

function rangeOf(weeks) {
  const first = addDays(mondayOf(new Date()), -7 * (weeks - 1));
  return { first, path: `/api/stats/summary?from=${encodeURIComponent(first.toISOString())}` +
    `&to=${encodeURIComponent(new Date().toISOString())}` };
}

// Every week of the range, those without workouts as zeros (older servers leave them out).
function everyWeek(first, weeks) {
  const byKey = new Map(weeks.map((w) => [w.week, w]));
  const out = [];
  for (let day = first; day <= new Date(); day = addDays(day, 7)) {
    const key = isoWeek(day);
    const found = byKey.get(key) || { workouts: 0, sets: 0, reps: 0, volume: 0,
      duration_minutes: 0 };
    out.push({ ...found, week: key, start: isoDate(day) });
  }
  return out;
}

function Totals({ summary, weeks }) {
  const hours = summary.duration_minutes / 60;
  const cards = [
    ["Workouts", number(summary.workouts)],
    ["Sets", number(summary.sets)],
    ["Reps", number(summary.reps)],
    ["Volume", `${number(summary.volume, 0)} ${summary.volume_unit}`],
    ["Time", `${number(hours, 1)} h`],
    ["Workouts a week", number(summary.workouts / Math.max(1, weeks), 1)],
  ];
  return html`
    <dl class="record-cards totals">
      ${cards.map(([label, value]) => html`<div class="record-card" key=${label}>
        <dt>${label}</dt><dd><span class="record-value num">${value}</span></dd></div>`)}
    </dl>`;
}

function Charts({ weeks, unit }) {
  const when = (w) => `week of ${longDate(w.start)}`;
  const charts = [
    ["volume", `Volume per week (${unit})`, (v) => `${number(v, 0)} ${unit}`],
    ["sets", "Sets per week", (v) => `${number(v)} sets`, true],
    ["reps", "Reps per week", (v) => `${number(v)} reps`, true],
    ["workouts", "Workouts per week", (v) => `${number(v)} workouts`, true],
  ];
  const labels = weeks.map((w) => shortDate(w.start));
  return html`
    <div class="chart-grid">
      ${charts.map(([key, title, format, whole]) => html`<div class="panel" key=${key}>
        <${TimeChart} kind="bar" title=${title} labels=${labels} whole=${whole}
          values=${weeks.map((w) => w[key])}
          format=${format} summary=${describeSeries(weeks, (w) => w[key], format, when)} />
      </div>`)}
    </div>`;
}

export function Progress() {
  useTitle("Progress");
  const [weeksBack, setWeeksBack] = useState("12");
  const count = Number(weeksBack);
  const { first, path } = useMemo(() => rangeOf(count), [count]);
  const { data, error, loading } = useResource(path);
  const weeks = data ? everyWeek(first, data.weeks) : [];
  const unit = data?.volume_unit || "";
  const label = RANGES.find((r) => r[0] === weeksBack)[1];
  return html`<${Frame}>
    <div class="screen-head">
      <h1>Progress</h1>
      <${Select} label="Range" value=${weeksBack} onChange=${setWeeksBack} options=${RANGES} />
    </div>
    <p class="muted">Working sets of the last ${label}, from ${longDate(isoDate(first))}.
      The progress of one exercise is on its page: <a href="/exercises">Exercises</a>.</p>
    ${error && html`<p class="form-error" role="alert">
      The statistics could not be loaded: ${error.message}</p>`}
    ${!data && !error && html`<p class="loading" role="status">Loading…</p>`}
    ${data && html`<div aria-busy=${loading ? "true" : "false"} class="chart-area">
      <section aria-labelledby="totals-title" class="panel">
        <h2 id="totals-title">Totals, last ${label}</h2>
        <${Totals} summary=${data} weeks=${weeks.length} />
      </section>
      <section aria-labelledby="weekly-title">
        <h2 id="weekly-title" class="visually-hidden">Week by week</h2>
        <${Charts} weeks=${weeks} unit=${unit} />
        <${DataTable} caption=${`Week by week, last ${label}`} rows=${[...weeks].reverse()}
          buttonText="Show every week as a table" columns=${[
            ["Week of", (w) => longDate(w.start)],
            ["Workouts", (w) => w.workouts, true], ["Sets", (w) => w.sets, true],
            ["Reps", (w) => w.reps, true], [`Volume (${unit})`, (w) => number(w.volume), true],
          ]} />
      </section>
    </div>`}
  <//>`;
}
