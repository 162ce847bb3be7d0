// Create or change a custom exercise in a dialog: name, category, muscle group; the server's
// refusals beside the field they concern (a name already taken is a 409 on the name).
import { api, ApiError, errorText } from "../../api.js";
import { Dialog } from "../../ui/dialog.js";
import { Select, TextField } from "../../ui/fields.js";
import { html, useEffect, useRef, useState } from "../../vendor.js";
import { words } from "../progress/data.js";

const NONE = "";

function fieldErrors(error) {
  if (!(error instanceof ApiError)) return {};
  if (error.status === 409) return { name: error.message };
  if (!error.fields) return {};
  return Object.fromEntries(Object.entries(error.fields).map(
    ([name, messages]) => [name, [].concat(messages).join(" ")]));
}

function changes(form, original) {
  const all = { name: form.name.trim(), category: form.category,
    muscle_group: form.muscle_group === NONE ? null : form.muscle_group };
  if (!original) return all;
  return Object.fromEntries(Object.entries(all).filter(
    ([key, value]) => value !== original[key]));
}

export function ExerciseDialog({ exercise, categories, muscleGroups, onClose, onSaved }) {
  const [form, setForm] = useState(() => ({
    name: exercise?.name || "", category: exercise?.category || categories[0] || "strength",
    muscle_group: exercise?.muscle_group || NONE,
  }));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef(null);
  const errors = fieldErrors(error);
  const unnamed = error && Object.keys(errors).length === 0;
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  useEffect(() => {
    formRef.current?.querySelector("[aria-invalid='true']")?.focus();
  }, [error]);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = changes(form, exercise);
      const saved = !exercise ? await api.post("/api/exercises", body)
        : Object.keys(body).length ? await api.patch(`/api/exercises/${exercise.id}`, body)
          : exercise;
      onSaved(saved, !exercise);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return html`
    <${Dialog} open=${true} title=${exercise ? `Edit ${exercise.name}` : "New exercise"}
      onClose=${onClose} className="exercise-dialog">
      <form onSubmit=${submit} novalidate ref=${formRef}>
        ${unnamed && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
        <${TextField} label="Name" value=${form.name} onInput=${set("name")}
          error=${errors.name} required autocomplete="off" autofocus maxlength="200" />
        <${Select} label="Category" value=${form.category} onChange=${set("category")}
          options=${categories.map((c) => [c, words(c)])} />
        ${errors.category && html`<p class="error">${errors.category}</p>`}
        <${Select} label="Muscle group" value=${form.muscle_group}
          onChange=${set("muscle_group")}
          options=${[[NONE, "None"], ...muscleGroups.map((m) => [m, words(m)])]} />
        <div class="actions">
          <button type="button" onClick=${onClose}>Cancel</button>
          <button type="submit" class="primary" disabled=${busy}>
            ${exercise ? "Save changes" : "Create exercise"}</button>
        </div>
      </form>
    <//>`;
}
