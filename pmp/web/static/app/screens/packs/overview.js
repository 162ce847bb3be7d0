// /packs without a pack open: every pack at a glance, or what to do when there is none.
import { html } from "../../vendor.js";
import { useTitle } from "../../ui/layout.js";
import { packs } from "./store.js";
import { Weight } from "./totals.js";

function Card({ p }) {
  const t = p.totals;
  return html`<li class="card pack-card">
    <a href=${`/packs/${p.id}`}>${p.name}</a>
    <dl>
      <div><dt>Base weight</dt><dd><${Weight} value=${t.base} unit=${t.unit} /></dd></div>
      <div><dt>Total</dt><dd><${Weight} value=${t.total} unit=${t.unit} /></dd></div>
      <div><dt>Entries</dt><dd class="num">${p.entry_count}</dd></div>
      ${p.share_code && html`<div><dt>Shared</dt><dd>yes</dd></div>`}
    </dl>
  </li>`;
}

export function Overview() {
  useTitle("Packs");
  const list = packs.value;
  return html`<div class="overview">
    <h1>Packing lists</h1>
    ${list === null && html`<p class="loading" role="status">Loading…</p>`}
    ${list && list.length === 0 && html`<p class="empty">No packs yet: create one (New pack) or
      import a Lighterpack CSV (Import CSV).</p>`}
    ${list && list.length > 0 && html`<p class="muted">Choose a pack to edit it, or start a new
      one.</p>
      <ul class="pack-cards">${list.map((p) => html`<${Card} key=${p.id} p=${p} />`)}</ul>`}
  </div>`;
}
