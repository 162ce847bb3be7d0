// The gear inventory (its own issue builds it out).
import { html } from "../vendor.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Gear() {
  useTitle("Gear");
  return html`<${Frame}><h1>Gear</h1><//>`;
}
