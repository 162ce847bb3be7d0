// The doughnut of weight by category, in the categories' colours. The canvas is an image with a
// text alternative; the totals table next to it holds the same numbers.
import { html, loadChart, useEffect, useRef } from "../../vendor.js";
import { weight } from "../../format.js";

let chartClass = null;
export function preloadChart() {
  return chartClass ? Promise.resolve(chartClass) : loadChart().then((c) => (chartClass = c));
}

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function config(slices, unit) {
  return {
    type: "doughnut",
    data: {
      labels: slices.map((s) => s.category || "Unnamed"),
      datasets: [{
        data: slices.map((s) => s.grams.total),
        backgroundColor: slices.map((s) => s.color || "#bab0ac"),
        borderColor: cssVar("--surface"),
        borderWidth: 2,
        hoverOffset: 4,
      }],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      cutout: "58%",
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => ` ${weight(c.parsed, unit)} ${unit}` } },
      },
    },
  };
}

// `slices`: the totals' categories; `onDrawn()` after each draw.
export function WeightChart({ slices, unit, label, onDrawn }) {
  const canvas = useRef(null);
  const chart = useRef(null);
  const shown = slices.filter((s) => s.grams.total > 0);
  const key = JSON.stringify(shown.map((s) => [s.category, s.color, s.grams.total]));
  useEffect(() => {
    let live = true;
    if (!shown.length) {
      if (chart.current) chart.current.destroy();
      chart.current = null;
      onDrawn && onDrawn();
      return undefined;
    }
    preloadChart().then((Chart) => {
      if (!live || !canvas.current) return;
      const next = config(shown, unit);
      if (chart.current) {
        chart.current.data = next.data;
        chart.current.options.plugins.tooltip = next.options.plugins.tooltip;
        chart.current.update("none");
      } else {
        chart.current = new Chart(canvas.current, next);
      }
      onDrawn && onDrawn();
    });
    return () => { live = false; };
  }, [key, unit]);
  useEffect(() => {
    // The slices are outlined in the surface colour: follow the theme when it changes.
    const media = matchMedia("(prefers-color-scheme: dark)");
    const recolor = () => {
      if (!chart.current) return;
      chart.current.data.datasets[0].borderColor = cssVar("--surface");
      chart.current.update("none");
    };
    media.addEventListener("change", recolor);
    return () => {
      media.removeEventListener("change", recolor);
      if (chart.current) chart.current.destroy();
    };
  }, []);
  if (!shown.length) {
    return html`<div class="chart chart-empty" role="img" aria-label="No weight yet"></div>`;
  }
  return html`<div class="chart"><canvas ref=${canvas} role="img" aria-label=${label}>
    ${label}</canvas></div>`;
}
