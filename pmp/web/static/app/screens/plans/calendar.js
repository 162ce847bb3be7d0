// The calendar: a month of what is planned and what was done, previous and next month. A
// table of weeks on a desktop; on a phone, the list of the days that have something. Arrow
// keys move between days (the day in focus is the one Tab reaches); today's plans can start.
import { errorText } from "../../api.js";
import { useTitle } from "../../ui/layout.js";
import { NARROW, useMedia } from "../../ui/media.js";
import { html, useEffect, useLocation, useRef, useState } from "../../vendor.js";
import { addDays, isoDate, missingRoute, mondayOf, parseDate, useResource }
  from "../progress/data.js";
import { dayName, NotAvailable, StartButton, WEEKDAYS } from "./common.js";

function monthOf(query) {
  const match = /^(\d{4})-(\d{2})$/.exec(query || "");
  const today = new Date();
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, 1)
    : new Date(today.getFullYear(), today.getMonth(), 1);
}

const monthKey = (day) => isoDate(day).slice(0, 7);
const monthName = (day) => day.toLocaleDateString(undefined, { month: "long", year: "numeric" });

function Day({ day, info, today, focused, onKey, narrow }) {
  const isToday = day === today;
  const label = parseDate(day).toLocaleDateString(undefined,
    { weekday: "long", day: "numeric", month: "long" });
  const planned = info?.planned || [];
  const done = info?.workouts || [];
  return html`
    <div class=${`day ${isToday ? "today" : ""}`} data-day=${day}
      tabindex=${focused ? "0" : "-1"} onKeyDown=${onKey}
      aria-label=${`${label}${isToday ? ", today" : ""}`} role="group">
      <div class="day-number" aria-hidden="true">${narrow && html`<span class="day-weekday">
        ${parseDate(day).toLocaleDateString(undefined, { weekday: "short" })}</span>`}
        ${parseDate(day).getDate()}</div>
      ${planned.length > 0 && html`<ul class="day-planned" aria-label="Planned">
        ${planned.map((p) => html`<li key=${p.plan_id}>
          <a href=${`/plans/${p.plan_id}`}>${p.name}</a>
          ${isToday && html` <${StartButton} plan=${{ id: p.plan_id, name: p.name }} />`}
        </li>`)}</ul>`}
      ${done.length > 0 && html`<ul class="day-done" aria-label="Done">
        ${done.map((w) => html`<li key=${w.id}><a href=${`/train/${w.id}`}>
          <span aria-hidden="true">✓ </span>${w.exercises} ex · ${w.sets} sets
          <span class="visually-hidden"> (workout at ${new Date(w.performed_at)
            .toLocaleTimeString(undefined, { timeStyle: "short" })})</span></a></li>`)}
      </ul>`}
    </div>`;
}

// Arrow keys between days: by day and week in the month's grid, by entry in the phone's list.
function useRoving(days, initial, narrow) {
  const [focus, setFocus] = useState(initial);
  const grid = useRef(null);
  const moved = useRef(false);
  useEffect(() => setFocus(initial), [initial]);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector(`[data-day="${focus}"]`)?.focus();
  }, [focus]);
  const steps = narrow ? { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -1, ArrowDown: 1 }
    : { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
  function onKey(event) {
    if (event.target !== event.currentTarget || !(event.key in steps)) return;
    const here = event.currentTarget.dataset.day;
    const next = narrow ? days[days.indexOf(here) + steps[event.key]]
      : isoDate(addDays(parseDate(here), steps[event.key]));
    if (!days.includes(next)) return;
    event.preventDefault();
    moved.current = true;
    setFocus(next);
  }
  return { focus: days.includes(focus) ? focus : days[0], grid, onKey };
}

export function Calendar() {
  useTitle("Calendar");
  const { query, route } = useLocation();
  const month = monthOf(query.month);
  const narrow = useMedia(NARROW);
  const first = month;
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0);
  const { data, error } = useResource(
    `/api/calendar?from=${isoDate(first)}&to=${isoDate(last)}`);
  const today = isoDate(new Date());
  const byDate = new Map((data?.days || []).map((d) => [d.date, d]));
  const days = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(isoDate(d));
  const go = (delta) => route(`/calendar?month=${monthKey(
    new Date(month.getFullYear(), month.getMonth() + delta, 1))}`);
  const lead = Math.round((first - mondayOf(first)) / 86400000);
  const shown = narrow ? days.filter((d) => d === today || byDate.get(d)?.planned.length ||
    byDate.get(d)?.workouts.length) : days;
  const roving = useRoving(shown, shown.includes(today) ? today : shown[0], narrow);
  return html`
    <div class="screen-head"><h1>Calendar</h1></div>
    <div class="month-nav">
      <button type="button" onClick=${() => go(-1)}
        aria-label="Previous month">‹ <span aria-hidden="true">Previous</span></button>
      <h2 aria-live="polite">${monthName(month)}</h2>
      <button type="button" onClick=${() => go(1)}
        aria-label="Next month"><span aria-hidden="true">Next</span> ›</button>
    </div>
    ${missingRoute(error) ? html`<${NotAvailable} what="The calendar and plans" />`
      : error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
    ${!data && !error && html`<p class="loading" role="status">Loading…</p>`}
    ${data && narrow && shown.length === 0 && html`<p class="empty">Nothing planned or done
      this month.</p>`}
    ${data && html`<div ref=${roving.grid} class=${narrow ? "day-list" : "month-grid"}>
      ${!narrow && WEEKDAYS.map((d) => html`<div class="weekday-name" aria-hidden="true">
        ${dayName(d, "short")}</div>`)}
      ${!narrow && lead > 0 && html`<div class=${`lead lead-${lead}`} aria-hidden="true"></div>`}
      ${shown.map((day) => html`<${Day} key=${day} day=${day} info=${byDate.get(day)}
        today=${today} focused=${day === roving.focus} onKey=${roving.onKey}
        narrow=${narrow} />`)}
    </div>`}`;
}
