// The gear library: every item of the account, searchable, to drag into a category of the open
// pack (or add with a button). 200 at a time; "Show more" reads the next page.
import { errorText, request } from "../../api.js";
import { html, useEffect, useMemo, useRef, useState } from "../../vendor.js";
import { number } from "../../format.js";
import { addItem, addItemSomewhere } from "./actions.js";
import { libraryVersion, pack } from "./store.js";
import { useSortable } from "./sortable.js";

const PAGE = 200;

function useItems(query) {
  const [state, setState] = useState({ items: null, total: 0, error: null });
  const version = libraryVersion.value;
  async function read(offset, before) {
    const q = encodeURIComponent(query.trim());
    try {
      const { data, total } = await request("GET",
        `/api/items?q=${q}&limit=${PAGE}&offset=${offset}&sort=name`);
      setState({ items: [...before, ...data], total: total ?? data.length, error: null });
    } catch (error) {
      setState((s) => ({ ...s, error }));
    }
  }
  useEffect(() => {
    const timer = setTimeout(() => read(0, []), query ? 200 : 0);
    return () => clearTimeout(timer);
  }, [query, version]);
  return { ...state, more: () => read(state.items.length, state.items) };
}

function LibraryItem({ item, inPack, canAdd }) {
  return html`<li class=${`lib-item ${inPack ? "in-pack" : ""}`} data-item-id=${item.id}>
    <span class="lib-grip ico ico-grip" aria-hidden="true" />
    <span class="lib-name">${item.name}
      ${item.category && html`<span class="lib-cat">${item.category}</span>`}</span>
    <span class="num lib-weight">${number(item.weight)}<span class="unit">${item.weight_unit}</span>
    </span>
    ${inPack && html`<span class="lib-in ico ico-check" title="In this pack">
      <span class="visually-hidden">in this pack</span></span>`}
    ${canAdd && html`<button type="button" class="icon ico ico-plus lib-add"
      aria-label=${`Add ${item.name} to the pack`} onClick=${() => addItemSomewhere(item)} />`}
  </li>`;
}

export function Library() {
  const [query, setQuery] = useState("");
  const { items, total, error, more } = useItems(query);
  const list = useRef(null);
  const p = pack.value;
  const inPack = useMemo(() => new Set(p ? p.entries.map((e) => e.item_id) : []), [p?.entries]);
  const byId = useMemo(() => new Map((items || []).map((i) => [String(i.id), i])), [items]);
  useSortable(list, {
    group: { name: "entries", pull: "clone", put: false }, sort: false, draggable: ".lib-item",
    filter: "button", preventOnFilter: false, delay: 150, delayOnTouchOnly: true,
    onDrop: ({ item, to, index }) => {
      const found = byId.get(item.dataset.itemId);
      if (found && to.dataset.categoryId && pack.value) {
        addItem(found, Number(to.dataset.categoryId), index);
      }
    },
  });
  return html`
    <section class="library" aria-labelledby="library-title">
      <h2 id="library-title">Gear</h2>
      <input type="search" class="lib-search" aria-label="Search gear" placeholder="Search gear"
        value=${query} onInput=${(e) => setQuery(e.currentTarget.value)} />
      ${p && html`<p class="hint">Drag gear into a category, or add it with +.</p>`}
      ${error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
      ${items && items.length === 0 && html`<p class="empty">${query ? "No gear matches."
        : "No gear yet: add items to a pack, or import a Lighterpack CSV."}</p>`}
      <ul class="lib-list" ref=${list} aria-label="Your gear">
        ${(items || []).map((item) => html`<${LibraryItem} key=${item.id} item=${item}
          inPack=${inPack.has(item.id)} canAdd=${Boolean(p)} />`)}
      </ul>
      ${items && items.length < total && html`<button type="button" class="quiet more"
        onClick=${more}>Show more (${items.length} of ${total})</button>`}
    </section>`;
}
