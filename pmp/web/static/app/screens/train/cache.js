// What the workout screens keep on this device, so that a reload without a network still shows
// the workout with its waiting sets: the last few workouts' details (as the screen shows them,
// unsent sets included), their "last time" sets, and the exercise catalogue. Per account;
// outbox.js removes them all on sign-out.
import { user } from "../../session.js";

const KEEP = 5;

function key(kind, id = "") {
  return `pmp-${kind}:${user.value?.id}${id === "" ? "" : `:${id}`}`;
}

function get(k) {
  try {
    return JSON.parse(localStorage.getItem(k) || "null");
  } catch {
    return null;
  }
}

function put(k, value) {
  try {
    localStorage.setItem(k, JSON.stringify(value));
  } catch {
    // full or disabled: the screen still works while the page stays open
  }
}

export function loadWorkout(id) {
  return id ? get(key("workout", id)) : null;
}

export function saveWorkout(workout) {
  if (!workout || !user.value) return;
  put(key("workout", workout.id), workout);
  const index = (get(key("workout-index")) || []).filter((id) => String(id) !== String(workout.id));
  index.unshift(workout.id);
  for (const old of index.splice(KEEP)) {
    localStorage.removeItem(key("workout", old));
    localStorage.removeItem(key("last", old));
  }
  put(key("workout-index"), index);
}

export function forgetWorkout(id) {
  localStorage.removeItem(key("workout", id));
  localStorage.removeItem(key("last", id));
}

export const loadLast = (id) => (id ? get(key("last", id)) : null) || {};
export const saveLast = (id, last) => user.value && put(key("last", id), last);
export const loadCatalogue = () => get(key("exercises")) || [];
export const saveCatalogue = (exercises) => user.value && put(key("exercises"), exercises);
