// Plans and the calendar: the list of plans (/plans), one plan's editor (/plans/:id) and the
// month of what is planned and done (/calendar). The parts live in ./plans/.
import { Frame } from "../ui/layout.js";
import { SectionNav } from "../ui/section-nav.js";
import { html, useLocation } from "../vendor.js";
import { Calendar } from "./plans/calendar.js";
import { PlanEditor } from "./plans/editor.js";
import { PlanList } from "./plans/list.js";

export function Plans({ id }) {
  const { path } = useLocation();
  const screen = path.startsWith("/calendar") ? html`<${Calendar} />`
    : id ? html`<${PlanEditor} id=${id} key=${id} />` : html`<${PlanList} />`;
  return html`<${Frame}><${SectionNav} />${screen}<//>`;
}
