// Deleting an item. In no pack, it goes at once and Undo brings it back (re-created with
// every field: a new id, nothing else refers to it). In packs, the person is asked once,
// since re-creating it would not put it back into those packs: "Deleted", no Undo.
import { api, errorText } from "../../api.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { notify } from "../../ui/toast.js";
import { html, useState } from "../../vendor.js";
import { inPacks, itemFields } from "./data.js";

export function useRemoval({ onRemoved, onRestored }) {
  const [asking, setAsking] = useState(null);

  async function remove(item) {
    try {
      await api.delete(`/api/items/${item.id}`);
    } catch (error) {
      notify(`“${item.name}” was not deleted: ${errorText(error)}`, { tone: "error" });
      return;
    }
    onRemoved(item);
    if (item.pack_count) {
      notify(`Deleted “${item.name}”; it left ${item.pack_count === 1 ? "1 pack" :
        `${item.pack_count} packs`}.`);
      return;
    }
    notify(`Deleted “${item.name}”.`, { undo: () => restore(item) });
  }

  async function restore(item) {
    try {
      onRestored(await api.post("/api/items", itemFields(item)));
    } catch (error) {
      notify(`“${item.name}” could not be restored: ${errorText(error)}`, { tone: "error" });
    }
  }

  const request = asking && {
    title: `Delete ${asking.name}?`,
    message: `It is ${inPacks(asking.pack_count)} and will leave ${
      asking.pack_count === 1 ? "it" : "them"}. This cannot be undone.`,
    confirm: "Delete item",
  };
  const dialog = html`<${ConfirmDialog} request=${request} onAnswer=${(yes) => {
    const item = asking;
    setAsking(null);
    if (yes) remove(item);
  }} />`;
  const start = (item) => (item.pack_count ? setAsking(item) : remove(item));
  return { start, dialog };
}
