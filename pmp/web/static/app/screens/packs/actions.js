// What the person does to the open pack, each as one optimistic change (see store.change).
import { api, ApiError, errorText } from "../../api.js";
import { savePreferences } from "../../session.js";
import { notify } from "../../ui/toast.js";
import {
  change, entriesOf, libraryVersion, loadPacks, mapEntries, pack, packs, placeEntry, withEntries,
} from "./store.js";

const base = () => `/api/packs/${pack.value.id}`;

// -- the pack ----------------------------------------------------------------------------------

export async function patchPack(fields) {
  if ("name" in fields && packs.value) {
    const id = pack.value.id;
    packs.value = packs.value.map((p) => (p.id === id ? { ...p, name: fields.name } : p));
  }
  const result = await change((p) => ({ ...p, ...fields }), () => api.patch(base(), fields));
  if ("name" in fields) loadPacks(); // the list shows the name the server kept
  return result;
}

// The editor reads the pack again in the new unit (it watches the preference).
export async function setUnit(unit) {
  try {
    await savePreferences({ weight_unit: unit });
    loadPacks();
  } catch (error) {
    notify(errorText(error), { tone: "error" });
  }
}

// -- items and entries -------------------------------------------------------------------------

// An item's fields change it in every pack: every entry of that item here shows the change.
export function patchItem(entry, fields) {
  const update = (p) => mapEntries(p, (e) => e.item_id === entry.item_id,
    (e) => ({ ...e, item: { ...e.item, ...fields } }));
  return change(update, () => api.patch(`/api/items/${entry.item_id}`, fields))
    .then(libraryChanged);
}

// The library lists items: it reads them again after a change to one.
function libraryChanged(result) {
  if (result.ok) libraryVersion.value += 1;
  return result;
}

export function patchEntry(entry, fields) {
  const update = (p) => mapEntries(p, (e) => e.id === entry.id, (e) => ({ ...e, ...fields }));
  return change(update, () => api.patch(`${base()}/entries/${entry.id}`, fields));
}

// Worn and consumable exclude each other (the API refuses both): turning one on turns the
// other off in the same request.
export function toggleFlag(entry, flag) {
  const on = !entry[flag];
  const fields = { [flag]: on };
  const other = flag === "worn" ? "consumable" : "worn";
  if (on && entry[other]) fields[other] = false;
  return patchEntry(entry, fields);
}

export function cycleStar(entry) {
  return patchEntry(entry, { star: (entry.star + 1) % 4 });
}

export function moveEntry(entry, categoryId, index) {
  const update = (p) => {
    const category = p.categories.find((c) => c.id === categoryId);
    const moved = { ...entry, category_id: categoryId, category: category?.name ?? "" };
    return withEntries(p, placeEntry(p.entries, moved, index));
  };
  return change(update, () => api.patch(`${base()}/entries/${entry.id}`,
    { category_id: categoryId, index }));
}

// One step up or down; past the end of its category the entry goes into the next one.
export function stepEntry(entry, delta) {
  const p = pack.value;
  const siblings = entriesOf(p, entry.category_id);
  const index = siblings.findIndex((e) => e.id === entry.id);
  const target = index + delta;
  if (target >= 0 && target < siblings.length) return moveEntry(entry, entry.category_id, target);
  const order = p.categories.findIndex((c) => c.id === entry.category_id);
  const next = p.categories[order + delta];
  if (!next) return null;
  return moveEntry(entry, next.id, delta < 0 ? entriesOf(p, next.id).length : 0);
}

export async function removeEntry(entry) {
  const p = pack.value;
  const index = entriesOf(p, entry.category_id).findIndex((e) => e.id === entry.id);
  const update = (q) => withEntries(q, q.entries.filter((e) => e.id !== entry.id));
  const result = await change(update, () => api.delete(`${base()}/entries/${entry.id}`));
  if (!result.ok) return;
  notify(`Removed ${entry.item.name || "the item"} from the pack.`, {
    undo: () => restoreEntry(entry, index, p.id),
  });
}

function restoreEntry(entry, index, packId) {
  if (pack.value?.id !== packId) return;
  const body = {
    item_id: entry.item_id, quantity: entry.quantity, worn: entry.worn,
    consumable: entry.consumable, worn_quantity: entry.worn_quantity, star: entry.star,
    checked: entry.checked, category_id: entry.category_id, index,
  };
  if (body.worn_quantity === null) delete body.worn_quantity;
  const update = (p) => withEntries(p, placeEntry(p.entries, entry, index));
  return change(update, () => api.post(`${base()}/entries`, body));
}

function alreadyHere(item) {
  return (error) => (error instanceof ApiError && error.status === 409
    ? `${item.name} is already in this pack: an item can be in a pack once. Change its ` +
      "quantity instead."
    : errorText(error));
}

// An item of the library into a category (at `index`, else last).
export function addItem(item, categoryId, index) {
  const p = pack.value;
  const here = p.entries.find((e) => e.item_id === item.id);
  if (here) {
    notify(alreadyHere(item)(new ApiError(409, {})) +
      (here.category ? ` It is in ${here.category}.` : ""), { tone: "error" });
    return null;
  }
  const category = p.categories.find((c) => c.id === categoryId);
  const count = entriesOf(p, categoryId).length;
  const at = index ?? count;
  const draft = {
    id: `new-${item.id}`, item_id: item.id, item, quantity: 1, worn: false, consumable: false,
    worn_quantity: null, category_id: categoryId, category: category?.name ?? "", star: 0,
    checked: false, pending: true,
  };
  const update = (q) => withEntries(q, placeEntry(q.entries, draft, at));
  const body = { item_id: item.id, category_id: categoryId };
  if (index !== undefined && index < count) body.index = index;
  return change(update, () => api.post(`${base()}/entries`, body), { explain: alreadyHere(item) });
}

// The library's "Add" button: the category named like the item's, else the first one.
export function addItemSomewhere(item) {
  const p = pack.value;
  const named = p.categories.find((c) => c.name === item.category);
  if (named || p.categories.length) return addItem(item, (named || p.categories[0]).id);
  const body = { item_id: item.id, category: item.category || "Gear" };
  return change(null, () => api.post(`${base()}/entries`, body), { explain: alreadyHere(item) });
}

export function createItem(category, fields) {
  const item = { ...fields, category: category.name };
  return change(null, () => api.post(`${base()}/entries`, { item, category_id: category.id }))
    .then(libraryChanged);
}

// -- categories --------------------------------------------------------------------------------

export function addCategory(name) {
  return change(null, () => api.post(`${base()}/categories`, { name }));
}

export function patchCategory(category, fields) {
  const update = (p) => {
    const categories = p.categories.map((c) => (c.id === category.id ? { ...c, ...fields } : c));
    const entries = "name" in fields
      ? p.entries.map((e) => (e.category_id === category.id ? { ...e, category: fields.name } : e))
      : p.entries;
    return { ...p, categories, entries };
  };
  return change(update, () => api.patch(`${base()}/categories/${category.id}`, fields));
}

export function moveCategory(category, position) {
  const update = (p) => {
    const rest = p.categories.filter((c) => c.id !== category.id);
    rest.splice(position, 0, category);
    return { ...p, categories: rest.map((c, i) => ({ ...c, position: i })) };
  };
  return change(update, () => api.patch(`${base()}/categories/${category.id}`, { position }));
}

export function deleteCategory(category) {
  const update = (p) => ({
    ...withEntries(p, p.entries.filter((e) => e.category_id !== category.id)),
    categories: p.categories.filter((c) => c.id !== category.id),
  });
  return change(update, () => api.delete(`${base()}/categories/${category.id}`));
}

// -- the packing checklist ---------------------------------------------------------------------

export function checkEntry(entry, checked) {
  const update = (p) => ({
    ...mapEntries(p, (e) => e.id === entry.id, (e) => ({ ...e, checked })),
    checked_count: p.checked_count + (checked ? 1 : -1),
  });
  return change(update, () => api.patch(`${base()}/entries/${entry.id}`, { checked }));
}

export function resetChecklist() {
  const update = (p) => ({
    ...mapEntries(p, (e) => e.checked, (e) => ({ ...e, checked: false })), checked_count: 0,
  });
  return change(update, () => api.post(`${base()}/checklist/reset`));
}
