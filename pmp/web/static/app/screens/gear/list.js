// The items: a table on a desktop (sortable by its column headers), cards on a phone. Weights
// are shown in each item's own unit, numbers tabular and right-aligned.
import { money, number } from "../../format.js";
import { html } from "../../vendor.js";
import { inPacks } from "./data.js";

const COLUMNS = [["name", "Name"], ["category", "Category"], ["weight", "Weight"]];

// The weight as it was typed (up to the milligram's 3 decimals), in the item's own unit.
function Weight({ item }) {
  return html`<span class="num">${number(item.weight, 3)}</span><span class="unit">
    ${item.weight_unit}</span>`;
}

function Price({ item }) {
  if (item.price === null || item.price === undefined) return null;
  return html`<span class="num">${money(item.price, item.currency)}</span>`;
}

// Pictures only when some item of the list has one (a column of blanks is noise).
const anyPicture = (items) => items.some((item) => item.image_url);

function Thumb({ item }) {
  if (!item.image_url) return html`<span class="thumb" aria-hidden="true"></span>`;
  return html`<img class="thumb" src=${item.image_url} alt="" loading="lazy" width="40"
    height="40" referrerpolicy="no-referrer"
    onError=${(e) => { e.currentTarget.hidden = true; }} />`;
}

function Actions({ item, onEdit, onDelete }) {
  return html`
    <div class="row-actions">
      <button type="button" class="quiet" aria-label=${`Edit ${item.name}`}
        onClick=${() => onEdit(item)}>Edit</button>
      <button type="button" class="quiet danger-text" aria-label=${`Delete ${item.name}`}
        onClick=${() => onDelete(item)}>Delete</button>
    </div>`;
}

function Name({ item }) {
  return html`
    <div class="item-name">
      <span>${item.name}</span>
      ${item.url && html` <a href=${item.url} target="_blank" rel="noopener noreferrer"
        aria-label=${`Product page of ${item.name} (opens a new tab)`}>link</a>`}
    </div>
    ${item.description && html`<p class="item-description">${item.description}</p>`}`;
}

function SortHeader({ field, label, sort, onSort, className = "" }) {
  const active = sort.replace(/^-/, "") === field;
  const descending = active && sort.startsWith("-");
  const next = active && !descending ? `-${field}` : field;
  const mark = html`<span aria-hidden="true" class="sort-mark">
    ${active ? (descending ? "▼" : "▲") : ""}</span>`;
  const numeric = className === "num";
  return html`
    <th scope="col" class=${className}
      aria-sort=${active ? (descending ? "descending" : "ascending") : undefined}>
      <button type="button" class="sort-header" onClick=${() => onSort(next)}>
        ${numeric && mark}${label}${!numeric && mark}
      </button>
    </th>`;
}

export function ItemTable({ items, sort, onSort, onEdit, onDelete }) {
  const pictures = anyPicture(items);
  return html`
    <table class="gear-table">
      <caption class="visually-hidden">Your gear</caption>
      <thead>
        <tr>
          ${pictures && html`<td class="thumb-cell"></td>`}
          ${COLUMNS.map(([field, label]) => html`<${SortHeader} field=${field} label=${label}
            sort=${sort} onSort=${onSort} className=${field === "weight" ? "num" : ""} />`)}
          <th scope="col" class="num">Price</th>
          <th scope="col">Packs</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${items.map((item) => html`
          <tr key=${item.id}>
            ${pictures && html`<td class="thumb-cell"><${Thumb} item=${item} /></td>`}
            <th scope="row" class="name-cell"><${Name} item=${item} /></th>
            <td>${item.category}</td>
            <td class="num"><${Weight} item=${item} /></td>
            <td class="num"><${Price} item=${item} /></td>
            <td class=${`packs-cell ${item.pack_count ? "" : "muted"}`}>
              ${inPacks(item.pack_count)}</td>
            <td><${Actions} item=${item} onEdit=${onEdit} onDelete=${onDelete} /></td>
          </tr>`)}
      </tbody>
    </table>`;
}

export function ItemCards({ items, onEdit, onDelete }) {
  const pictures = anyPicture(items);
  return html`
    <ul class=${`gear-cards ${pictures ? "with-pictures" : ""}`} aria-label="Your gear">
      ${items.map((item) => html`
        <li key=${item.id} class="gear-card">
          ${pictures && html`<${Thumb} item=${item} />`}
          <div class="card-main">
            <${Name} item=${item} />
            <p class="card-meta">
              ${item.category && html`<span>${item.category}</span>`}
              <span class=${item.pack_count ? "" : "muted"}>${inPacks(item.pack_count)}</span>
            </p>
          </div>
          <div class="card-numbers">
            <div><${Weight} item=${item} /></div>
            <div><${Price} item=${item} /></div>
          </div>
          <${Actions} item=${item} onEdit=${onEdit} onDelete=${onDelete} />
        </li>`)}
    </ul>`;
}
