// The pack's categories in the pack's order: reordered by drag and drop or the keyboard, a new
// one added at the end, one deleted after a confirmation.
import { html, useMemo, useRef, useState } from "../../vendor.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { notify } from "../../ui/toast.js";
import { addCategory, deleteCategory, moveCategory } from "./actions.js";
import { pack } from "./store.js";
import { Category } from "./category.js";
import { EntryDialog } from "./entry-dialog.js";
import { Icon } from "./icons.js";
import { useSortable } from "./sortable.js";

function group(p) {
  const byCategory = new Map(p.categories.map((c) => [c.id, []]));
  for (const entry of p.entries) {
    const list = byCategory.get(entry.category_id);
    if (list) list.push(entry);
  }
  return byCategory;
}

function NewCategory() {
  const [name, setName] = useState("");
  async function submit(event) {
    event.preventDefault();
    const wanted = name.trim();
    if (!wanted) return notify("The new category needs a name.", { tone: "error" });
    if (pack.value.categories.some((c) => c.name === wanted)) {
      return notify(`This pack has a category named ${wanted} already.`, { tone: "error" });
    }
    const result = await addCategory(wanted);
    if (result.ok) setName("");
    return undefined;
  }
  return html`<form class="new-category" onSubmit=${submit}>
    <input aria-label="Name of a new category" placeholder="New category" value=${name}
      onInput=${(e) => setName(e.currentTarget.value)} />
    <button type="submit"><${Icon} name="plus" />Add category</button>
  </form>`;
}

export function Categories() {
  const p = pack.value;
  const groups = useMemo(() => group(p), [p.entries, p.categories]);
  const [asking, setAsking] = useState(null);
  const [more, setMore] = useState(null);
  const box = useRef(null);
  useSortable(box, {
    group: "categories", handle: ".cat-handle", draggable: ".category",
    onDrop: ({ item, index }) => {
      const category = pack.value.categories.find((c) =>
        String(c.id) === item.dataset.categoryId);
      if (category) moveCategory(category, index);
    },
  });
  function closeMore(entryId) {
    setMore(null);
    requestAnimationFrame(() => {
      document.querySelector(`[data-entry-id="${entryId}"] .e-more`)?.focus();
    });
  }
  function confirmDelete(category) {
    const n = groups.get(category.id)?.length || 0;
    setAsking({
      category,
      title: `Delete ${category.name || "this category"}?`,
      message: n ? `Its ${n} ${n === 1 ? "entry leaves" : "entries leave"} the pack. The items ` +
        "stay in your gear." : "It has no entries.",
      confirm: "Delete category",
    });
  }
  async function answer(yes) {
    const { category } = asking;
    setAsking(null);
    if (yes) {
      const result = await deleteCategory(category);
      if (result.ok) notify(`Deleted the category ${category.name}.`);
    }
  }
  return html`
    <p id="entry-move-help" class="visually-hidden">Drag to move, or press the arrow keys here
      (Alt with an arrow key anywhere in the row). Enter: more ways to move.</p>
    <p id="category-move-help" class="visually-hidden">Drag to move the category, or press the
      arrow keys.</p>
    ${p.categories.length === 0 && html`<p class="empty">This pack is empty: add a category
      below, then add items to it or drag gear from the library.</p>`}
    <div class="categories" ref=${box}>
      ${p.categories.map((c, i) => html`<${Category} key=${c.id} category=${c} index=${i}
        entries=${groups.get(c.id) || []} onDelete=${confirmDelete} onMore=${setMore} />`)}
    </div>
    <${NewCategory} />
    <${ConfirmDialog} request=${asking} onAnswer=${answer} />
    ${more !== null && html`<${EntryDialog} entryId=${more} onClose=${() => closeMore(more)} />`}`;
}
