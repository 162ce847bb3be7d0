// Progress: built out with the workout screens of issue 15.
import { html } from "../vendor.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Progress() {
  useTitle("Progress");
  return html`<${Frame}><h1>Progress</h1><//>`;
}
