// Exercises: the catalogue and the person's own, found by name, category and muscle group;
// own exercises are created, changed and deleted here. Each links to its page (progress).
import { api, errorText } from "../api.js";
import { Checkbox, Select } from "../ui/fields.js";
import { ConfirmDialog } from "../ui/dialog.js";
import { Frame, useTitle } from "../ui/layout.js";
import { NARROW, useMedia } from "../ui/media.js";
import { SectionNav } from "../ui/section-nav.js";
import { notify } from "../ui/toast.js";
import { html, useEffect, useId, useState } from "../vendor.js";
import { ExerciseDialog } from "./exercises/form.js";
import { ExerciseCards, ExerciseTable } from "./exercises/list.js";
import { useResource, words } from "./progress/data.js";

const ALL = "";
const SEARCH_DELAY_MS = 250;

function exercisesPath({ q, category, muscle }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (category) params.set("category", category);
  if (muscle) params.set("muscle_group", muscle);
  return `/api/exercises?${params}`;
}

function SearchField({ onSearch }) {
  const id = useId();
  const [text, setText] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return html`
    <div class="field inline search-field">
      <label for=${id} class="visually-hidden">Search exercises</label>
      <input id=${id} type="search" value=${text} placeholder="Search exercises"
        onInput=${(e) => setText(e.currentTarget.value)} />
    </div>`;
}

function Toolbar({ query, change, categories, muscleGroups }) {
  return html`
    <div class="gear-toolbar" role="search" aria-label="Find exercises">
      <${SearchField} onSearch=${(q) => change({ q })} />
      <${Select} label="Category" hideLabel=${true} value=${query.category}
        onChange=${(category) => change({ category })}
        options=${[[ALL, "All categories"], ...categories.map((c) => [c, words(c)])]} />
      <${Select} label="Muscle group" hideLabel=${true} value=${query.muscle}
        onChange=${(muscle) => change({ muscle })}
        options=${[[ALL, "All muscle groups"], ...muscleGroups.map((m) => [m, words(m)])]} />
      <${Checkbox} label="Only my own" checked=${query.mine}
        onChange=${(mine) => change({ mine })} />
    </div>`;
}

function useDeletion(onDeleted, setProblem) {
  const [asking, setAsking] = useState(null);
  async function remove(exercise) {
    try {
      await api.delete(`/api/exercises/${exercise.id}`);
      notify(`Deleted “${exercise.name}”.`);
      onDeleted();
    } catch (error) {
      // 409: the server says where it is used (a workout or a plan) and what to do.
      setProblem(`“${exercise.name}” was not deleted: ${errorText(error)}`);
    }
  }
  const request = asking && { title: `Delete ${asking.name}?`, confirm: "Delete exercise",
    message: "It leaves your list of exercises. This cannot be undone." };
  const dialog = html`<${ConfirmDialog} request=${request} onAnswer=${(yes) => {
    const exercise = asking;
    setAsking(null);
    if (yes) remove(exercise);
  }} />`;
  return { start: (exercise) => { setProblem(null); setAsking(exercise); }, dialog };
}

export function Exercises() {
  useTitle("Exercises");
  const [query, setQuery] = useState({ q: "", category: ALL, muscle: ALL, mine: false });
  const change = (patch) => setQuery((old) => ({ ...old, ...patch }));
  const { data, error, loading, reload } = useResource(exercisesPath(query));
  const categories = useResource("/api/exercises/categories").data || [];
  const muscleGroups = useResource("/api/exercises/muscle-groups").data || [];
  const [editing, setEditing] = useState(null); // null, "new" or the exercise
  const [problem, setProblem] = useState(null);
  const narrow = useMedia(NARROW);
  const deletion = useDeletion(reload, setProblem);
  const shown = data ? data.filter((e) => !query.mine || e.custom) : null;
  const List = narrow ? ExerciseCards : ExerciseTable;

  function saved(exercise, isNew) {
    setEditing(null);
    notify(isNew ? `Created “${exercise.name}”.` : `Saved “${exercise.name}”.`);
    reload();
  }

  return html`<${Frame}>
    <${SectionNav} />
    <div class="screen-head">
      <h1>Exercises</h1>
      <button type="button" class="primary" onClick=${() => setEditing("new")}>
        New exercise</button>
    </div>
    <${Toolbar} query=${query} change=${change} categories=${categories}
      muscleGroups=${muscleGroups} />
    ${problem && html`<p class="form-error" role="alert">${problem}</p>`}
    ${error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
    ${!shown && !error && html`<p class="loading" role="status">Loading…</p>`}
    ${shown && html`<p class="gear-summary muted" role="status">${shown.length}
      ${shown.length === 1 ? " exercise" : " exercises"}</p>`}
    ${shown && shown.length === 0 && html`<p class="empty">${query.mine && !query.q
      ? "You have no exercises of your own yet: create one." : "No exercise matches."}</p>`}
    ${shown && shown.length > 0 && html`<div class="gear-list"
      aria-busy=${loading ? "true" : "false"}>
      <${List} exercises=${shown} onEdit=${setEditing} onDelete=${deletion.start} /></div>`}
    ${editing && html`<${ExerciseDialog} exercise=${editing === "new" ? null : editing}
      categories=${categories.length ? categories : ["strength"]} muscleGroups=${muscleGroups}
      onClose=${() => setEditing(null)} onSaved=${saved} />`}
    ${deletion.dialog}
  <//>`;
}
