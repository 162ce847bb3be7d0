// SortableJS on a list that Preact renders. SortableJS moves DOM nodes itself; Preact must stay
// the only owner of the DOM, so when a drag ends the node goes back where it was and the drop
// becomes a state change (an optimistic update), which Preact then renders.
import { Sortable } from "../../vendor-dnd.js";
import { useEffect, useRef } from "../../vendor.js";
import { setDragging } from "./store.js";

// Put the dragged node back: into its first list, at its first place (a cloned one, from a
// `pull: "clone"` list, takes the place of its clone).
function restore({ item, from, to, oldIndex, newIndex, clone, pullMode }) {
  if (from === to && oldIndex === newIndex) return;
  if (pullMode === "clone" && clone && clone.parentNode) {
    clone.replaceWith(item);
    return;
  }
  item.remove();
  from.insertBefore(item, from.children[oldIndex] || null);
}

// The dropped node's place among the draggable nodes of the list it was dropped in (SortableJS
// counts with the source list's selector, which is wrong for a clone from the library).
function placeIn(item, to) {
  const selector = Sortable.get(to)?.options.draggable;
  let index = 0;
  for (let node = item.previousElementSibling; node; node = node.previousElementSibling) {
    if (!selector || node.matches(selector)) index += 1;
  }
  return index;
}

// `onDrop({item, from, to, index})`: index = place among the draggable nodes of `to`.
export function useSortable(ref, { onDrop, ...options }) {
  const latest = useRef(onDrop);
  latest.current = onDrop;
  useEffect(() => {
    const sortable = Sortable.create(ref.current, {
      animation: matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 120,
      ghostClass: "drag-ghost",
      chosenClass: "drag-chosen",
      dragClass: "drag-moving",
      fallbackOnBody: true,
      ...options,
      onStart: () => setDragging(true),
      onEnd: (event) => {
        const moved = event.from !== event.to || event.oldIndex !== event.newIndex;
        const index = moved ? placeIn(event.item, event.to) : null;
        restore(event);
        if (moved) latest.current({ item: event.item, from: event.from, to: event.to, index });
        setDragging(false);
      },
    });
    return () => sortable.destroy();
  }, []);
}
