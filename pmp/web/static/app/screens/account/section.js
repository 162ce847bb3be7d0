// A titled part of the account screen, and what its forms share: errors by field, a status.
import { ApiError, errorText } from "../../api.js";
import { html, useEffect, useRef, useState } from "../../vendor.js";

export function Section({ id, title, intro, children, tone = "" }) {
  return html`
    <section id=${id} class=${`account-section ${tone}`} aria-labelledby=${`${id}-title`}>
      <h2 id=${`${id}-title`} tabindex="-1">${title}</h2>
      ${intro && html`<p class="muted">${intro}</p>`}
      ${children}
    </section>`;
}

// {field: "message"}; a nested schema's messages ({preferences: {currency: [...]}}) are
// flattened to their own names.
export function fieldErrors(error) {
  if (!(error instanceof ApiError) || !error.fields) return {};
  const flat = {};
  const walk = (fields) => {
    for (const [name, messages] of Object.entries(fields)) {
      if (messages && typeof messages === "object" && !Array.isArray(messages)) walk(messages);
      else flat[name] = [].concat(messages).join(" ");
    }
  };
  walk(error.fields);
  return flat;
}

// A form's submit: busy while saving, then the error or what `save` says went well. After a
// refusal the first field the server named takes the focus (its message is read with it).
export function useForm(save) {
  const [error, setError] = useState(null);
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const ref = useRef(null);
  useEffect(() => {
    ref.current?.querySelector("[aria-invalid='true']")?.focus();
  }, [error]);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone("");
    try {
      setDone(await save());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return { error, done, busy, submit, ref, errors: fieldErrors(error) };
}

// What a form answers after a submit: an error in words, or what went well.
export function Outcome({ error, done, fields = [] }) {
  if (error) {
    const byField = fieldErrors(error);
    if (fields.some((name) => name in byField)) {
      return html`<p class="form-error" role="alert">Not saved: see the marked field.</p>`;
    }
    return html`<p class="form-error" role="alert">${errorText(error)}</p>`;
  }
  return html`<p class="form-done" role="status">${done || ""}</p>`;
}
