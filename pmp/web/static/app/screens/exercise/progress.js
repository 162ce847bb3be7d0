// The progress chart of an exercise: best estimated 1RM, best set weight or volume, per
// session, week or month, over a chosen range; its numbers in words and as a table.
import { number } from "../../format.js";
import { Select } from "../../ui/fields.js";
import { html, useId, useState } from "../../vendor.js";
import { DataTable, describeSeries, TimeChart } from "../progress/chart.js";
import { addDays, isoDate, longDate, missingRoute, parseDate, shortDate, useResource }
  from "../progress/data.js";

// [key, label, days back (null: everything), the buckets it offers, its default bucket]
const RANGES = [
  ["3m", "3 months", 91, ["session", "week"], "session"],
  ["1y", "1 year", 365, ["session", "week", "month"], "week"],
  ["2y", "2 years", 730, ["session", "week", "month"], "week"],
  // The API allows week and month buckets over at most 25 years.
  ["all", "All time", 25 * 365 - 10, ["week", "month"], "month"],
];
const BUCKETS = { session: "Per session", week: "Per week", month: "Per month" };
const METRICS = [
  ["estimated_1rm", "Best estimated 1RM"],
  ["max_weight", "Best set weight"],
  ["volume", "Volume"],
];

function progressPath(id, range, bucket) {
  const today = new Date();
  const from = isoDate(addDays(today, -range[2]));
  return `/api/exercises/${id}/progress?from=${from}&to=${isoDate(today)}&bucket=${bucket}`;
}

function whenOf(bucket) {
  if (bucket === "session") return (p) => longDate(isoDate(new Date(p.performed_at)));
  if (bucket === "week") return (p) => `week of ${longDate(p.start)}`;
  return (p) => parseDate(p.start).toLocaleDateString(undefined,
    { month: "long", year: "numeric" });
}

function labelOf(bucket) {
  if (bucket === "session") return (p) => shortDate(isoDate(new Date(p.performed_at)));
  if (bucket === "week") return (p) => shortDate(p.start);
  return (p) => parseDate(p.start).toLocaleDateString(undefined,
    { month: "short", year: "2-digit" });
}

function MetricChoice({ metric, onChange }) {
  const name = useId();
  return html`
    <fieldset class="segmented">
      <legend class="visually-hidden">What to chart</legend>
      ${METRICS.map(([key, label]) => html`
        <label class=${metric === key ? "chosen" : ""}>
          <input type="radio" name=${name} value=${key} checked=${metric === key}
            onChange=${() => onChange(key)} />${label}</label>`)}
    </fieldset>`;
}

export function ProgressChart({ exerciseId, exerciseName }) {
  const [rangeKey, setRangeKey] = useState("1y");
  const [bucket, setBucket] = useState("week");
  const [metric, setMetric] = useState("estimated_1rm");
  const range = RANGES.find((r) => r[0] === rangeKey);
  const { data, error, loading } = useResource(progressPath(exerciseId, range, bucket));
  function chooseRange(key) {
    const next = RANGES.find((r) => r[0] === key);
    setRangeKey(key);
    if (!next[3].includes(bucket)) setBucket(next[4]);
  }
  const unit = data?.unit || "";
  const metricLabel = METRICS.find((m) => m[0] === metric)[1];
  const points = data?.points || [];
  const format = (v) => `${number(v)} ${unit}`;
  const when = whenOf(data?.bucket || bucket);
  const label = labelOf(data?.bucket || bucket);
  const summary = describeSeries(points, (p) => p[metric], format, when);
  const span = `${BUCKETS[data?.bucket || bucket].toLowerCase()}, ${
    range[0] === "all" ? "all time" : `last ${range[1]}`}`;
  const title = `${metricLabel} (${unit}) of ${exerciseName}, ${span}`;
  return html`
    <section class="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <div class="chart-controls">
        <${Select} label="Range" value=${rangeKey} onChange=${chooseRange}
          options=${RANGES.map((r) => [r[0], r[1]])} />
        <${Select} label="Points" value=${bucket} onChange=${setBucket}
          options=${range[3].map((b) => [b, BUCKETS[b]])} />
        <${MetricChoice} metric=${metric} onChange=${setMetric} />
      </div>
      ${error && html`<p class=${missingRoute(error) ? "empty" : "form-error"} role="alert">
        ${missingRoute(error) ? "Progress charts are not available on this server yet."
          : `The progress could not be loaded: ${error.message}`}</p>`}
      ${!data && loading && !error && html`<p class="loading" role="status">Loading…</p>`}
      ${data && points.length === 0 && html`<p class="empty">Nothing logged in this range.</p>`}
      ${data && points.length > 0 && html`
        <div aria-busy=${loading ? "true" : "false"} class="chart-area">
          <${TimeChart} title=${title} labels=${points.map(label)}
            values=${points.map((p) => p[metric])} format=${format} summary=${summary} />
        </div>
        <${DataTable} caption=${`Progress of ${exerciseName}, ${span}`} rows=${points}
          columns=${[
            [{ session: "Session", week: "Week of", month: "Month" }[data.bucket], when],
            ["Sessions", (p) => p.sessions, true],
            [`Est. 1RM (${unit})`, (p) => number(p.estimated_1rm), true],
            [`Best weight (${unit})`, (p) => number(p.max_weight), true],
            [`Volume (${unit})`, (p) => number(p.volume), true],
            ["Sets", (p) => p.sets, true],
            ["Reps", (p) => p.reps, true],
          ]} />`}
    </section>`;
}
