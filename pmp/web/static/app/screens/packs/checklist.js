// The packing checklist: the pack as a list to tick while packing (large targets for a phone),
// with its progress and a reset.
import { html, useId, useMemo, useState } from "../../vendor.js";
import { number } from "../../format.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { checkEntry, resetChecklist } from "./actions.js";
import { Swatch } from "./totals.js";

function Item({ entry }) {
  const item = entry.item;
  return html`<li class=${entry.checked ? "checked" : ""}>
    <label class="check">
      <input type="checkbox" checked=${entry.checked}
        onChange=${(e) => checkEntry(entry, e.currentTarget.checked)} />
      <span class="check-name">${item.name}</span>
      ${entry.quantity !== 1 && html`<span class="num check-qty">
        × ${number(entry.quantity, 3)}</span>`}
      ${entry.worn && html`<span class="tag">worn</span>`}
      <span class="num check-weight">${number(item.weight)}<span class="unit">${item.weight_unit}
        </span></span>
    </label>
  </li>`;
}

function Group({ category, entries }) {
  const done = entries.filter((e) => e.checked).length;
  return html`<fieldset class="check-group">
    <legend><${Swatch} color=${category.color} /> ${category.name || "Unnamed"}
      <span class="muted">${done} of ${entries.length}</span></legend>
    <ul>${entries.map((e) => html`<${Item} key=${e.id} entry=${e} />`)}</ul>
  </fieldset>`;
}

export function Checklist({ p }) {
  const [asking, setAsking] = useState(null);
  const id = useId();
  const groups = useMemo(() => p.categories.map((c) => [c, p.entries.filter(
    (e) => e.category_id === c.id)]).filter(([, list]) => list.length), [p.entries, p.categories]);
  const done = p.checked_count;
  const all = p.entry_count;
  const ask = () => setAsking({
    title: "Reset the checklist?", message: `Untick all ${done} packed entries of ${p.name}.`,
    confirm: "Reset",
  });
  return html`
    <section class="checklist" aria-labelledby=${`${id}-title`}>
      <div class="check-progress card">
        <h2 id=${`${id}-title`}>Packing checklist</h2>
        <label for=${`${id}-progress`}>Packed ${done} of ${all}</label>
        <progress id=${`${id}-progress`} max=${all || 1} value=${done}>${done} of ${all}</progress>
        <button type="button" disabled=${done === 0} onClick=${ask}>Reset the checklist</button>
      </div>
      ${all === 0 && html`<p class="empty">Nothing to pack yet: add items in the editor
        (the Edit tab).</p>`}
      ${done === all && all > 0 && html`<p class="all-packed" role="status">All packed.</p>`}
      ${groups.map(([c, list]) => html`<${Group} key=${c.id} category=${c} entries=${list} />`)}
      <${ConfirmDialog} request=${asking} onAnswer=${(yes) => {
        setAsking(null);
        if (yes) resetChecklist();
      }} />
    </section>`;
}
