// An exercise's page: its progress chart, personal records and every session it was logged
// in. The parts live in ./exercise/.
import { html, useState } from "../vendor.js";
import { user } from "../session.js";
import { Frame, useTitle } from "../ui/layout.js";
import { SectionNav } from "../ui/section-nav.js";
import { History } from "./exercise/history.js";
import { ProgressChart } from "./exercise/progress.js";
import { Records } from "./exercise/records.js";
import { trainingUnit, useResource, words } from "./progress/data.js";

export function Exercise({ id }) {
  const exerciseId = Number(id);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const { data: exercise, error } = useResource(valid ? `/api/exercises/${exerciseId}` : null);
  const [fallback, setFallback] = useState(null);
  useTitle(exercise ? exercise.name : "Exercise");
  const unit = trainingUnit(user.value?.preferences?.weight_unit);
  if (!valid || error) {
    const gone = !valid || error.status === 404;
    return html`<${Frame}>
      <${SectionNav} />
      <h1>${gone ? "Exercise not found" : "Exercise"}</h1>
      <p class=${gone ? "" : "form-error"} role="alert">${gone
        ? "There is no such exercise in your list." : error.message}</p>
      <p><a href="/exercises">All exercises</a></p><//>`;
  }
  return html`<${Frame}>
    <${SectionNav} />
    ${!exercise && html`<p class="loading" role="status">Loading…</p>`}
    ${exercise && html`
      <div class="screen-head">
        <h1>${exercise.name}</h1>
        <p class="exercise-meta muted">${[words(exercise.category),
          words(exercise.muscle_group), exercise.custom ? "Your own" : "Catalogue"]
          .filter(Boolean).join(" · ")}</p>
      </div>
      <${ProgressChart} exerciseId=${exerciseId} exerciseName=${exercise.name} />
      <${Records} exerciseId=${exerciseId} unit=${unit} fallback=${fallback} />
      <${History} exerciseId=${exerciseId} unit=${unit}
        onFirst=${(history) => setFallback(history.personal_records || null)} />`}
  <//>`;
}
