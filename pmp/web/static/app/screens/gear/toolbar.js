// Search (debounced), category filter and sort of the inventory.
import { Select } from "../../ui/fields.js";
import { html, useEffect, useId, useState } from "../../vendor.js";

export const SORTS = [
  ["name", "Name, A to Z"], ["-name", "Name, Z to A"],
  ["weight", "Lightest first"], ["-weight", "Heaviest first"],
  ["category", "Category, A to Z"], ["-category", "Category, Z to A"],
  ["-created_at", "Newest first"], ["created_at", "Oldest first"],
];
const ALL = "\u0000all";
const SEARCH_DELAY_MS = 250;

function SearchField({ value, onSearch }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return html`
    <div class="field inline search-field">
      <label for=${id} class="visually-hidden">Search gear</label>
      <input id=${id} type="search" value=${text} placeholder="Search name, category, notes"
        onInput=${(e) => setText(e.currentTarget.value)}
        onKeyDown=${(e) => e.key === "Enter" && onSearch(text.trim())} />
    </div>`;
}

// `onChange` gets what changed ({q}, {category} or {sort}).
export function Toolbar({ query, categories, onChange }) {
  const options = [[ALL, "All categories"],
    ...categories.map((c) => [c, c === "" ? "No category" : c])];
  return html`
    <div class="gear-toolbar" role="search" aria-label="Find gear">
      <${SearchField} value=${query.q} onSearch=${(q) => onChange({ q })} />
      <${Select} label="Category" hideLabel=${true} options=${options}
        value=${query.category === null ? ALL : query.category}
        onChange=${(c) => onChange({ category: c === ALL ? null : c })} />
      <${Select} label="Sort" hideLabel=${true} options=${SORTS} value=${query.sort}
        onChange=${(sort) => onChange({ sort })} />
    </div>`;
}
