// Fields that read as text until focused: typing stays local to the field (no screen re-renders
// on each keystroke); Enter or leaving the field saves, Escape puts the saved value back.
import { html, useState } from "../vendor.js";
import { parseNumber } from "../format.js";

// The input's handlers: `saved` is the text of the saved value; `onSave(text, input)` is
// called when the text differs from it.
function useInline(saved, onSave, onFocus, onBlur) {
  const [draft, setDraft] = useState(null);
  function commit(input) {
    const text = input.value;
    setDraft(null);
    if (text !== saved) onSave(text, input);
  }
  return {
    value: draft ?? saved,
    onFocus,
    onInput: (event) => setDraft(event.currentTarget.value),
    onBlur: (event) => {
      commit(event.currentTarget);
      onBlur && onBlur(event);
    },
    onKeyDown: (event) => {
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        commit(event.currentTarget);
      } else if (event.key === "Escape" && draft !== null && draft !== saved) {
        event.preventDefault();
        event.stopPropagation();
        event.currentTarget.value = saved;
        setDraft(null);
      }
    },
  };
}

export function InlineText({ label, value, onSave, className = "", onFocus, onBlur, ...rest }) {
  const handlers = useInline(String(value ?? ""), onSave, onFocus, onBlur);
  return html`<input class=${`inline ${className}`} aria-label=${label} autocomplete="off"
    spellcheck=${false} ...${handlers} ...${rest} />`;
}

// A notes box: what is typed stays as typed while the screen re-renders (a set saved, the
// outbox retrying); leaving it saves the trimmed text (empty: null) when it changed.
export function InlineNotes({ id, value, onSave, rows = 2 }) {
  const [draft, setDraft] = useState(null);
  return html`<textarea id=${id} rows=${rows} value=${draft ?? (value || "")}
    onInput=${(event) => setDraft(event.currentTarget.value)}
    onBlur=${(event) => {
      const text = event.currentTarget.value.trim() || null;
      setDraft(null);
      if (text !== (value || null)) onSave(text);
    }}></textarea>`;
}

// A number: "1,5" reads as 1.5; empty is null when `empty` is allowed; anything else is refused
// with `onInvalid(message)` and the saved value comes back.
export function InlineNumber({ value, onSave, onInvalid, empty = false, label, className = "",
  onFocus, onBlur, ...rest }) {
  const shown = value === null || value === undefined ? "" : String(value);
  function refuse(input, message) {
    input.value = shown;
    onInvalid && onInvalid(`${label}: ${message}`);
  }
  function save(text, input) {
    const parsed = parseNumber(text);
    if (parsed === null && !(empty && text.trim() === "")) return refuse(input, "enter a number.");
    if (parsed !== null && parsed < 0) return refuse(input, "must not be negative.");
    if (parsed !== value) onSave(parsed);
    return undefined;
  }
  const handlers = useInline(shown, save, onFocus, onBlur);
  return html`<input class=${`inline num ${className}`} aria-label=${label} autocomplete="off"
    inputmode="decimal" ...${handlers} ...${rest} />`;
}
