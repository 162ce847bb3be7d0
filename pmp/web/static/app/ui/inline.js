// Fields that read as text until focused: typing stays local to the field (no screen re-renders
// on each keystroke); Enter or leaving the field saves, Escape puts the saved value back.
import { html, useState } from "../vendor.js";
import { parseNumber } from "../format.js";

export function InlineText({ label, value, onSave, className = "", onFocus, onBlur, ...rest }) {
  const [draft, setDraft] = useState(null);
  const saved = value ?? "";

  function commit(input) {
    const text = input.value;
    setDraft(null);
    if (text !== String(saved)) onSave(text, input);
  }
  function keyDown(event) {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      commit(event.currentTarget);
    } else if (event.key === "Escape" && draft !== null && draft !== String(saved)) {
      event.preventDefault();
      event.stopPropagation();
      event.currentTarget.value = String(saved);
      setDraft(null);
    }
  }
  return html`<input class=${`inline ${className}`} aria-label=${label}
    value=${draft ?? saved} autocomplete="off" spellcheck=${false}
    onFocus=${onFocus}
    onInput=${(e) => setDraft(e.currentTarget.value)}
    onKeyDown=${keyDown}
    onBlur=${(e) => { commit(e.currentTarget); onBlur && onBlur(e); }}
    ...${rest} />`;
}

// A number: "1,5" reads as 1.5; empty is null when `empty` is allowed; anything else is refused
// with `onInvalid(message)` and the saved value comes back.
export function InlineNumber({ value, onSave, onInvalid, empty = false, label, className = "",
  ...rest }) {
  const shown = value === null || value === undefined ? "" : String(value);
  function save(text, input) {
    const parsed = parseNumber(text);
    if (parsed === null && !(empty && text.trim() === "")) {
      input.value = shown;
      onInvalid && onInvalid(`${label}: enter a number.`);
      return;
    }
    if (parsed !== null && parsed < 0) {
      input.value = shown;
      onInvalid && onInvalid(`${label}: must not be negative.`);
      return;
    }
    if (parsed !== value) onSave(parsed);
  }
  return html`<${InlineText} label=${label} value=${shown} onSave=${save}
    inputmode="decimal" className=${`num ${className}`} ...${rest} />`;
}
