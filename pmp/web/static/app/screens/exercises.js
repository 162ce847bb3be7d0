// Exercises: built out with the workout screens of issue 15.
import { html } from "../vendor.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Exercises() {
  useTitle("Exercises");
  return html`<${Frame}><h1>Exercises</h1><//>`;
}
