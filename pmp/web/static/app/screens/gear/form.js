// Add or change an item, in a dialog: every field of an item, the server's errors beside the
// field they concern, and the user's unit and currency as defaults.
import { api, ApiError, errorText } from "../../api.js";
import { parseNumber, UNITS } from "../../format.js";
import { user } from "../../session.js";
import { CurrencyField } from "../../ui/currency.js";
import { Dialog } from "../../ui/dialog.js";
import { Field, Select, TextField } from "../../ui/fields.js";
import { html, useEffect, useId, useRef, useState } from "../../vendor.js";

const UNIT_NAMES = { g: "grams (g)", kg: "kilograms (kg)", oz: "ounces (oz)", lb: "pounds (lb)" };
const TEXT_FIELDS = ["name", "category", "description", "url", "image_url"];

function startingForm(item) {
  const prefs = user.value?.preferences || {};
  const text = (value) => (value === null || value === undefined ? "" : String(value));
  return {
    name: text(item?.name), category: text(item?.category),
    description: text(item?.description), url: text(item?.url),
    image_url: text(item?.image_url),
    weight: item ? text(item.weight) : "",
    weight_unit: item?.weight_unit || prefs.weight_unit || "g",
    price: text(item?.price),
    currency: item?.currency || prefs.currency || "EUR",
  };
}

// A typed number as a number; anything else goes as typed, so the server names the problem.
const numberOrText = (text) => parseNumber(text) ?? text.trim();

function body(form, original) {
  const all = {
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, form[name].trim()])),
    weight: form.weight.trim() === "" ? 0 : numberOrText(form.weight),
    weight_unit: form.weight_unit,
    price: form.price.trim() === "" ? null : numberOrText(form.price),
    currency: form.currency.trim().toUpperCase(),
  };
  if (!original) return all;
  const changed = Object.fromEntries(Object.entries(all).filter(
    ([name, value]) => String(value ?? "") !== String(original[name] ?? "")));
  // A new unit alone would convert the weight; what the form shows is weight AND unit.
  if ("weight" in changed || "weight_unit" in changed) {
    changed.weight = all.weight;
    changed.weight_unit = all.weight_unit;
  }
  return changed;
}

function fieldErrors(error) {
  if (!(error instanceof ApiError) || !error.fields) return {};
  return Object.fromEntries(Object.entries(error.fields).map(
    ([name, messages]) => [name, [].concat(messages).join(" ")]));
}

export function ItemDialog({ item, categories, onClose, onSaved }) {
  const [form, setForm] = useState(() => startingForm(item));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const errors = fieldErrors(error);
  const unnamed = error && !Object.keys(errors).some((name) => name in form);
  const formRef = useRef(null);
  // After a refusal, the first field the server named takes the focus (its error is read).
  useEffect(() => {
    formRef.current?.querySelector("[aria-invalid='true']")?.focus();
  }, [error]);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const changes = body(form, item);
      const saved = item
        ? (Object.keys(changes).length ? await api.patch(`/api/items/${item.id}`, changes) : item)
        : await api.post("/api/items", changes);
      onSaved(saved, !item);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return html`
    <${Dialog} open=${true} title=${item ? `Edit ${item.name}` : "Add an item"} onClose=${onClose}
      className="item-dialog">
      <form onSubmit=${submit} novalidate ref=${formRef}>
        ${unnamed && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
        ${Object.keys(errors).length > 0 && !unnamed && html`<p class="visually-hidden"
          role="alert">The item was not saved: see the marked fields.</p>`}
        <${TextField} label="Name" value=${form.name} onInput=${set("name")}
          error=${errors.name} required autocomplete="off" autofocus />
        <${TextField} label="Category" value=${form.category} onInput=${set("category")}
          error=${errors.category} list=${listId} autocomplete="off"
          hint="Packs group their items by category." />
        <datalist id=${listId}>
          ${categories.filter(Boolean).map((c) => html`<option value=${c} />`)}
        </datalist>
        <${TextArea} label="Description" value=${form.description}
          onInput=${set("description")} error=${errors.description} />
        <div class="field-pair">
          <${TextField} label="Weight" value=${form.weight} onInput=${set("weight")}
            error=${errors.weight} inputmode="decimal" autocomplete="off" />
          <${Select} label="Unit" value=${form.weight_unit} onChange=${set("weight_unit")}
            options=${UNITS.map((u) => [u, UNIT_NAMES[u]])} />
        </div>
        <div class="field-pair">
          <${TextField} label="Price" value=${form.price} onInput=${set("price")}
            error=${errors.price} inputmode="decimal" autocomplete="off" />
          <${CurrencyField} value=${form.currency} onInput=${set("currency")}
            error=${errors.currency} />
        </div>
        <${TextField} label="Link (product page)" type="url" value=${form.url}
          onInput=${set("url")} error=${errors.url} placeholder="https://" />
        <${TextField} label="Picture (image address)" type="url" value=${form.image_url}
          onInput=${set("image_url")} error=${errors.image_url} placeholder="https://" />
        <div class="actions">
          <button type="button" onClick=${onClose}>Cancel</button>
          <button type="submit" class="primary" disabled=${busy}>
            ${item ? "Save changes" : "Add item"}</button>
        </div>
      </form>
    <//>`;
}

function TextArea({ label, value, onInput, error }) {
  const id = useId();
  return html`
    <${Field} label=${label} error=${error} id=${id}>
      ${(errorId) => html`<textarea id=${id} value=${value} rows="3"
        aria-invalid=${error ? "true" : undefined} aria-describedby=${errorId}
        onInput=${(e) => onInput(e.currentTarget.value)} />`}
    <//>`;
}
