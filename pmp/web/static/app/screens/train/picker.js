// Adding an exercise: a search over the catalogue and the user's own exercises, the ones of
// the last few workouts first. The catalogue is loaded once per screen and kept on the device
// (it opens offline); "recent" costs one list and at most RECENT_WORKOUTS detail requests.
import { api } from "../../api.js";
import { isTemp } from "../../outbox.js";
import { Dialog } from "../../ui/dialog.js";
import { html, useEffect, useId, useState } from "../../vendor.js";
import * as cache from "./cache.js";

const RECENT_WORKOUTS = 3;
const SHOWN = 40;

export function useCatalogue() {
  const [exercises, setExercises] = useState(() => cache.loadCatalogue());
  useEffect(() => {
    api.get("/api/exercises").then((list) => {
      setExercises(list);
      cache.saveCatalogue(list);
    }, () => {});
  }, []);
  return exercises;
}

// Exercise ids of the user's most recent workouts other than this one, newest first.
async function recentExercises(currentId) {
  const workouts = await api.get(`/api/workouts?limit=${RECENT_WORKOUTS + 1}`);
  const others = workouts.filter((w) => String(w.id) !== String(currentId))
    .slice(0, RECENT_WORKOUTS);
  const details = await Promise.all(others.map((w) =>
    api.get(`/api/workouts/${w.id}/details`).catch(() => null)));
  const seen = [];
  for (const workout of details.filter(Boolean)) {
    for (const entry of workout.exercises) {
      if (!seen.includes(entry.exercise_id)) seen.push(entry.exercise_id);
    }
  }
  return seen;
}

const fold = (text) => text.toLowerCase().replace(/\s+/g, " ").trim();

function Choice({ exercise, onPick }) {
  const meta = [exercise.category, exercise.muscle_group, exercise.custom ? "yours" : null]
    .filter(Boolean).join(" · ").replace(/_/g, " ");
  const id = useId();
  return html`<li class="pick-row"><button type="button" class="pick" aria-describedby=${id}
    onClick=${() => onPick(exercise)}>${exercise.name}</button>
    <span class="pick-meta muted" id=${id}>${meta}</span></li>`;
}

export function ExercisePicker({ open, workoutId, catalogue, onPick, onClose }) {
  const [query, setQuery] = useState("");
  const [recent, setRecent] = useState(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    setQuery("");
    if (recent === null && !isTemp(workoutId)) {
      recentExercises(workoutId).then(setRecent, () => setRecent([]));
    }
  }, [open]);
  const wanted = fold(query);
  const matches = catalogue.filter((e) => fold(e.name).includes(wanted));
  const byId = new Map(matches.map((e) => [e.id, e]));
  const recentOnes = (recent || []).map((i) => byId.get(i)).filter(Boolean);
  const others = matches.filter((e) => !recentOnes.includes(e));
  const shown = others.slice(0, SHOWN);
  return html`
    <${Dialog} open=${open} title="Add an exercise" onClose=${onClose} className="picker">
      <div class="field">
        <label for=${id}>Search exercises</label>
        <input id=${id} type="search" value=${query} autocomplete="off" autofocus
          onInput=${(e) => setQuery(e.currentTarget.value)} />
      </div>
      <div class="pick-lists">
        ${recentOnes.length > 0 && html`<h3>Recent</h3>
          <ul class="pick-list">${recentOnes.map((e) => html`<${Choice} key=${e.id} exercise=${e}
            onPick=${onPick} />`)}</ul>`}
        ${recentOnes.length > 0 && shown.length > 0 && html`<h3>All exercises</h3>`}
        <ul class="pick-list">${shown.map((e) => html`<${Choice} key=${e.id} exercise=${e}
          onPick=${onPick} />`)}</ul>
        ${others.length > SHOWN && html`<p class="muted">${others.length - SHOWN} more: type to
          narrow the list.</p>`}
        ${!matches.length && html`<p class="empty">No exercise matches “${query}”. Create your
          own under <a href="/exercises">Exercises</a>.</p>`}
      </div>
    <//>`;
}
