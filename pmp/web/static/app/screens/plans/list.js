// The plans: each with its schedule and a Start button; a new plan is named in a dialog and
// opens in the editor.
import { api, ApiError, errorText } from "../../api.js";
import { Dialog } from "../../ui/dialog.js";
import { TextField } from "../../ui/fields.js";
import { useTitle } from "../../ui/layout.js";
import { html, useLocation, useState } from "../../vendor.js";
import { missingRoute, useResource } from "../progress/data.js";
import { dueOn, NotAvailable, scheduleText, StartButton } from "./common.js";

function NewPlanDialog({ onClose }) {
  const { route } = useLocation();
  const [name, setName] = useState("");
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    try {
      const plan = await api.post("/api/plans", { name: name.trim() });
      route(`/plans/${plan.id}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  const fieldError = error instanceof ApiError && error.fields?.name
    ? [].concat(error.fields.name).join(" ") : null;
  return html`
    <${Dialog} open=${true} title="New plan" onClose=${onClose}>
      <form onSubmit=${submit} novalidate>
        ${error && !fieldError && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
        <${TextField} label="Name" value=${name} onInput=${setName} error=${fieldError}
          required autofocus autocomplete="off" maxlength="200"
          hint="Such as “Push day” or “5×5 A”." />
        <div class="actions">
          <button type="button" onClick=${onClose}>Cancel</button>
          <button type="submit" class="primary" disabled=${busy}>Create plan</button>
        </div>
      </form>
    <//>`;
}

function PlanRow({ plan, today }) {
  const due = dueOn(plan, today);
  const count = (plan.exercises || []).length;
  return html`
    <li class=${`plan-row ${due ? "due" : ""}`}>
      <div class="plan-main">
        <a href=${`/plans/${plan.id}`} class="plan-name">${plan.name}</a>
        ${due && html` <span class="badge">Today</span>`}
        <p class="muted">${count} ${count === 1 ? "exercise" : "exercises"} ·
          ${" "}${scheduleText(plan)}</p>
      </div>
      <${StartButton} plan=${plan} primary=${due} />
    </li>`;
}

export function PlanList() {
  useTitle("Plans");
  const [creating, setCreating] = useState(false);
  const { data, total, error } = useResource("/api/plans?limit=200");
  const today = new Date();
  return html`
    <div class="screen-head">
      <h1>Plans</h1>
      <div class="head-actions">
        <button type="button" class="primary" onClick=${() => setCreating(true)}>
          New plan</button>
      </div>
    </div>
    ${missingRoute(error) ? html`<${NotAvailable} what="Plans" />`
      : error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
    ${!data && !error && html`<p class="loading" role="status">Loading…</p>`}
    ${data && data.length === 0 && html`<p class="empty">No plans yet. A plan is a routine of
      exercises with targets, scheduled on weekdays or dates: create one.</p>`}
    ${data && data.length > 0 && html`
      <p class="muted" role="status">${total ?? data.length} ${
        (total ?? data.length) === 1 ? "plan" : "plans"}</p>
      <ul class="plan-list">
        ${data.map((plan) => html`<${PlanRow} key=${plan.id} plan=${plan} today=${today} />`)}
      </ul>`}
    ${creating && html`<${NewPlanDialog} onClose=${() => setCreating(false)} />`}`;
}
