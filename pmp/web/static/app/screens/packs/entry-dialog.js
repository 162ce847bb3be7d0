// "More" for one entry: the keyboard's way to move it (up, down, to another category), the
// fields a row has no room for (link, picture, currency, worn quantity), and removing it.
import { html, useId } from "../../vendor.js";
import { Dialog } from "../../ui/dialog.js";
import { InlineNumber, InlineText } from "../../ui/inline.js";
import { Select } from "../../ui/fields.js";
import { notify } from "../../ui/toast.js";
import { moveEntry, patchEntry, patchItem, removeEntry, stepEntry } from "./actions.js";
import { announce, entriesOf, pack } from "./store.js";
import { keepFocus } from "./entry.js";

const invalid = (message) => notify(message, { tone: "error" });

function Boxed({ label, children }) {
  const id = useId();
  return html`<div class="field">
    <label for=${id}>${label}</label>${children(id)}</div>`;
}

function Moves({ entry }) {
  const p = pack.value;
  const siblings = entriesOf(p, entry.category_id);
  const index = siblings.findIndex((e) => e.id === entry.id);
  const category = p.categories.findIndex((c) => c.id === entry.category_id);
  const first = index === 0 && category === 0;
  const last = index === siblings.length - 1 && category === p.categories.length - 1;
  const step = (delta) => keepFocus(() => {
    stepEntry(entry, delta);
    announce(`${entry.item.name} moved ${delta < 0 ? "up" : "down"}.`);
  });
  function toCategory(id) {
    const target = Number(id);
    moveEntry(entry, target, entriesOf(p, target).length);
    announce(`${entry.item.name} moved to ${p.categories.find((c) => c.id === target)?.name}.`);
  }
  return html`
    <fieldset class="moves">
      <legend>Place in the pack</legend>
      <p class="muted">Position ${index + 1} of ${siblings.length} in ${entry.category}.</p>
      <div class="actions start">
        <button type="button" disabled=${first} onClick=${() => step(-1)}>Move up</button>
        <button type="button" disabled=${last} onClick=${() => step(1)}>Move down</button>
      </div>
      <${Select} label="Move to category" value=${String(entry.category_id)}
        options=${p.categories.map((c) => [String(c.id), c.name || "Unnamed"])}
        onChange=${toCategory} />
    </fieldset>`;
}

function ItemFields({ entry }) {
  const item = entry.item;
  const text = (field) => (v) => patchItem(entry, { [field]: v.trim() });
  return html`
    <${Boxed} label="Link">${(id) => html`<${InlineText} id=${id} className="boxed" type="url"
      label="Link" value=${item.url} onSave=${text("url")} placeholder="https://…" />`}<//>
    <${Boxed} label="Picture (address of an image)">${(id) => html`<${InlineText} id=${id}
      className="boxed" type="url" label="Picture" value=${item.image_url}
      onSave=${text("image_url")} placeholder="https://…" />`}<//>
    <${Boxed} label="Currency">${(id) => html`<${InlineText} id=${id} className="boxed"
      label="Currency" value=${item.currency} maxlength="3"
      onSave=${(v) => patchItem(entry, { currency: v.trim().toUpperCase() })} />`}<//>
    ${item.pack_count > 1 && html`<p class="hint">This item is in ${item.pack_count} packs:
      changes to it show in all of them.</p>`}`;
}

export function EntryDialog({ entryId, onClose }) {
  const entry = pack.value?.entries.find((e) => e.id === entryId);
  if (!entry) return null;
  return html`
    <${Dialog} open=${true} title=${entry.item.name} onClose=${onClose} className="entry-dialog">
      <${Moves} entry=${entry} />
      <${ItemFields} entry=${entry} />
      ${entry.worn && html`<${Boxed} label="Worn quantity (empty: one)">${(id) => html`
        <${InlineNumber} id=${id} className="boxed" label="Worn quantity" empty
          value=${entry.worn_quantity} onInvalid=${invalid}
          onSave=${(v) => patchEntry(entry, { worn_quantity: v })} />`}<//>`}
      <div class="actions">
        <button type="button" class="danger"
          onClick=${() => { onClose(); removeEntry(entry); }}>Remove from the pack</button>
        <button type="button" class="primary" onClick=${onClose}>Done</button>
      </div>
    <//>`;
}
