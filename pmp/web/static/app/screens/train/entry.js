// One exercise of the workout: its targets, last time's sets, the sets logged so far, the next
// set (one tap), moving it up or down, removing it, and its notes.
import { date } from "../../format.js";
import { isTemp } from "../../outbox.js";
import { InlineNotes } from "../../ui/inline.js";
import { html, useId } from "../../vendor.js";
import { NextSet } from "./set-form.js";
import { hasTargets, nextSet, setText, targetText } from "./sets.js";

function LastTime({ row }) {
  if (!row || !row.sets || !row.sets.length) return null;
  return html`<p class="last-time"><span class="muted">Last time${row.performed_at
    ? ` (${date(row.performed_at)})` : ""}:</span> ${row.sets.map((s, i) => html`${i ? ", " : ""}
    <span class=${s.is_warmup ? "warmup-text" : ""}>${setText(s)}</span>`)}</p>`;
}

function SetRow({ set, index, entry, onEdit }) {
  const waiting = isTemp(set.id);
  return html`<li class=${`set-row ${set.is_warmup ? "warmup" : ""} ${waiting ? "waiting" : ""}`}>
    <span class="set-no" aria-hidden="true">${set.is_warmup ? "W" : index}</span>
    <span class="set-text">
      <span class="visually-hidden">Set ${index}${set.is_warmup ? ", warm-up" : ""}: </span>
      ${setText(set)}
      ${waiting && html`<span class="waiting-mark"> · not sent yet</span>`}
    </span>
    <button type="button" class="link" onClick=${() => onEdit(set, index)}
      aria-label=${`Edit set ${index} of ${entry.exercise_name}`}>Edit</button>
  </li>`;
}

function Notes({ entry, onSave }) {
  const id = useId();
  return html`<details class="entry-notes" open=${Boolean(entry.notes)}>
    <summary>Notes</summary>
    <label for=${id} class="visually-hidden">Notes on ${entry.exercise_name}</label>
    <${InlineNotes} id=${id} value=${entry.notes} onSave=${onSave} />
  </details>`;
}

export function Entry({ entry, index, count, last, cardio, actions, onEdit, onRemove }) {
  const headId = `entry-${entry.id}`;
  const name = entry.exercise_name;
  const prefill = nextSet(entry, last);
  return html`
    <section class=${`train-entry ${isTemp(entry.id) ? "waiting" : ""}`} aria-labelledby=${headId}>
      <div class="entry-head">
        <h2 id=${headId} tabindex="-1">${name}</h2>
        <div class="entry-tools">
          <button type="button" class="icon" id=${`${headId}-up`} disabled=${index === 0}
            aria-label=${`Move ${name} up`} onClick=${() => actions.moveEntry(entry, -1)}>↑</button>
          <button type="button" class="icon" id=${`${headId}-down`}
            disabled=${index === count - 1} aria-label=${`Move ${name} down`}
            onClick=${() => actions.moveEntry(entry, 1)}>↓</button>
          <button type="button" class="icon danger-text" aria-label=${`Remove ${name}`}
            onClick=${() => onRemove(entry)}>×</button>
        </div>
      </div>
      ${hasTargets(entry) && html`<p class="entry-target">Target: ${targetText(entry)}</p>`}
      <${LastTime} row=${last} />
      ${entry.sets.length > 0 && html`<ol class="set-list" aria-label=${`Sets of ${name}`}>
        ${entry.sets.map((set, i) => html`<${SetRow} key=${set.id} set=${set} index=${i + 1}
          entry=${entry} onEdit=${(s, n) => onEdit(entry, s, n)} />`)}
      </ol>`}
      <${NextSet} entry=${entry} prefill=${prefill} cardio=${cardio}
        onAdd=${(values) => actions.addSet(entry, values)} />
      <${Notes} entry=${entry} onSave=${(notes) => actions.changeEntry(entry, { notes })} />
    </section>`;
}
