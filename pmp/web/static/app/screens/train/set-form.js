// The fields of a set: the next set under each exercise (prefilled, so that adding it is one
// tap) and the dialog that edits or deletes a logged set.
import { parseNumber } from "../../format.js";
import { Dialog } from "../../ui/dialog.js";
import { html, useEffect, useId, useRef, useState } from "../../vendor.js";
import { clock, distanceUnit, metersPer, parseClock, textToMeters } from "./sets.js";

// A number as an input's value: plain digits and a point, at most `places` decimals.
const text = (value, places = 3) => (value === null || value === undefined ? ""
  : String(Math.round(Number(value) * 10 ** places) / 10 ** places));

// A set as the strings of its fields.
export function toDraft(set) {
  return {
    reps: text(set.reps, 0), weight: text(set.weight), unit: set.weight_unit,
    rpe: text(set.rpe, 1), rir: text(set.rir, 0),
    time: set.duration_seconds === null || set.duration_seconds === undefined ? ""
      : clock(set.duration_seconds),
    distance: set.distance_meters === null || set.distance_meters === undefined ? ""
      : text(set.distance_meters / metersPer(), 3),
    warmup: Boolean(set.is_warmup),
  };
}

// The strings back as set values; {error: [field, message]} when one is not right.
export function fromDraft(draft) {
  const whole = (value, field, max) => {
    const n = parseNumber(value);
    if (n === null) return null;
    if (!Number.isInteger(n) || n < 0 || n > max) throw [field, "a whole number, 0 or more."];
    return n;
  };
  try {
    const weight = parseNumber(draft.weight);
    if (draft.weight.trim() && (weight === null || weight < 0)) throw ["weight", "a number."];
    const rpe = parseNumber(draft.rpe);
    const halfSteps = rpe !== null && rpe >= 1 && rpe <= 10 && rpe * 2 === Math.round(rpe * 2);
    if (draft.rpe.trim() && !halfSteps) {
      throw ["rpe", "1 to 10, in half steps."];
    }
    const seconds = parseClock(draft.time);
    if (seconds === undefined) throw ["time", "minutes, or m:ss."];
    const distance = textToMeters(draft.distance);
    if (draft.distance.trim() && (distance === null || distance < 0)) {
      throw ["distance", "a number."];
    }
    return { values: {
      reps: whole(draft.reps, "reps", 100_000), weight, weight_unit: draft.unit,
      rpe, rir: whole(draft.rir, "rir", 100), duration_seconds: seconds,
      distance_meters: distance, is_warmup: draft.warmup,
    } };
  } catch (problem) {
    if (!Array.isArray(problem)) throw problem;
    return { error: problem };
  }
}

const LABELS = { reps: "Reps", weight: "Weight", rpe: "RPE", rir: "RIR", time: "Time",
  distance: "Distance" };

function Input({ name, draft, change, error, unit, hint }) {
  const id = useId();
  const bad = error && error[0] === name;
  return html`
    <div class=${`field set-field set-${name} ${bad ? "has-error" : ""}`}>
      <label for=${id}>${LABELS[name]}${unit && html`<span class="unit"> (${unit})</span>`}</label>
      <input id=${id} name=${name} value=${draft[name]} autocomplete="off"
        inputmode=${name === "time" ? "text" : "decimal"} placeholder=${hint || ""}
        aria-invalid=${bad ? "true" : undefined}
        onInput=${(e) => change({ [name]: e.currentTarget.value })} />
    </div>`;
}

function Warmup({ draft, change }) {
  const id = useId();
  return html`<div class="checkbox set-warmup">
    <input id=${id} type="checkbox" checked=${draft.warmup}
      onChange=${(e) => change({ warmup: e.currentTarget.checked })} />
    <label for=${id}>Warm-up</label></div>`;
}

// The fields in the order a lifter needs them: cardio shows time and distance first.
function Fields({ draft, change, error, cardio, all }) {
  const main = cardio ? ["time", "distance"] : ["reps", "weight"];
  const rest = cardio ? ["reps", "weight", "rpe", "rir"] : ["rpe", "rir"];
  const unitOf = (name) => ({ weight: draft.unit, distance: distanceUnit(),
    time: "m:ss" })[name];
  const field = (name) => html`<${Input} key=${name} name=${name} draft=${draft}
    change=${change} error=${error} unit=${unitOf(name)} />`;
  const more = html`${rest.map(field)}<${Warmup} draft=${draft} change=${change} />`;
  const [opened, setOpened] = useState(false);
  const open = opened || Boolean(error && rest.includes(error[0]));
  return html`
    <div class="set-main">${main.map(field)}</div>
    ${all ? html`<div class="set-more">${more}</div>` : html`
      <details class="set-options" open=${open}
        onToggle=${(e) => setOpened(e.currentTarget.open)}>
        <summary>More</summary><div class="set-more">${more}</div>
      </details>`}
    ${error && html`<p class="form-error" role="alert">${LABELS[error[0]]}: ${error[1]}</p>`}`;
}

// The next set of an exercise, prefilled; "Add set" logs it. The fields come back to the
// prefill after each set (the button keeps the focus for the next tap).
export function NextSet({ entry, prefill, cardio, onAdd }) {
  const [draft, setDraft] = useState(() => toDraft(prefill));
  const [error, setError] = useState(null);
  const count = entry.sets.length;
  const seen = useRef(count);
  const touched = useRef(false);
  // After a set, the prefill of the next; "last time" arriving late fills untouched fields.
  useEffect(() => {
    if (seen.current === count && touched.current) return;
    seen.current = count;
    touched.current = false;
    setDraft(toDraft(prefill));
  }, [count, prefill.reps, prefill.weight, prefill.duration_seconds]);
  const change = (patch) => {
    touched.current = true;
    setDraft((old) => ({ ...old, ...patch }));
    setError(null);
  };
  function submit(event) {
    event.preventDefault();
    const { values, error: problem } = fromDraft(draft);
    if (problem) {
      setError(problem);
      return;
    }
    onAdd(values);
  }
  return html`
    <form class="next-set" onSubmit=${submit} aria-label=${`Next set of ${entry.exercise_name}`}>
      <${Fields} draft=${draft} change=${change} error=${error} cardio=${cardio} />
      <button type="submit" class="primary add-set"
        aria-label=${`Add set to ${entry.exercise_name}`}>Add set</button>
    </form>`;
}

export function SetDialog({ editing, cardio, onSave, onDelete, onClose }) {
  const [draft, setDraft] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    setDraft(editing ? toDraft(editing.set) : null);
    setError(null);
  }, [editing]);
  const title = editing ? `Set ${editing.index} of ${editing.entry.exercise_name}` : "Set";
  function submit(event) {
    event.preventDefault();
    const { values, error: problem } = fromDraft(draft);
    if (problem) setError(problem);
    else onSave(editing.set, values);
  }
  return html`
    <${Dialog} open=${Boolean(editing && draft)} title=${title} onClose=${onClose}
      className="set-dialog">
      ${draft && html`<form onSubmit=${submit}>
        <${Fields} draft=${draft} error=${error} cardio=${cardio} all=${true}
          change=${(patch) => { setDraft((old) => ({ ...old, ...patch })); setError(null); }} />
        <div class="actions">
          <button type="button" class="danger" onClick=${() => onDelete(editing.set)}>
            Delete set</button>
          <button type="button" onClick=${onClose}>Cancel</button>
          <button type="submit" class="primary">Save set</button>
        </div>
      </form>`}
    <//>`;
}
