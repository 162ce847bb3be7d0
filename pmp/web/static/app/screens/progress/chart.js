// A line or bar chart over time (Chart.js, loaded on first use). The canvas is an image whose
// text alternative is the caption beside it (what the series did, in words and numbers);
// DataTable shows every number of the screen's series as a table, behind a toggle.
import { number } from "../../format.js";
import { html, loadChart, useEffect, useId, useRef, useState } from "../../vendor.js";

let chartClass = null;
function theChart() {
  return chartClass ? Promise.resolve(chartClass) : loadChart().then((c) => (chartClass = c));
}

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function config(kind, labels, values, format, whole) {
  const accent = cssVar("--accent");
  const grid = cssVar("--border");
  const muted = cssVar("--muted");
  return {
    type: kind,
    data: {
      labels,
      datasets: [{
        data: values, borderColor: accent, backgroundColor: kind === "bar" ? accent : accent,
        pointRadius: values.length > 30 ? 0 : 3, pointHoverRadius: 5, borderWidth: 2,
        tension: 0.2, spanGaps: true, maxBarThickness: 28,
      }],
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { color: muted, maxRotation: 0, autoSkip: true,
          autoSkipPadding: 12 } },
        y: { beginAtZero: kind === "bar", grid: { color: grid },
          ticks: { color: muted, precision: whole ? 0 : undefined,
            callback: (v) => number(v) } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => ` ${format(c.parsed.y)}` } },
      },
    },
  };
}

// `labels` and `values` (null: no data there); `format(value)` gives a value with its unit;
// `summary` is the text alternative, shown as the caption. `onDrawn()` after each draw.
// `whole`: counts (the axis has no fractions). The axis shows numbers; the title the unit.
export function TimeChart({ kind = "line", title, labels, values, format, summary, onDrawn,
  level = 3, whole = false }) {
  const canvas = useRef(null);
  const chart = useRef(null);
  const captionId = useId();
  const key = JSON.stringify([kind, labels, values]);
  useEffect(() => {
    let live = true;
    theChart().then((Chart) => {
      if (!live || !canvas.current) return;
      const next = config(kind, labels, values, format, whole);
      if (chart.current) {
        chart.current.data = next.data;
        chart.current.options = next.options;
        chart.current.update("none");
      } else {
        chart.current = new Chart(canvas.current, next);
      }
      onDrawn && onDrawn();
    });
    return () => { live = false; };
  }, [key]);
  useEffect(() => () => chart.current && chart.current.destroy(), []);
  const Heading = `h${level}`;
  return html`
    <figure class="time-chart">
      <figcaption id=${captionId}>
        <${Heading} class="chart-title">${title}<//>
        <p class="chart-summary">${summary}</p>
      </figcaption>
      <div class="chart-box">
        <canvas ref=${canvas} role="img" aria-label=${title} aria-describedby=${captionId}>
          ${summary}</canvas>
      </div>
    </figure>`;
}

// `columns`: [[label, (row) => text, numeric?]]; the table is built only when shown.
export function DataTable({ caption, columns, rows, buttonText = "Show the numbers" }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return html`
    <div class="data-table">
      <button type="button" class="quiet toggle" aria-expanded=${open ? "true" : "false"}
        aria-controls=${id} onClick=${() => setOpen(!open)}>
        ${open ? "Hide the table" : buttonText}</button>
      <div id=${id} class="table-scroll" hidden=${!open}>
        ${open && html`<table class="numbers-table">
          <caption>${caption}</caption>
          <thead><tr>${columns.map(([label, , numeric]) => html`
            <th scope="col" class=${numeric ? "num" : ""}>${label}</th>`)}</tr></thead>
          <tbody>${rows.map((row) => html`<tr>
            ${columns.map(([, cell, numeric], n) => (n === 0
              ? html`<th scope="row">${cell(row)}</th>`
              : html`<td class=${numeric ? "num" : ""}>${cell(row)}</td>`))}
          </tr>`)}</tbody>
        </table>`}
      </div>
    </div>`;
}

// "from 80 kg to 100 kg; highest 102.5 kg (12 Mar 2025)": a series in words.
export function describeSeries(points, value, format, when) {
  const present = points.filter((p) => value(p) !== null && value(p) !== undefined);
  if (!present.length) return "No data in this range.";
  const first = present[0];
  const last = present[present.length - 1];
  const best = present.reduce((top, p) => (value(p) > value(top) ? p : top), first);
  const count = `${present.length} ${present.length === 1 ? "point" : "points"}`;
  if (present.length === 1) return `${count}: ${format(value(first))} (${when(first)}).`;
  return `${count}, from ${format(value(first))} (${when(first)}) to ${format(value(last))} ` +
    `(${when(last)}); highest ${format(value(best))} (${when(best)}).`;
}
