// Short messages at the bottom of the screen, read out by screen readers; some can be undone.
import { html, signal } from "../vendor.js";

export const toasts = signal([]);
let next = 1;

export function notify(message, { undo = null, tone = "info", ms = 6000 } = {}) {
  const id = next++;
  toasts.value = [...toasts.value, { id, message, undo, tone }];
  setTimeout(() => dismiss(id), ms);
  return id;
}

export function dismiss(id) {
  toasts.value = toasts.value.filter((t) => t.id !== id);
}

export function Toasts() {
  return html`
    <div class="toasts" role="status" aria-live="polite">
      ${toasts.value.map((t) => html`
        <div class=${`toast toast-${t.tone}`} key=${t.id}>
          <span>${t.message}</span>
          ${t.undo && html`<button type="button" class="link"
            onClick=${() => { dismiss(t.id); t.undo(); }}>Undo</button>`}
          <button type="button" class="icon" aria-label="Dismiss"
            onClick=${() => dismiss(t.id)}>×</button>
        </div>`)}
    </div>`;
}
