// One plan: its name and notes, its routine, its schedule; Start turns it into a workout;
// Delete asks first. Every change is saved at once and the plan re-read from the answer.
import { api, errorText, request } from "../../api.js";
import { user } from "../../session.js";
import { ConfirmDialog, Dialog } from "../../ui/dialog.js";
import { TextField } from "../../ui/fields.js";
import { InlineText } from "../../ui/inline.js";
import { useTitle } from "../../ui/layout.js";
import { notify } from "../../ui/toast.js";
import { html, useEffect, useId, useLocation, useState } from "../../vendor.js";
import { trainingUnit } from "../progress/data.js";
import { scheduleText, StartButton } from "./common.js";
import { Routine } from "./routine.js";
import { Schedule } from "./schedule.js";

function usePlan(id) {
  const [plan, setPlan] = useState(null);
  const [error, setError] = useState(null);
  const load = () => request("GET", `/api/plans/${id}`).then(
    ({ data }) => { setPlan(data); setError(null); }, setError);
  useEffect(() => { setPlan(null); load(); }, [id]);
  // A change, then the plan as the server has it (or back as it was, with the reason).
  async function change(what, call) {
    try {
      const answer = await call();
      if (answer && answer.exercises) setPlan(answer);
      else await load();
      return true;
    } catch (caught) {
      notify(`${what}: ${errorText(caught)}`, { tone: "error" });
      await load();
      return false;
    }
  }
  return { plan, error, change };
}

function RenameDialog({ plan, change, onClose }) {
  const [name, setName] = useState(plan.name);
  async function submit(event) {
    event.preventDefault();
    const saved = await change("The name was not saved",
      () => api.patch(`/api/plans/${plan.id}`, { name: name.trim() }));
    if (saved) onClose();
  }
  return html`
    <${Dialog} open=${true} title="Rename the plan" onClose=${onClose}>
      <form onSubmit=${submit} novalidate>
        <${TextField} label="Name" value=${name} onInput=${setName} required autofocus
          autocomplete="off" maxlength="200" />
        <div class="actions">
          <button type="button" onClick=${onClose}>Cancel</button>
          <button type="submit" class="primary">Rename</button>
        </div>
      </form>
    <//>`;
}

function Head({ plan, change, onDelete }) {
  const notesId = useId();
  const [renaming, setRenaming] = useState(false);
  return html`
    <div class="plan-head">
      <div class="plan-title">
        <h1>${plan.name}</h1>
        <div class="head-actions">
          <${StartButton} plan=${plan} primary=${true} />
          <button type="button" onClick=${() => setRenaming(true)}>Rename</button>
          <button type="button" class="danger" onClick=${onDelete}>Delete plan</button>
        </div>
      </div>
      <p class="muted">${scheduleText(plan)}</p>
      <div class="target notes plan-notes">
        <label for=${notesId}>Notes</label>
        <${InlineText} id=${notesId} label="Plan notes" value=${plan.notes ?? ""}
          placeholder="What this plan is for"
          onSave=${(notes) => change("The notes were not saved",
            () => api.patch(`/api/plans/${plan.id}`, { notes: notes.trim() || null }))} />
      </div>
      ${renaming && html`<${RenameDialog} plan=${plan} change=${change}
        onClose=${() => setRenaming(false)} />`}
    </div>`;
}

export function PlanEditor({ id }) {
  const { route } = useLocation();
  const { plan, error, change } = usePlan(id);
  const [asking, setAsking] = useState(false);
  useTitle(plan ? plan.name : "Plan");
  const unit = trainingUnit(user.value?.preferences?.weight_unit);
  if (error) {
    return html`<h1>Plan not found</h1><p role="alert">${error.status === 404
      ? "There is no such plan in your account." : errorText(error)}</p>
      <p><a href="/plans">All plans</a></p>`;
  }
  if (!plan) return html`<p class="loading" role="status">Loading…</p>`;
  const actions = {
    add: (exercise) => change(`${exercise.name} was not added`, () =>
      api.post(`/api/plans/${plan.id}/exercises`, { exercise_id: exercise.id })),
    change: (entry, fields) => change(`${entry.exercise_name} was not saved`, () =>
      api.patch(`/api/plan-exercises/${entry.id}`, fields)),
    move: (entry, position) => change(`${entry.exercise_name} was not moved`, () =>
      api.patch(`/api/plan-exercises/${entry.id}`, { position })),
    remove: (entry) => change(`${entry.exercise_name} was not removed`, () =>
      api.delete(`/api/plan-exercises/${entry.id}`)),
  };
  async function remove(yes) {
    setAsking(false);
    if (!yes) return;
    try {
      await api.delete(`/api/plans/${plan.id}`);
      notify(`Deleted “${plan.name}”.`);
      route("/plans");
    } catch (caught) {
      notify(`“${plan.name}” was not deleted: ${errorText(caught)}`, { tone: "error" });
    }
  }
  return html`
    <${Head} plan=${plan} change=${change} onDelete=${() => setAsking(true)} />
    <div class="plan-parts">
      <${Routine} plan=${plan} unit=${unit} actions=${actions} />
      <${Schedule} plan=${plan} onSave=${(fields) => change("The schedule was not saved",
        () => api.patch(`/api/plans/${plan.id}`, fields))} />
    </div>
    <${ConfirmDialog} request=${asking && { title: `Delete ${plan.name}?`,
      message: "The plan and its schedule go; workouts started from it stay.",
      confirm: "Delete plan" }} onAnswer=${remove} />`;
}
