// Form controls that always carry a label (visible or for screen readers) and show errors.
import { html, useId } from "../vendor.js";

export function Field({ label, error, hint, children, id }) {
  const errorId = error ? `${id}-error` : undefined;
  return html`
    <div class=${`field ${error ? "has-error" : ""}`}>
      <label for=${id}>${label}</label>
      ${children(errorId)}
      ${hint && !error && html`<p class="hint">${hint}</p>`}
      ${error && html`<p class="error" id=${errorId}>${error}</p>`}
    </div>`;
}

export function TextField({ label, value, onInput, type = "text", error, hint, ...rest }) {
  const id = useId();
  return html`
    <${Field} label=${label} error=${error} hint=${hint} id=${id}>
      ${(errorId) => html`<input id=${id} type=${type} value=${value}
        aria-invalid=${error ? "true" : undefined} aria-describedby=${errorId}
        onInput=${(e) => onInput(e.currentTarget.value)} ...${rest} />`}
    <//>`;
}

export function Checkbox({ label, checked, onChange }) {
  const id = useId();
  return html`
    <div class="checkbox">
      <input id=${id} type="checkbox" checked=${checked}
        onChange=${(e) => onChange(e.currentTarget.checked)} />
      <label for=${id}>${label}</label>
    </div>`;
}

export function Select({ label, value, options, onChange, hideLabel = false }) {
  const id = useId();
  return html`
    <div class=${`field ${hideLabel ? "inline" : ""}`}>
      <label for=${id} class=${hideLabel ? "visually-hidden" : ""}>${label}</label>
      <select id=${id} value=${value} onChange=${(e) => onChange(e.currentTarget.value)}>
        ${options.map(([v, text]) => html`<option value=${v} selected=${v === value}>
          ${text}</option>`)}
      </select>
    </div>`;
}
