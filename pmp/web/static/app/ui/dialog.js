// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
import { html, useEffect, useRef } from "../vendor.js";

export function Dialog({ open, title, onClose, children, className = "" }) {
  const ref = useRef(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return html`
    <dialog ref=${ref} class=${`dialog ${className}`} aria-label=${title}
      onClose=${() => open && onClose()}>
      ${open && html`
        <div class="dialog-head">
          <h2>${title}</h2>
          <button type="button" class="icon" aria-label="Close" onClick=${onClose}>×</button>
        </div>
        ${children}`}
    </dialog>`;
}

// Ask once before something destructive; resolves true or false.
export function ConfirmDialog({ request, onAnswer }) {
  if (!request) return null;
  return html`
    <${Dialog} open=${true} title=${request.title} onClose=${() => onAnswer(false)}>
      <p>${request.message}</p>
      <div class="actions">
        <button type="button" onClick=${() => onAnswer(false)}>Cancel</button>
        <button type="button" class="danger" onClick=${() => onAnswer(true)}>
          ${request.confirm || "Delete"}</button>
      </div>
    <//>`;
}
