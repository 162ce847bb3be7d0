// When a plan is due: a checkbox per weekday, and specific dates (added with a date field,
// each removable). Every change is saved at once.
import { html, useId, useState } from "../../vendor.js";
import { longDate } from "../progress/data.js";
import { dayName, WEEKDAYS } from "./common.js";

export function Schedule({ plan, onSave }) {
  const [date, setDate] = useState("");
  const dateId = useId();
  const weekdays = plan.weekdays || [];
  const dates = [...(plan.dates || [])].sort();
  function toggle(day, on) {
    const next = on ? [...weekdays, day] : weekdays.filter((d) => d !== day);
    onSave({ weekdays: [...new Set(next)].sort() });
  }
  function addDate(event) {
    event.preventDefault();
    if (!date || dates.includes(date)) return;
    onSave({ dates: [...dates, date].sort() }).then((ok) => ok && setDate(""));
  }
  return html`
    <section class="panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title">Schedule</h2>
      <fieldset class="weekday-boxes">
        <legend>Every week on</legend>
        ${WEEKDAYS.map((day) => html`<label key=${day} class="weekday">
          <input type="checkbox" checked=${weekdays.includes(day)}
            onChange=${(e) => toggle(day, e.currentTarget.checked)} />
          <span aria-hidden="true">${dayName(day, "short")}</span>
          <span class="visually-hidden">${dayName(day)}</span></label>`)}
      </fieldset>
      <form class="date-adder" onSubmit=${addDate}>
        <label for=${dateId}>On a date</label>
        <input id=${dateId} type="date" value=${date}
          onInput=${(e) => setDate(e.currentTarget.value)} />
        <button type="submit" disabled=${!date}>Add date</button>
      </form>
      ${dates.length > 0 && html`<ul class="date-list" aria-label="Dates">
        ${dates.map((d) => html`<li key=${d}>${longDate(d)}
          <button type="button" class="icon" aria-label=${`Remove ${longDate(d)}`}
            onClick=${() => onSave({ dates: dates.filter((x) => x !== d) })}>×</button></li>`)}
      </ul>`}
    </section>`;
}
