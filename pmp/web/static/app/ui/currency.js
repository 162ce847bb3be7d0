// A currency: a common ISO 4217 code picked from a list, or any other one typed (the server
// checks that it exists).
import { COMMON_CURRENCIES } from "../format.js";
import { html, useId } from "../vendor.js";
import { TextField } from "./fields.js";

export function CurrencyField({ value, onInput, error, label = "Currency" }) {
  const listId = useId();
  return html`
    <${TextField} label=${label} value=${value} onInput=${(v) => onInput(v.toUpperCase())}
      error=${error} list=${listId} autocomplete="off" maxlength="3" spellcheck="false"
      hint="ISO 4217 code, such as EUR" />
    <datalist id=${listId}>
      ${COMMON_CURRENCIES.map((code) => html`<option value=${code} />`)}
    </datalist>`;
}
