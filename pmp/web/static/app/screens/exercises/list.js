// The exercises: a table on a desktop, cards on a phone; each name links to the exercise's
// page; the person's own exercises can be edited and deleted.
import { html } from "../../vendor.js";
import { words } from "../progress/data.js";

function Actions({ exercise, onEdit, onDelete }) {
  if (!exercise.custom) return null;
  return html`
    <div class="row-actions">
      <button type="button" class="quiet" aria-label=${`Edit ${exercise.name}`}
        onClick=${() => onEdit(exercise)}>Edit</button>
      <button type="button" class="quiet danger-text" aria-label=${`Delete ${exercise.name}`}
        onClick=${() => onDelete(exercise)}>Delete</button>
    </div>`;
}

function Name({ exercise }) {
  return html`<a href=${`/exercises/${exercise.id}`}>${exercise.name}</a>${
    exercise.custom && html` <span class="badge">Yours</span>`}`;
}

export function ExerciseTable({ exercises, onEdit, onDelete }) {
  return html`
    <table class="gear-table exercise-table">
      <caption class="visually-hidden">Exercises</caption>
      <thead><tr>
        <th scope="col">Name</th><th scope="col">Category</th><th scope="col">Muscle group</th>
        <th scope="col"><span class="visually-hidden">Actions</span></th>
      </tr></thead>
      <tbody>
        ${exercises.map((e) => html`<tr key=${e.id}>
          <th scope="row" class="name-cell"><${Name} exercise=${e} /></th>
          <td>${words(e.category)}</td>
          <td>${words(e.muscle_group)}</td>
          <td><${Actions} exercise=${e} onEdit=${onEdit} onDelete=${onDelete} /></td>
        </tr>`)}
      </tbody>
    </table>`;
}

export function ExerciseCards({ exercises, onEdit, onDelete }) {
  return html`
    <ul class="exercise-cards" aria-label="Exercises">
      ${exercises.map((e) => html`<li key=${e.id} class="exercise-card">
        <div class="card-main">
          <div class="item-name"><${Name} exercise=${e} /></div>
          <p class="card-meta muted">${[words(e.category), words(e.muscle_group)]
            .filter(Boolean).join(" · ")}</p>
        </div>
        <${Actions} exercise=${e} onEdit=${onEdit} onDelete=${onDelete} />
      </li>`)}
    </ul>`;
}
