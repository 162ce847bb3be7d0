// /train without a workout: continue today's workout, start a plan due today, or start an
// empty workout (now, or another time).
import { api } from "../../api.js";
import { dateTime } from "../../format.js";
import { settled, submit, tempId } from "../../outbox.js";
import { status } from "../../session.js";
import { html, useEffect, useId, useState } from "../../vendor.js";
import { dueOn, StartButton } from "../plans/common.js";
import * as cache from "./cache.js";

// "2026-03-03T18:02" for a datetime-local input, in the device's time zone.
export function localInput(iso) {
  const d = iso ? new Date(iso) : new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${
    pad(d.getMinutes())}`;
}

export const fromLocalInput = (value) => (value ? new Date(value).toISOString() : null);

function startOfToday() {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).toISOString();
}

function useToday() {
  const [today, setToday] = useState([]);
  useEffect(() => {
    if (status.value !== "signed-in") return;
    const from = encodeURIComponent(startOfToday());
    api.get(`/api/workouts?from=${from}&limit=5`).then(setToday, () => {});
  }, [status.value]);
  return today;
}

// The plans due today on this device's calendar (weekday or date), for a one-tap start.
function useDuePlans() {
  const [due, setDue] = useState([]);
  useEffect(() => {
    if (status.value !== "signed-in") return;
    api.get("/api/plans?limit=100").then(
      (plans) => setDue(plans.filter((plan) => dueOn(plan, new Date()))), () => {});
  }, [status.value]);
  return due;
}

function DuePlans({ plans }) {
  if (!plans.length) return null;
  return html`<section class="train-card due-plans" aria-labelledby="due-head">
    <h2 id="due-head">Planned for today</h2>
    <ul class="today-list">${plans.map((plan) => html`<li key=${plan.id}>
      <span><a href=${`/plans/${plan.id}`}>${plan.name}</a>
        <span class="muted"> · ${plan.exercises.length} ${
          plan.exercises.length === 1 ? "exercise" : "exercises"}</span></span>
      <${StartButton} plan=${plan} primary=${true} /></li>`)}</ul>
  </section>`;
}

export function Start({ onOpen }) {
  const today = useToday();
  const due = useDuePlans();
  const [when, setWhen] = useState(() => localInput());
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function start(event) {
    event.preventDefault();
    setBusy(true);
    const temp = tempId();
    const performed = fromLocalInput(when) || new Date().toISOString();
    cache.saveWorkout({ id: temp, performed_at: performed, duration_minutes: null, notes: null,
      exercises: [] });
    const op = submit({ method: "POST", path: "/api/workouts", body: { performed_at: performed },
      temp, kind: "workout", workout: temp });
    // Online, the real id comes at once; offline the temporary one does until it is sent.
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 3000));
    const made = await Promise.race([settled(op).catch(() => null), timeout]);
    setBusy(false);
    onOpen(made ? made.id : temp);
  }

  return html`
    <div class="screen-head"><h1>Train</h1></div>
    ${today.length > 0 && html`<section class="train-card continue" aria-labelledby="today-head">
      <h2 id="today-head">Today</h2>
      <ul class="today-list">${today.map((w) => html`<li key=${w.id}>
        <span>Started ${dateTime(w.performed_at)}</span>
        <a class="button primary" href=${`/train/${w.id}`}>Continue workout</a></li>`)}</ul>
    </section>`}
    <${DuePlans} plans=${due} />
    <form class="train-card start-form" onSubmit=${start} aria-labelledby="start-head">
      <h2 id="start-head">${today.length || due.length ? "Start another workout"
        : "Start a workout"}</h2>
      <div class="field">
        <label for=${id}>Date and time</label>
        <input id=${id} type="datetime-local" value=${when} required
          onInput=${(e) => setWhen(e.currentTarget.value)} />
      </div>
      <button type="submit" class=${today.length || due.length ? "" : "primary"}
        disabled=${busy}>
        Start workout</button>
    </form>`;
}
