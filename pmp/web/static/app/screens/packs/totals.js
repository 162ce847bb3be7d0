// Totals of the pack (the server's): per category and overall, in the unit the person chose,
// with the chart of weight by category. The table holds every number the chart shows.
import { html, useState } from "../../vendor.js";
import { number, prices, UNITS } from "../../format.js";
import { setUnit } from "./actions.js";
import { unit } from "./store.js";
import { WeightChart } from "./chart.js";

export function Weight({ value, unit: u }) {
  return html`<span class="num">${number(value, u === "g" ? 0 : 2)}<span class="unit">${u}</span>
    </span>`;
}

export function Swatch({ color }) {
  return html`<span class="swatch" aria-hidden="true" style=${{ backgroundColor: color }} />`;
}

function UnitSwitch() {
  const [choice, setChoice] = useState(null);
  const current = choice ?? unit.value;
  async function pick(u) {
    setChoice(u);
    await setUnit(u);
    setChoice(null);
  }
  return html`
    <fieldset class="segmented">
      <legend class="visually-hidden">Weight unit</legend>
      ${UNITS.map((u) => html`<label key=${u}>
        <input type="radio" name="weight-unit" value=${u} checked=${u === current}
          onChange=${() => pick(u)} />
        <span>${u}</span></label>`)}
    </fieldset>`;
}

function chartLabel(slices, u) {
  const total = slices.reduce((sum, s) => sum + s.grams.total, 0);
  const parts = slices.filter((s) => s.grams.total > 0).map((s) =>
    `${s.category || "Unnamed"} ${number(s.total, u === "g" ? 0 : 2)} ${u} ` +
    `(${Math.round((s.grams.total / total) * 100)} %)`);
  return `Weight by category: ${parts.join(", ")}.`;
}

function CategoryRows({ p, u }) {
  return p.categories.map((c) => {
    const t = p.totalsById?.get(c.id);
    return html`<tr key=${c.id}>
      <th scope="row"><${Swatch} color=${c.color} /> ${c.name || "Unnamed"}</th>
      <td class="num">${t ? html`<${Weight} value=${t.total} unit=${u} />` : "…"}</td>
    </tr>`;
  });
}

function SumRow({ label, children, strong = false }) {
  return html`<tr class=${strong ? "strong" : ""}><th scope="row">${label}</th>
    <td class="num">${children}</td></tr>`;
}

export function Totals({ p, onDrawn }) {
  const t = p.totals;
  const u = t.unit;
  const w = (v) => html`<${Weight} value=${v} unit=${u} />`;
  const money = prices(t.price);
  return html`
    <section class="totals card" aria-labelledby="totals-title">
      <div class="totals-head">
        <h2 id="totals-title">Totals</h2>
        <${UnitSwitch} />
      </div>
      <div class="totals-body">
        <${WeightChart} slices=${t.categories} unit=${u} onDrawn=${onDrawn}
          label=${chartLabel(t.categories, u)} />
        <table class="totals-table">
          <caption class="visually-hidden">Weight by category, in ${u}</caption>
          <thead><tr><th scope="col">Category</th><th scope="col" class="num">Weight</th></tr>
          </thead>
          <tbody><${CategoryRows} p=${p} u=${u} /></tbody>
        </table>
        <table class="totals-table sums">
          <caption class="visually-hidden">Totals of the pack, in ${u}</caption>
          <tbody>
            <${SumRow} label="Total" strong>${w(t.total)}<//>
            <${SumRow} label="Consumable">${w(t.consumable)}<//>
            <${SumRow} label="Worn">${w(t.worn)}<//>
            <${SumRow} label="Base weight" strong>${w(t.base)}<//>
            <${SumRow} label="Pack weight">${w(t.pack)}<//>
            <${SumRow} label="Items">${number(t.item_count, 3)}<//>
            ${money && html`<${SumRow} label="Price">${money}<//>`}
          </tbody>
        </table>
      </div>
    </section>`;
}
