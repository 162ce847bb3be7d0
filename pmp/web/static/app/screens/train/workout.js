// /train/:id, one workout (today's, or any from the history): when, notes, its exercises with
// their sets, the rest timer, what waits to be sent, and the report on finishing.
import { api, ApiError, errorText } from "../../api.js";
import { dateTime } from "../../format.js";
import { isTemp, pending, waitingText } from "../../outbox.js";
import { status } from "../../session.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { InlineNotes } from "../../ui/inline.js";
import { notify } from "../../ui/toast.js";
import { html, useEffect, useId, useRef, useState } from "../../vendor.js";
import { Entry } from "./entry.js";
import { ExercisePicker, useCatalogue } from "./picker.js";
import { Report } from "./report.js";
import { RestLength, RestTimer, startRest } from "./rest.js";
import { SetDialog } from "./set-form.js";
import { fromLocalInput, localInput } from "./start.js";
import { ordered, same, useWorkout } from "./store.js";

function WorkoutHead({ workout, actions }) {
  const when = useId();
  const notes = useId();
  return html`<section class="train-card workout-head" aria-label="Workout">
    <div class="workout-when">
      <div class="field">
        <label for=${when}>Started</label>
        <input id=${when} type="datetime-local" value=${localInput(workout.performed_at)}
          onChange=${(e) => {
            const iso = fromLocalInput(e.currentTarget.value);
            if (iso) actions.changeWorkout({ performed_at: iso });
          }} />
      </div>
      <${RestLength} />
    </div>
    <details class="workout-notes" open=${Boolean(workout.notes)}>
      <summary>Workout notes</summary>
      <label for=${notes} class="visually-hidden">Workout notes</label>
      <${InlineNotes} id=${notes} value=${workout.notes}
        onSave=${(value) => actions.changeWorkout({ notes: value })} />
    </details>
  </section>`;
}

function Waiting({ id }) {
  const ops = pending.value.filter((op) => same(op.workout, id));
  return html`<p class=${`waiting-note ${ops.length ? "" : "visually-hidden"}`} role="status">
    ${ops.length ? `${waitingText(ops)}.` : ""}</p>`;
}

// Finishing: the duration is set if it was not, then the report once nothing waits.
function useFinish(id, workout, actions) {
  const [finishing, setFinishing] = useState(false);
  const [report, setReport] = useState(null);
  const waiting = pending.value.filter((op) => same(op.workout, id)).length;
  useEffect(() => {
    if (!finishing || waiting || status.value !== "signed-in" || isTemp(id)) return;
    api.get(`/api/workouts/${id}/report`).then((data) => {
      setReport(data);
      setFinishing(false);
    }, (error) => {
      notify(error.status === 0 ? "No connection: finish again once it is back."
        : errorText(error), { tone: "error" });
      setFinishing(false);
    });
  }, [finishing, waiting, status.value, id]);
  function finish() {
    const minutes = Math.round((Date.now() - new Date(workout.performed_at)) / 60000);
    if (workout.duration_minutes === null && minutes > 0 && minutes <= 600) {
      actions.changeWorkout({ duration_minutes: minutes });
    }
    setFinishing(true);
  }
  return { finishing, report, finish, back: () => setReport(null) };
}

export function Workout({ id, onMoved }) {
  const { workout, last, error, actions } = useWorkout(id, { onCreated: onMoved });
  const catalogue = useCatalogue();
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState(null);
  const [removing, setRemoving] = useState(null);
  const focus = useRef(null);
  const done = useFinish(id, workout, actions);
  const categories = new Map(catalogue.map((e) => [e.id, e.category]));

  // After a move or an added exercise, the focus goes where the person is.
  // (Tried again on the next renders for a moment: the answers of the server re-render too.)
  useEffect(() => {
    const wanted = focus.current;
    if (!wanted || Date.now() > wanted.until) {
      focus.current = null;
      return;
    }
    const found = wanted.ids.map((i) => document.getElementById(i))
      .find((el) => el && !el.disabled);
    if (found) found.focus();
    if (found && document.activeElement === found) focus.current = null;
  });
  const focusSoon = (...ids) => {
    focus.current = { ids, until: Date.now() + 1500 };
  };

  if (!workout) {
    return error ? html`<h1>Workout</h1><p class="form-error" role="alert">${error instanceof ApiError
      ? errorText(error) : error.message}</p><p><a href="/train">Start a workout</a></p>`
      : html`<p class="loading" role="status">Loading…</p>`;
  }
  if (done.report) return html`<${Report} report=${done.report} onBack=${done.back} />`;

  const entries = ordered(workout.exercises);
  const today = new Date(workout.performed_at).toDateString() === new Date().toDateString();
  const move = (entry, step) => {
    const head = `entry-${entry.id}`;
    focusSoon(`${head}-${step < 0 ? "up" : "down"}`, `${head}-${step < 0 ? "down" : "up"}`);
    actions.moveEntry(entry, step);
  };
  const entryActions = { ...actions, moveEntry: move,
    addSet: (entry, values) => { actions.addSet(entry, values); startRest(); } };

  return html`
    <div class="screen-head"><h1>${today ? "Today's workout" : "Workout"}</h1></div>
    ${!today && html`<p class="muted workout-date">${dateTime(workout.performed_at)}</p>`}
    <${WorkoutHead} workout=${workout} actions=${actions} />
    <${Waiting} id=${id} />
    ${entries.length === 0 && html`<p class="empty">No exercises yet: add the first one.</p>`}
    ${entries.map((entry, index) => html`<${Entry} key=${entry.key || entry.id} entry=${entry}
      index=${index} count=${entries.length} last=${last[entry.exercise_id]}
      cardio=${categories.get(entry.exercise_id) === "cardio"} actions=${entryActions}
      onEdit=${(e, set, n) => setEditing({ entry: e, set, index: n })}
      onRemove=${setRemoving} />`)}
    <div class="train-actions">
      <button type="button" class="primary" onClick=${() => setPicking(true)}>
        Add exercise</button>
      <button type="button" onClick=${done.finish} disabled=${done.finishing}>
        ${done.finishing ? "Finishing…" : "Finish workout"}</button>
    </div>
    ${done.finishing && pending.value.some((op) => same(op.workout, id)) && html`
      <p class="muted">The report shows once everything is sent.</p>`}
    <${RestTimer} />
    <${ExercisePicker} open=${picking} workoutId=${id} catalogue=${catalogue}
      onClose=${() => setPicking(false)}
      onPick=${(exercise) => {
        setPicking(false);
        const temp = actions.addEntry(exercise);
        focusSoon(`entry-${temp}`);
      }} />
    <${SetDialog} editing=${editing}
      cardio=${editing && categories.get(editing.entry.exercise_id) === "cardio"}
      onClose=${() => setEditing(null)}
      onSave=${(set, values) => { setEditing(null); actions.changeSet(set, values); }}
      onDelete=${(set) => { setEditing(null); actions.removeSet(set); notify("Set deleted."); }} />
    <${ConfirmDialog} request=${removing && { title: `Remove ${removing.exercise_name}?`,
      message: `${removing.exercise_name} and its ${removing.sets.length} sets leave this workout.`,
      confirm: "Remove" }}
      onAnswer=${(yes) => {
        if (yes) actions.removeEntry(removing);
        setRemoving(null);
      }} />`;
}
