// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
import { html, useEffect, useRef } from "../vendor.js";

export function Dialog({ open, title, onClose, children, className = "" }) {
  const ref = useRef(null);
  const gone = useRef(false);
  const opener = useRef(null);
  // Removed while open (its owner stopped rendering it): close it, and give the focus back to
  // the control that opened it, as closing it in place does.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      gone.current = true;
      if (dialog.open) dialog.close();
      const back = opener.current;
      const lost = document.activeElement === document.body ||
        dialog.contains(document.activeElement);
      if (back && back.isConnected && lost) back.focus();
    };
  }, []);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return html`
    <dialog ref=${ref} class=${`dialog ${className}`} aria-label=${title}
      onClose=${() => open && !gone.current && onClose()}>
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
