// The Train section's own navigation, on top of each of its screens: Today (logging), History,
// Plans, Calendar, Exercises. Plain links (Tab and Enter), the current one marked for screen
// readers; on a narrow phone the row scrolls sideways instead of wrapping.
import { html, useLocation } from "../vendor.js";

export const TRAINING = [
  ["/train", "Today"],
  ["/history", "History"],
  ["/plans", "Plans"],
  ["/calendar", "Calendar"],
  ["/exercises", "Exercises"],
];

const under = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);

export function SectionNav() {
  const { path } = useLocation();
  return html`<nav class="section-nav" aria-label="Training">
    <ul>${TRAINING.map(([href, label]) => html`<li key=${href}>
      <a href=${href} aria-current=${under(path, href) ? "page" : undefined}>${label}</a>
    </li>`)}</ul>
  </nav>`;
}
