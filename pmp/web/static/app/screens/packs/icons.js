// Icons are CSS masks in the current text colour (css/editor.css, `.ico-<name>`): no elements
// to make in long lists. A button of a long list carries the classes itself (`ico ico-grip`);
// elsewhere <Icon name="grip" /> is a decorative span. The button holds the accessible name.
import { html } from "../../vendor.js";

export function icon(name) {
  return html`<span class=${`ico ico-${name}`} aria-hidden="true" />`;
}

export function Icon({ name }) {
  return icon(name);
}
