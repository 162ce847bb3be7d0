// A category of the pack: its header (handle, colour, name, actions), its entries (a drop
// target for entries and for gear from the library) and its foot (new item, subtotal).
import { html, useEffect, useRef, useState } from "../../vendor.js";
import { number, parseNumber, UNITS } from "../../format.js";
import { InlineText } from "../../ui/inline.js";
import { notify } from "../../ui/toast.js";
import { createItem, moveCategory, moveEntry, patchCategory } from "./actions.js";
import { announce, pack, unit } from "./store.js";
import { EntryRow, keepFocus } from "./entry.js";
import { useSortable } from "./sortable.js";
import { Weight } from "./totals.js";

function moveByKey(event, category, index) {
  const up = event.key === "ArrowUp";
  if (!up && event.key !== "ArrowDown") return;
  event.preventDefault();
  const target = index + (up ? -1 : 1);
  const count = pack.value.categories.length;
  if (target < 0 || target >= count) {
    announce(`${category.name} is already ${up ? "first" : "last"}.`);
    return;
  }
  keepFocus(() => moveCategory(category, target));
  announce(`${category.name} moved ${up ? "up" : "down"}, now ${target + 1} of ${count}.`);
}

function Head({ category, index, onDelete, onAdd }) {
  const name = category.name || "Unnamed";
  function rename(text, input) {
    if (!text.trim()) {
      input.value = category.name;
      notify("A category needs a name.", { tone: "error" });
      return;
    }
    patchCategory(category, { name: text.trim() });
  }
  return html`
    <div class="cat-head" onKeyDown=${(e) => e.altKey && moveByKey(e, category, index)}>
      <button type="button" class="icon ico ico-grip cat-handle"
        aria-label=${`Move category ${name}`} aria-describedby="category-move-help"
        onKeyDown=${(e) => !e.altKey && moveByKey(e, category, index)} />
      <input type="color" class="cat-color" aria-label=${`Colour of ${name}`}
        value=${category.color}
        onChange=${(e) => patchCategory(category, { color: e.currentTarget.value })} />
      <h3 class="cat-title"><${InlineText} label=${`Name of category ${name}`}
        value=${category.name} onSave=${rename} className="cat-name" /></h3>
      <button type="button" class="quiet ico ico-plus cat-add" aria-label=${`Add item to ${name}`}
        onClick=${onAdd}><span>Add item</span></button>
      <button type="button" class="icon ico ico-trash cat-delete"
        aria-label=${`Delete category ${name}`} onClick=${() => onDelete(category)} />
    </div>`;
}

function Columns() {
  return html`<div class="cols" aria-hidden="true">
    <span class="c-name">Name</span><span class="c-desc">Description</span>
    <span class="c-price">Price</span><span class="c-weight">Weight</span>
    <span class="c-qty">Qty</span></div>`;
}

function AddItemForm({ category, onClose }) {
  const [name, setName] = useState("");
  const [weight, setWeight] = useState("");
  const [weightUnit, setWeightUnit] = useState(unit.value);
  const [busy, setBusy] = useState(false);
  const first = useRef(null);
  useEffect(() => first.current.focus(), []);
  const label = category.name || "this category";
  async function submit(event) {
    event.preventDefault();
    const grams = weight.trim() === "" ? 0 : parseNumber(weight);
    if (!name.trim()) return notify("The new item needs a name.", { tone: "error" });
    if (grams === null || grams < 0) return notify("Weight: enter a number.", { tone: "error" });
    setBusy(true);
    const result = await createItem(category,
      { name: name.trim(), weight: grams, weight_unit: weightUnit });
    setBusy(false);
    if (!result.ok) return undefined;
    setName("");
    setWeight("");
    announce(`Added ${name.trim()} to ${label}.`);
    first.current && first.current.focus();
    return undefined;
  }
  return html`
    <form class="add-item" onSubmit=${submit}
      onKeyDown=${(e) => e.key === "Escape" && (e.preventDefault(), onClose())}>
      <input ref=${first} aria-label=${`Name of the new item in ${label}`} placeholder="Item name"
        value=${name} onInput=${(e) => setName(e.currentTarget.value)} />
      <input class="num" aria-label="Weight of the new item" placeholder="Weight"
        inputmode="decimal" value=${weight} onInput=${(e) => setWeight(e.currentTarget.value)} />
      <select aria-label="Unit of the new item" value=${weightUnit}
        onChange=${(e) => setWeightUnit(e.currentTarget.value)}>
        ${UNITS.map((u) => html`<option value=${u} selected=${u === weightUnit}>${u}</option>`)}
      </select>
      <button type="submit" class="primary" disabled=${busy}>Add</button>
      <button type="button" class="quiet" onClick=${onClose}>Done</button>
    </form>`;
}

function Foot({ category, adding, setAdding }) {
  const t = pack.value.totalsById?.get(category.id);
  return html`<div class="cat-foot">
    ${adding ? html`<${AddItemForm} category=${category} onClose=${() => setAdding(false)} />`
      : html`<span />`}
    ${t && category.entry_count > 0 && html`<p class="subtotal">
      <span class="visually-hidden">Subtotal of ${category.name}: </span>
      <${Weight} value=${t.total} unit=${pack.value.totals.unit} />
      <span class="num qty" title="Items">${number(t.item_count, 3)}
        <span class="visually-hidden"> items</span></span></p>`}
  </div>`;
}

export function Category({ category, entries, index, onDelete, onMore }) {
  const list = useRef(null);
  const [adding, setAdding] = useState(false);
  useSortable(list, {
    group: "entries", handle: ".drag-handle", draggable: ".entry", filter: ".pending",
    onDrop: ({ item, to, index: at }) => {
      const entry = pack.value.entries.find((e) => String(e.id) === item.dataset.entryId);
      if (entry) moveEntry(entry, Number(to.dataset.categoryId), at);
    },
  });
  const labelId = `category-${category.id}`;
  return html`
    <section class="category" data-category-id=${category.id} aria-labelledby=${labelId}>
      <span id=${labelId} class="visually-hidden">Category ${category.name}</span>
      <${Head} category=${category} index=${index} onDelete=${onDelete}
        onAdd=${() => setAdding(true)} />
      ${entries.length > 0 && html`<${Columns} />`}
      <ul class="entries" ref=${list} data-category-id=${category.id}
        aria-label=${`Entries of ${category.name || "Unnamed"}`}>
        ${entries.map((e) => html`<${EntryRow} key=${e.id} entry=${e} onMore=${onMore} />`)}
      </ul>
      <${Foot} category=${category} adding=${adding} setAdding=${setAdding} />
    </section>`;
}
