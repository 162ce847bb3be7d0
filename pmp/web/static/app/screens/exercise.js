// Exercise: built out with the workout screens of issue 15.
import { html } from "../vendor.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Exercise() {
  useTitle("Exercise");
  return html`<${Frame}><h1>Exercise</h1><//>`;
}
