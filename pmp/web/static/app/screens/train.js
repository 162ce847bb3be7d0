// Train: built out with the workout screens of issue 15.
import { html } from "../vendor.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Train() {
  useTitle("Train");
  return html`<${Frame}><h1>Train</h1><//>`;
}
