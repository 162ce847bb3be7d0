// One entry of the pack as an editable row: the item's fields (changed in every pack that has
// the item) and the entry's own (quantity, worn, consumable, star). Typing stays in the field.
import { html, useState } from "../../vendor.js";
import { UNITS } from "../../format.js";
import { InlineNumber, InlineText } from "../../ui/inline.js";
import { notify } from "../../ui/toast.js";
import { cycleStar, patchEntry, patchItem, removeEntry, stepEntry, toggleFlag } from "./actions.js";
import { announce } from "./store.js";

const STARS = ["none", "1 star", "2 stars", "3 stars"];
const symbols = new Map();

// "€" for EUR, "CHF" for CHF: what a price reads with, kept for the next row.
function currencySymbol(code) {
  if (!symbols.has(code)) {
    let symbol = code;
    try {
      symbol = new Intl.NumberFormat(undefined, { style: "currency", currency: code,
        currencyDisplay: "narrowSymbol" }).formatToParts(0).find((p) => p.type === "currency")
        ?.value || code;
    } catch {
      // an unknown code stays as it is
    }
    symbols.set(code, symbol);
  }
  return symbols.get(code);
}
const invalid = (message) => notify(message, { tone: "error" });

// Run a move and give the focus back to where it was: Preact may move the focused node, or
// (into another category) make a new one, found again by its row and its label.
export function keepFocus(action) {
  const focused = document.activeElement;
  const row = focused?.closest("[data-entry-id]")?.dataset.entryId;
  const label = focused?.getAttribute("aria-label");
  const result = action();
  requestAnimationFrame(() => {
    if (focused && focused.isConnected) {
      if (document.activeElement !== focused) focused.focus();
    } else if (row && label) {
      document.querySelector(`[data-entry-id="${CSS.escape(row)}"] ` +
        `[aria-label="${CSS.escape(label)}"]`)?.focus();
    }
  });
  return result;
}

export function moveByKey(event, entry) {
  const up = event.key === "ArrowUp";
  if (!up && event.key !== "ArrowDown") return false;
  event.preventDefault();
  const moved = keepFocus(() => stepEntry(entry, up ? -1 : 1));
  announce(moved ? `${entry.item.name} moved ${up ? "up" : "down"}.`
    : `${entry.item.name} is already ${up ? "first" : "last"}.`);
  return true;
}

function flagButton(entry, flag, label) {
  const on = entry[flag];
  return html`<button type="button" class=${`icon ico ico-${flag} flag e-${flag}${on ? " on" : ""}`}
    aria-pressed=${on ? "true" : "false"} aria-label=${`${label}: ${entry.item.name}`}
    title=${label} onClick=${() => toggleFlag(entry, flag)} />`;
}

function starButton(entry) {
  const star = entry.star;
  return html`<button type="button"
    class=${`icon ico flag e-star star star-${star} ${star ? "ico-star-full" : "ico-star"}`}
    aria-label=${`Star for ${entry.item.name}: ${STARS[star]}`} title="Star (click to change)"
    onClick=${() => cycleStar(entry)}>
    ${star > 1 && html`<span class="star-n" aria-hidden="true">${star}</span>`}
  </button>`;
}

function nameField(entry, focus) {
  const item = entry.item;
  function save(text, input) {
    if (!text.trim()) {
      input.value = item.name;
      invalid("An item needs a name.");
      return;
    }
    patchItem(entry, { name: text.trim() });
  }
  return html`<${InlineText} label=${`Name of ${item.name}`} value=${item.name} onSave=${save}
    className="name" ...${focus} />`;
}

function unitSelect(entry, focus) {
  const item = entry.item;
  return html`<select class="inline unit-select" aria-label=${`Unit of ${item.name}`}
    value=${item.weight_unit} ...${focus}
    onChange=${(e) => patchItem(entry, { weight_unit: e.currentTarget.value })}>
    ${UNITS.map((u) => html`<option value=${u} selected=${u === item.weight_unit}>${u}</option>`)}
  </select>`;
}

// The row's parts are the cells of one grid (css/editor.css), without wrappers: a long pack
// makes a few thousand fewer elements.
export function EntryRow({ entry, onMore }) {
  const [itemFocus, setItemFocus] = useState(false);
  const item = entry.item;
  const focus = { onFocus: () => setItemFocus(true), onBlur: () => setItemFocus(false) };
  const shared = itemFocus && item.pack_count > 1;
  const classes = `entry${entry.pending ? " pending" : ""}${item.image_url ? " has-thumb" : ""}`;
  function keyDown(event) {
    if (event.altKey && !entry.pending) moveByKey(event, entry);
  }
  return html`
    <li class=${classes} data-entry-id=${entry.id} onKeyDown=${keyDown}>
      <button type="button" class="icon ico ico-grip drag-handle" aria-label=${`Move ${item.name}`}
        aria-describedby="entry-move-help" disabled=${entry.pending}
        onKeyDown=${(e) => !e.altKey && moveByKey(e, entry)} onClick=${() => onMore(entry.id)} />
      ${item.image_url && html`<img class="thumb" src=${item.image_url} loading="lazy"
        alt=${`Picture of ${item.name}`} width="32" height="32" referrerpolicy="no-referrer" />`}
      ${nameField(entry, focus)}
      <${InlineText} label=${`Description of ${item.name}`} value=${item.description}
        className="e-desc" placeholder="Description"
        onSave=${(v) => patchItem(entry, { description: v })} ...${focus} />
      ${starButton(entry)}
      ${flagButton(entry, "worn", "Worn")}
      ${flagButton(entry, "consumable", "Consumable")}
      <${InlineNumber} label=${`Price of ${item.name} (${item.currency})`} value=${item.price}
        empty className="e-price" placeholder="–" onInvalid=${invalid}
        onSave=${(v) => patchItem(entry, { price: v })} ...${focus} />
      <span class="unit e-cur">${item.price !== null && currencySymbol(item.currency)}</span>
      <${InlineNumber} label=${`Weight of ${item.name}`} value=${item.weight} className="e-weight"
        onSave=${(v) => patchItem(entry, { weight: v })} onInvalid=${invalid} ...${focus} />
      ${unitSelect(entry, focus)}
      <${InlineNumber} label=${`Quantity of ${item.name}`} value=${entry.quantity} className="e-qty"
        onSave=${(v) => patchEntry(entry, { quantity: v })} onInvalid=${invalid} />
      <button type="button" class="icon ico ico-more e-more" aria-label=${`More for ${item.name}`}
        disabled=${entry.pending} onClick=${() => onMore(entry.id)} />
      <button type="button" class="icon ico ico-close e-remove"
        aria-label=${`Remove ${item.name} from the pack`} disabled=${entry.pending}
        onClick=${() => removeEntry(entry)} />
      ${shared && html`<p class="e-note">This item is in ${item.pack_count} packs: a change to its
        name, description, weight or price changes it in all of them.</p>`}
    </li>`;
}
