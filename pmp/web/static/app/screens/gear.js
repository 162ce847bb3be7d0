// The gear inventory: every item, found by search, category and sort, page by page; added,
// changed and deleted in place. The parts live in screens/gear/.
import { errorText } from "../api.js";
import { Frame, useTitle } from "../ui/layout.js";
import { NARROW, useMedia } from "../ui/media.js";
import { notify } from "../ui/toast.js";
import { html, useState } from "../vendor.js";
import { useCategories, useInventory } from "./gear/data.js";
import { ItemDialog } from "./gear/form.js";
import { ItemCards, ItemTable } from "./gear/list.js";
import { useRemoval } from "./gear/remove.js";
import { Toolbar } from "./gear/toolbar.js";

function Summary({ shown, total, query }) {
  const filtered = query.q || query.category !== null;
  const noun = total === 1 ? "item" : "items";
  const text = shown < total ? `Showing ${shown} of ${total} ${noun}` : `${total} ${noun}`;
  return html`<p class="gear-summary muted" role="status">${text}${filtered ? " found" : ""}</p>`;
}

function Empty({ query, onClear }) {
  if (query.q || query.category !== null) {
    return html`<div class="empty"><p>No items match${query.q ? ` “${query.q}”` : ""}${
      query.category !== null ? ` in ${query.category || "no category"}` : ""}.</p>
      <button type="button" onClick=${onClear}>Show all gear</button></div>`;
  }
  return html`<p class="empty">No gear yet: add your first item or import a Lighterpack CSV
    from <a href="/packs">Packs</a>.</p>`;
}

export function Gear() {
  useTitle("Gear");
  const [query, setQuery] = useState({ q: "", sort: "name", category: null });
  // A change merges into the newest query (a search that fires late keeps a new category).
  const change = (patch) => setQuery((old) => ({ ...old, ...patch }));
  const inventory = useInventory(query);
  const { categories, reload: reloadCategories } = useCategories();
  const [editing, setEditing] = useState(null); // null, "new" or the item
  const narrow = useMedia(NARROW);
  const changed = () => reloadCategories();
  const removal = useRemoval({
    onRemoved: (item) => { inventory.remove(item.id); changed(); },
    onRestored: () => { inventory.reload(); changed(); },
  });

  function saved(item, isNew) {
    setEditing(null);
    if (isNew) inventory.reload();
    else inventory.replace(item);
    changed();
    notify(isNew ? `Added “${item.name}”.` : `Saved “${item.name}”.`);
  }

  const { items, total, error, busy } = inventory;
  const List = narrow ? ItemCards : ItemTable;
  return html`<${Frame}>
    <div class="screen-head">
      <h1>Gear</h1>
      <button type="button" class="primary" onClick=${() => setEditing("new")}>Add item</button>
    </div>
    <${Toolbar} query=${query} categories=${categories} onChange=${change} />
    ${error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
    ${items === null && !error && html`<p class="loading" role="status">Loading…</p>`}
    ${items && (items.length > 0 || query.q || query.category !== null) && html`<${Summary}
      shown=${items.length} total=${total} query=${query} />`}
    ${items && items.length === 0 && html`<${Empty} query=${query}
      onClear=${() => change({ q: "", category: null })} />`}
    ${items && items.length > 0 && html`<div class="gear-list" aria-busy=${busy ? "true" : "false"}>
      <${List} items=${items} sort=${query.sort} onSort=${(sort) => change({ sort })}
        onEdit=${setEditing} onDelete=${removal.start} /></div>`}
    ${items && items.length < total && html`<div class="load-more">
      <button type="button" onClick=${inventory.loadMore} disabled=${busy}>
        ${busy ? "Loading…" : `Load more (${total - items.length} left)`}</button></div>`}
    ${editing && html`<${ItemDialog} item=${editing === "new" ? null : editing}
      categories=${categories} onClose=${() => setEditing(null)} onSaved=${saved} />`}
    ${removal.dialog}
  <//>`;
}
