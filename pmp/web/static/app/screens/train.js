// Train: /train starts (or continues) a workout, /train/:id logs one, set by set, on a phone
// at the gym, with or without a network. The parts live in screens/train/.
import { Frame, useTitle } from "../ui/layout.js";
import { SectionNav } from "../ui/section-nav.js";
import { html, useLocation } from "../vendor.js";
import { Start } from "./train/start.js";
import { Workout } from "./train/workout.js";

export function Train({ id }) {
  useTitle("Train");
  const { route } = useLocation();
  const open = (workoutId) => route(`/train/${workoutId}`, String(id || "").startsWith("tmp-"));
  return html`<${Frame}>
    <${SectionNav} />
    ${id ? html`<${Workout} id=${id} onMoved=${(real) => route(`/train/${real}`, true)} />`
      : html`<${Start} onOpen=${open} />`}
  <//>`;
}
