// One workout as the Today screen holds it: its details with exercises and sets, "last time"
// per exercise, and every change made at once on the screen (and kept on the device), then
// queued in the outbox. Sets and entries created offline carry temporary ids until the server
// answers; a refused change is undone by loading the workout again.
import { api } from "../../api.js";
import { isTemp, onFailed, onSent, pending, resolveId, submit, tempId } from "../../outbox.js";
import { status } from "../../session.js";
import { notify } from "../../ui/toast.js";
import { useEffect, useRef, useState } from "../../vendor.js";
import * as cache from "./cache.js";
import { setBody } from "./sets.js";

export const same = (a, b) => a !== null && a !== undefined && b !== null && b !== undefined &&
  String(resolveId(a)) === String(resolveId(b));

export const waitingFor = (id) => pending.value.filter((op) => same(op.workout, id));

function mapEntries(workout, fn) {
  return { ...workout, exercises: workout.exercises.map(fn) };
}

function mapSets(workout, fn) {
  return mapEntries(workout, (e) => ({ ...e, sets: e.sets.map(fn) }));
}

export const ordered = (entries) =>
  entries.slice().sort((a, b) => a.exercise_order - b.exercise_order);

export function useWorkout(id, { onCreated }) {
  const [workout, setWorkout] = useState(() => cache.loadWorkout(id));
  const [last, setLast] = useState(() => cache.loadLast(id));
  const [error, setError] = useState(null);
  const latest = useRef({ id, workout, last });
  latest.current = { id, workout, last };
  const created = useRef(onCreated);
  created.current = onCreated;

  function update(change) {
    setWorkout((old) => {
      const next = change(old);
      cache.saveWorkout(next);
      return next;
    });
  }

  function updateLast(change) {
    setLast((old) => {
      const next = change(old);
      cache.saveLast(latest.current.id, next);
      return next;
    });
  }

  // The server's copy, unless changes of this workout still wait (the device's copy is newer).
  async function reload() {
    const wanted = latest.current.id;
    if (isTemp(wanted)) return;
    if (waitingFor(wanted).length && latest.current.workout) return;
    try {
      const data = await api.get(`/api/workouts/${wanted}/details`);
      if (latest.current.id !== wanted || waitingFor(wanted).length) return;
      setWorkout(data);
      cache.saveWorkout(data);
      setError(null);
    } catch (caught) {
      if (latest.current.id !== wanted) return;
      if (caught.status !== 0 || !latest.current.workout) setError(caught);
    }
  }

  // "Last time" for every exercise of the workout, in one request per screen load.
  async function reloadLast() {
    const wanted = latest.current.id;
    if (isTemp(wanted) || status.value !== "signed-in") return;
    try {
      const rows = await api.get(`/api/workouts/${wanted}/last`);
      const byExercise = Object.fromEntries(rows.map((row) => [row.exercise_id, row]));
      if (latest.current.id === wanted) updateLast(() => byExercise);
    } catch {
      // an older server without it, or no network: the screen goes without "last time"
    }
  }

  async function loadLastOf(exerciseId) {
    if (latest.current.last[exerciseId] || status.value !== "signed-in") return;
    const wanted = latest.current.id;
    const before = isTemp(resolveId(wanted)) ? "" : `?before=${resolveId(wanted)}`;
    try {
      const row = await api.get(`/api/exercises/${exerciseId}/last${before}`);
      if (latest.current.id === wanted) updateLast((old) => ({ ...old, [exerciseId]: row }));
    } catch {
      // as above
    }
  }

  useEffect(() => {
    const kept = cache.loadWorkout(id);
    setWorkout(kept);
    setLast(cache.loadLast(id));
    setError(null);
    latest.current = { id, workout: kept, last: cache.loadLast(id) };
    if (isTemp(id) && resolveId(id) !== id) {
      created.current(resolveId(id)); // answered before this screen listened
      return;
    }
    if (status.value === "signed-in") {
      reload();
      reloadLast();
    } else if (!kept) {
      setError(new Error("This workout is not kept on this device; it opens once online."));
    }
  }, [id, status.value]);

  useEffect(() => {
    const stopSent = onSent((op, data) => {
      if (!same(op.workout, latest.current.id) || !data) return;
      if (op.kind === "workout" && op.method === "POST") {
        const moved = { exercises: [], ...(latest.current.workout || data), id: data.id };
        cache.saveWorkout(moved);
        cache.saveLast(data.id, latest.current.last);
        cache.forgetWorkout(op.temp);
        created.current(data.id);
      } else if (op.object === "set") {
        const match = op.method === "POST" ? op.temp : data.id;
        update((w) => w && mapSets(w, (s) => (String(s.id) === String(match) ||
          String(s.id) === String(data.id) ? data : s)));
      } else if (op.kind === "exercise" && op.method === "POST") {
        update((w) => w && mapEntries(w, (e) => (e.id === op.temp ? {
          ...e, ...data, sets: e.sets.map((s) => ({ ...s, workout_exercise_id: data.id })),
        } : e)));
      }
    });
    const stopFailed = onFailed((op, refusal) => {
      if (!same(op.workout, latest.current.id)) return;
      notify(`Not saved: ${refusal.message}`, { tone: "error" });
      reload();
    });
    return () => {
      stopSent();
      stopFailed();
    };
  }, []);

  // -- changes ----------------------------------------------------------------------------------
  const wid = () => latest.current.workout.id;
  const queue = (op) => submit({ ...op, workout: wid() });

  function changeWorkout(fields) {
    update((w) => ({ ...w, ...fields }));
    queue({ method: "PATCH", path: `/api/workouts/${wid()}`, body: fields, kind: "change" });
  }

  function addEntry(exercise) {
    const temp = tempId();
    const entries = latest.current.workout.exercises;
    const order = Math.min(10_000, Math.max(0, ...entries.map((e) => e.exercise_order)) + 1);
    update((w) => ({ ...w, exercises: [...w.exercises, { id: temp, key: temp, workout_id: w.id,
      exercise_id: exercise.id, exercise_name: exercise.name, exercise_order: order,
      notes: null, sets: [] }] }));
    queue({ method: "POST", path: `/api/workouts/${wid()}/exercises`, temp, kind: "exercise",
      body: { exercise_id: exercise.id } });
    loadLastOf(exercise.id);
    return temp;
  }

  function changeEntry(entry, fields) {
    update((w) => mapEntries(w, (e) => (e.id === entry.id ? { ...e, ...fields } : e)));
    queue({ method: "PATCH", path: `/api/workout-exercises/${entry.id}`, body: fields,
      kind: "change" });
  }

  function removeEntry(entry) {
    update((w) => ({ ...w, exercises: w.exercises.filter((e) => e.id !== entry.id) }));
    queue({ method: "DELETE", path: `/api/workout-exercises/${entry.id}`, kind: "change" });
  }

  // Swap with the neighbour above (-1) or below (+1); equal orders are numbered afresh.
  function moveEntry(entry, step) {
    const list = ordered(latest.current.workout.exercises);
    const at = list.findIndex((e) => e.id === entry.id);
    const other = list[at + step];
    if (!other) return;
    if (other.exercise_order !== entry.exercise_order) {
      changeEntry(entry, { exercise_order: other.exercise_order });
      changeEntry(other, { exercise_order: entry.exercise_order });
      return;
    }
    [list[at], list[at + step]] = [list[at + step], list[at]];
    list.forEach((e, index) => {
      if (e.exercise_order !== index + 1) changeEntry(e, { exercise_order: index + 1 });
    });
  }

  function addSet(entry, values) {
    const temp = tempId();
    const number = Math.max(0, ...entry.sets.map((s) => s.set_number)) + 1;
    const set = { ...values, id: temp, workout_exercise_id: entry.id, set_number: number };
    update((w) => mapEntries(w, (e) => (e.id === entry.id ? { ...e, sets: [...e.sets, set] }
      : e)));
    queue({ method: "POST", path: `/api/workout-exercises/${entry.id}/sets`, temp,
      kind: "set", object: "set", body: setBody(values) });
  }

  function changeSet(set, values) {
    update((w) => mapSets(w, (s) => (s.id === set.id ? { ...s, ...values } : s)));
    queue({ method: "PATCH", path: `/api/sets/${set.id}`, body: setBody(values), kind: "change",
      object: "set" });
  }

  function removeSet(set) {
    update((w) => mapEntries(w, (e) => ({ ...e, sets: e.sets.filter((s) => s.id !== set.id) })));
    queue({ method: "DELETE", path: `/api/sets/${set.id}`, kind: "change" });
  }

  return { workout, last, error, reload, actions: { changeWorkout, addEntry, changeEntry,
    removeEntry, moveEntry, addSet, changeSet, removeSet } };
}
