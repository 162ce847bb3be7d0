// The frame of every signed-in screen: a skip link, the header with the navigation, the
// session notices, the screen itself in <main>, and the toasts.
import { html, useLocation } from "../vendor.js";
import { sessionNotice, signOut, status, user } from "../session.js";
import { online, problem } from "../outbox.js";
import { SecurityAlert } from "./security-alert.js";
import { Toasts } from "./toast.js";

// [path, label, other paths that belong to the same part of the app]
export const NAV = [
  ["/packs", "Packs", []],
  ["/gear", "Gear", []],
  ["/train", "Train", ["/history", "/plans", "/calendar", "/exercises"]],
  ["/progress", "Progress", []],
  ["/account", "Account", []],
];

function NavLink({ href, also, children }) {
  const { path } = useLocation();
  const current = [href, ...also].some((p) => path === p || path.startsWith(`${p}/`));
  return html`<a href=${href} class=${`nav-${children.toLowerCase()}`}
    aria-current=${current ? "page" : undefined}>${children}</a>`;
}

export function Frame({ children, wide = false }) {
  const { route } = useLocation();
  const name = user.value?.display_name || user.value?.username || "";
  return html`
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="app-header">
      <a class="brand" href="/packs" aria-label="pmp, home">pmp</a>
      <nav aria-label="Main">
        ${NAV.map(([href, text, also]) => html`<${NavLink} href=${href} also=${also}>${text}<//>`)}
      </nav>
      <div class="who">
        <span class="muted" title="Signed in">${name}</span>
        <button type="button" class="quiet"
          onClick=${async () => { await signOut(); route("/login"); }}>Sign out</button>
      </div>
    </header>
    ${sessionNotice.value && html`<p class="notice" role="alert">${sessionNotice.value}</p>`}
    ${(status.value === "offline" || !online.value) && html`<p class="notice offline-notice"
      role="status">Offline: you see what this device kept; changes are sent when the
      connection is back.</p>`}
    ${problem.value && html`<p class="notice" role="alert">${problem.value}
      <button type="button" class="link" onClick=${() => { problem.value = null; }}>Dismiss</button>
      </p>`}
    <${SecurityAlert} />
    <main id="main" class=${wide ? "wide" : ""} tabindex="-1">${children}</main>
    <${Toasts} />`;
}

// Screens call this to name themselves in the tab title.
export function useTitle(title) {
  document.title = title ? `${title} · pmp` : "pmp";
}
