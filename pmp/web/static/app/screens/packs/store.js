// The packs screen's state: the list of packs, the open pack as the server last answered it
// (plus the user's optimistic changes), and `change`, the one way an edit reaches the server:
// optimistic update, request, rollback with the error in words, then a fresh read of the pack so
// its totals stay the server's.
import { api, errorText } from "../../api.js";
import { batch, computed, effect, signal } from "../../vendor.js";
import { user } from "../../session.js";
import { notify } from "../../ui/toast.js";
import { dataArrived, updateArrived } from "./perf.js";

export const packs = signal(null); // summaries, null until loaded
export const packsError = signal(null);
export const pack = signal(null); // the open pack's detail
export const packError = signal(null);
// After an import: {name, entries, warnings}, or {file, error} when the file was refused.
export const importNotes = signal(null);
export const announcement = signal(""); // read out by screen readers (moves by keyboard)
export const focusName = signal(null); // a new pack's id: its name field takes the focus
export const libraryVersion = signal(0); // bumped when items change: the library reads again
export const unit = computed(() => user.value?.preferences?.weight_unit || "g");

let openId = null;
let reads = 0; // the latest read of the pack wins
let pending = 0; // changes in flight: the pack is read again when the last one is done
let dragging = false;
let held = null; // a read that arrived during a drag, shown when it ends
let owner = null;

// Another account signed in (or none): nothing of the last one's packs may show.
effect(() => {
  const id = user.value?.id ?? null;
  if (id === owner) return;
  owner = id;
  openId = null;
  held = null;
  batch(() => {
    packs.value = null;
    pack.value = null;
    packError.value = null;
    importNotes.value = null;
  });
});

export async function loadPacks() {
  try {
    packs.value = await api.get(`/api/packs?unit=${unit.value}`);
    packsError.value = null;
  } catch (error) {
    packsError.value = error;
  }
}

export function openPack(id) {
  if (id !== openId) {
    openId = id;
    packError.value = null;
    if (pack.value && pack.value.id !== id) pack.value = null;
  }
  return readPack();
}

export function closePack() {
  openId = null;
  pack.value = null;
}

export async function readPack() {
  const id = openId;
  const read = ++reads;
  if (id === null) return;
  try {
    const data = await api.get(`/api/packs/${id}?unit=${unit.value}`);
    if (read !== reads || id !== openId || pending > 0) return;
    show(data);
  } catch (error) {
    if (read !== reads || id !== openId) return;
    if (pack.value?.id === id) notify(errorText(error), { tone: "error" });
    else packError.value = error;
  }
}

function show(data) {
  if (dragging) {
    held = data;
    return;
  }
  // Totals per category come in the categories' order: keep them by id, so that an optimistic
  // move or rename does not mismatch them before the next read.
  data.totalsById = new Map(data.categories.map((c, i) => [c.id, data.totals.categories[i]]));
  if (pack.value?.id !== data.id) dataArrived(data.id);
  else updateArrived();
  batch(() => {
    packError.value = null;
    pack.value = data;
  });
}

export function announce(text) {
  // The same words twice are still news: clear first, then say them.
  announcement.value = "";
  requestAnimationFrame(() => { announcement.value = text; });
}

export function setDragging(on) {
  dragging = on;
  if (!on && held) {
    const data = held;
    held = null;
    if (pending === 0) show(data); // else a change is under way, and a fresh read follows it
  }
}

// Apply `update` (pack -> pack) at once, then `send()`. On error the pack goes back (unless
// another change came since: the next read settles it) and the error is shown in words
// (`explain(error)` may word it better). Resolves {ok, data, error}.
export async function change(update, send, { explain = errorText } = {}) {
  const before = pack.value;
  const after = update && before ? update(before) : before;
  if (after !== before) pack.value = after;
  pending += 1;
  try {
    return { ok: true, data: await send() };
  } catch (error) {
    if (after !== before && pack.value === after) pack.value = before;
    notify(explain(error), { tone: "error" });
    return { ok: false, error };
  } finally {
    pending -= 1;
    if (pending === 0 && openId !== null) readPack();
  }
}

// -- pure helpers for optimistic updates -------------------------------------------------------

export function withEntries(p, entries) {
  const counts = new Map();
  for (const e of entries) counts.set(e.category_id, (counts.get(e.category_id) || 0) + 1);
  const categories = p.categories.map((c) => ({ ...c, entry_count: counts.get(c.id) || 0 }));
  return { ...p, entries, categories, entry_count: entries.length };
}

export function mapEntries(p, test, fn) {
  return { ...p, entries: p.entries.map((e) => (test(e) ? fn(e) : e)) };
}

// The entries with `moved` placed at `index` among those of its category.
export function placeEntry(entries, moved, index) {
  const rest = entries.filter((e) => e.id !== moved.id);
  const same = rest.filter((e) => e.category_id === moved.category_id);
  let at = rest.length;
  if (index < same.length) at = rest.indexOf(same[index]);
  else if (same.length) at = rest.indexOf(same[same.length - 1]) + 1;
  rest.splice(at, 0, moved);
  return rest;
}

export function entriesOf(p, categoryId) {
  return p.entries.filter((e) => e.category_id === categoryId);
}
