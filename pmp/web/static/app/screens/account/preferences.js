// The weight unit and currency that new items, totals and exports start from.
import { UNITS } from "../../format.js";
import { savePreferences, user } from "../../session.js";
import { CurrencyField } from "../../ui/currency.js";
import { Select } from "../../ui/fields.js";
import { html, useState } from "../../vendor.js";
import { Outcome, Section, useForm } from "./section.js";

const UNIT_NAMES = { g: "Grams (g)", kg: "Kilograms (kg)", oz: "Ounces (oz)", lb: "Pounds (lb)" };

export function Preferences() {
  const prefs = user.value.preferences;
  const [unit, setUnit] = useState(prefs.weight_unit);
  const [currency, setCurrency] = useState(prefs.currency);
  const form = useForm(async () => {
    await savePreferences({ weight_unit: unit, currency: currency.trim() });
    return "Preferences saved.";
  });
  return html`
    <${Section} id="preferences" title="Units and currency"
      intro="Totals are shown in this unit; new items start with it and with this currency.">
      <form onSubmit=${form.submit} novalidate class="account-form" ref=${form.ref}>
        <div class="field-pair">
          <${Select} label="Weight unit" value=${unit} onChange=${setUnit}
            options=${UNITS.map((u) => [u, UNIT_NAMES[u]])} />
          <${CurrencyField} value=${currency} onInput=${setCurrency}
            error=${form.errors.currency} />
        </div>
        <div class="form-row">
          <button type="submit" disabled=${form.busy}>Save preferences</button>
          <${Outcome} error=${form.error} done=${form.done} fields=${["currency", "weight_unit"]} />
        </div>
      </form>
    <//>`;
}
