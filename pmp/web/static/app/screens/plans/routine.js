// The routine of a plan: its exercises in order, each with target sets × reps, weight or RPE
// and notes (saved when a field is left), moved up and down, removed; new ones found by a
// search over the catalogue and the person's own exercises.
import { InlineNumber, InlineText } from "../../ui/inline.js";
import { notify } from "../../ui/toast.js";
import { html, useEffect, useId, useState } from "../../vendor.js";
import { useResource } from "../progress/data.js";

const SEARCH_DELAY_MS = 200;
const RESULTS = 8;

function Target({ label, unit, value, onSave, step }) {
  const id = useId();
  return html`
    <div class="target">
      <label for=${id}>${label}${unit && html` <span class="unit">(${unit})</span>`}</label>
      <${InlineNumber} id=${id} label=${label} value=${value} empty=${true} step=${step}
        onSave=${onSave} onInvalid=${(m) => notify(m, { tone: "error" })} />
    </div>`;
}

function Notes({ value, onSave, name }) {
  const id = useId();
  return html`
    <div class="target notes">
      <label for=${id}>Notes</label>
      <${InlineText} id=${id} label=${`Notes for ${name}`} value=${value ?? ""}
        onSave=${(text) => onSave(text.trim() || null)} placeholder="Tempo, cues, rest…" />
    </div>`;
}

function Row({ entry, index, count, unit, actions }) {
  const save = (field) => (value) => actions.change(entry, field === "target_weight"
    ? { target_weight: value, target_weight_unit: unit } : { [field]: value });
  const name = entry.exercise_name;
  return html`
    <li class="routine-row">
      <div class="routine-head">
        <span class="routine-order" aria-hidden="true">${index + 1}</span>
        <a href=${`/exercises/${entry.exercise_id}`} class="routine-name">${name}</a>
        <div class="row-actions">
          <button type="button" class="icon" aria-label=${`Move ${name} up`}
            disabled=${index === 0} onClick=${() => actions.move(entry, index - 1)}>↑</button>
          <button type="button" class="icon" aria-label=${`Move ${name} down`}
            disabled=${index === count - 1}
            onClick=${() => actions.move(entry, index + 1)}>↓</button>
          <button type="button" class="quiet danger-text" aria-label=${`Remove ${name}`}
            onClick=${() => actions.remove(entry)}>Remove</button>
        </div>
      </div>
      <div class="targets" role="group" aria-label=${`Targets for ${name}`}>
        <${Target} label="Sets" value=${entry.target_sets} onSave=${save("target_sets")} />
        <${Target} label="Reps" value=${entry.target_reps} onSave=${save("target_reps")} />
        <${Target} label="Weight" unit=${entry.target_weight_unit || unit}
          value=${entry.target_weight} onSave=${save("target_weight")} />
        <${Target} label="RPE" value=${entry.target_rpe} onSave=${save("target_rpe")} />
        <${Notes} value=${entry.notes} name=${name} onSave=${save("notes")} />
      </div>
    </li>`;
}

function Adder({ onAdd }) {
  const id = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim() || null), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const { data } = useResource(q ? `/api/exercises?q=${encodeURIComponent(q)}` : null);
  const found = q && data ? data.slice(0, RESULTS) : [];
  return html`
    <div class="adder">
      <label for=${id}>Add an exercise</label>
      <input id=${id} type="search" value=${text} autocomplete="off"
        placeholder="Search the catalogue and your own"
        onInput=${(e) => setText(e.currentTarget.value)} />
      ${q && data && html`<p class="visually-hidden" role="status">${found.length
        ? `${found.length} found` : "None found"}</p>`}
      ${found.length > 0 && html`<ul class="adder-results" aria-label="Matching exercises">
        ${found.map((e) => html`<li key=${e.id}><button type="button" class="quiet"
          aria-label=${`Add ${e.name}`}
          onClick=${() => { onAdd(e); setText(""); setQ(null); }}>
          <span aria-hidden="true">+</span> ${e.name}</button></li>`)}
      </ul>`}
      ${q && data && !found.length && html`<p class="muted">No exercise matches “${q}”.
        <a href="/exercises">Create your own</a>.</p>`}
    </div>`;
}

export function Routine({ plan, unit, actions }) {
  const entries = [...(plan.exercises || [])].sort((a, b) => a.position - b.position);
  return html`
    <section class="panel" aria-labelledby="routine-title">
      <h2 id="routine-title">Exercises</h2>
      ${entries.length === 0 && html`<p class="muted">No exercises yet: add the first one.</p>`}
      <ol class="routine">
        ${entries.map((entry, n) => html`<${Row} key=${entry.id} entry=${entry} index=${n}
          count=${entries.length} unit=${unit} actions=${actions} />`)}
      </ol>
      <${Adder} onAdd=${actions.add} />
    </section>`;
}
