// Sets as a lifter reads and types them: "5 × 100 kg", "20:00 · 5 km", targets "3 × 5 @ 100 kg",
// the prefill of the next set, and the parsing of what was typed into its fields.
import { number, parseNumber } from "../../format.js";
import { user } from "../../session.js";

// The unit of new sets: kg for a g/kg preference, lb for oz/lb (as the API decides).
export function trainingUnit() {
  const unit = user.value?.preferences?.weight_unit;
  return unit === "oz" || unit === "lb" ? "lb" : "kg";
}

export const distanceUnit = () => (trainingUnit() === "lb" ? "mi" : "km");
const METERS = { km: 1000, mi: 1609.344 };

export function clock(seconds) {
  if (seconds === null || seconds === undefined) return "";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

// "20" is 20 minutes, "20:30" 20 min 30 s, "1:02:03" an hour and more; null when empty.
export function parseClock(text) {
  const cleaned = String(text ?? "").trim();
  if (!cleaned) return null;
  if (!/^\d+(:\d{1,2}){0,2}$/.test(cleaned)) return undefined;
  const parts = cleaned.split(":").map(Number);
  if (parts.length === 1) return parts[0] * 60;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

export const metersPer = () => METERS[distanceUnit()];

export const metersToText = (meters) =>
  (meters === null || meters === undefined ? "" : number(meters / METERS[distanceUnit()], 2));

export function textToMeters(text) {
  const value = parseNumber(text);
  return value === null ? null : Math.round(value * METERS[distanceUnit()] * 100) / 100;
}

export function setText(set) {
  const parts = [];
  if (set.reps !== null && set.reps !== undefined && set.weight !== null &&
      set.weight !== undefined) {
    parts.push(`${set.reps} × ${number(set.weight)} ${set.weight_unit}`);
  } else if (set.reps !== null && set.reps !== undefined) {
    parts.push(`${set.reps} reps`);
  } else if (set.weight !== null && set.weight !== undefined) {
    parts.push(`${number(set.weight)} ${set.weight_unit}`);
  }
  if (set.duration_seconds !== null && set.duration_seconds !== undefined) {
    parts.push(clock(set.duration_seconds));
  }
  if (set.distance_meters !== null && set.distance_meters !== undefined) {
    parts.push(`${metersToText(set.distance_meters)} ${distanceUnit()}`);
  }
  if (set.rpe !== null && set.rpe !== undefined) parts.push(`RPE ${number(set.rpe, 1)}`);
  if (set.rir !== null && set.rir !== undefined) parts.push(`RIR ${set.rir}`);
  return parts.join(" · ") || "empty set";
}

export function hasTargets(entry) {
  return [entry.target_sets, entry.target_reps, entry.target_weight, entry.target_rpe]
    .some((v) => v !== null && v !== undefined);
}

// "3 × 5 @ 100 kg", "3 sets @ RPE 8", "5 reps"
export function targetText(entry) {
  const has = (v) => v !== null && v !== undefined;
  let text = "";
  if (has(entry.target_sets) && has(entry.target_reps)) {
    text = `${entry.target_sets} × ${entry.target_reps}`;
  } else if (has(entry.target_sets)) {
    text = `${entry.target_sets} sets`;
  } else if (has(entry.target_reps)) {
    text = `${entry.target_reps} reps`;
  }
  const at = [];
  if (has(entry.target_weight)) {
    at.push(`${number(entry.target_weight)} ${entry.target_weight_unit || trainingUnit()}`);
  }
  if (has(entry.target_rpe)) at.push(`RPE ${number(entry.target_rpe, 1)}`);
  return [text, at.join(", ")].filter(Boolean).join(" @ ");
}

const FIELDS = ["reps", "weight", "weight_unit", "rpe", "rir", "duration_seconds",
  "distance_meters", "is_warmup"];

function copy(set) {
  const out = {};
  for (const field of FIELDS) out[field] = set[field] ?? null;
  out.is_warmup = Boolean(set.is_warmup);
  out.weight_unit = set.weight_unit || trainingUnit();
  return out;
}

// The next set of an entry: a copy of the previous set of this workout, else the entry's
// targets, else last time's first working set, else empty.
export function nextSet(entry, lastTime) {
  const empty = copy({});
  if (entry.sets.length) return copy(entry.sets[entry.sets.length - 1]);
  if (hasTargets(entry) && (entry.target_reps ?? entry.target_weight) !== null &&
      (entry.target_reps ?? entry.target_weight) !== undefined) {
    return { ...empty, reps: entry.target_reps ?? null, weight: entry.target_weight ?? null,
      weight_unit: entry.target_weight_unit || trainingUnit(), rpe: entry.target_rpe ?? null };
  }
  const sets = lastTime?.sets || [];
  const first = sets.find((s) => !s.is_warmup) || sets[0];
  return first ? { ...copy(first), is_warmup: false } : empty;
}

// The body of a new set or a change: only the fields that have a value or were cleared.
export function setBody(values) {
  const body = {};
  for (const field of FIELDS) {
    if (values[field] !== undefined) body[field] = values[field];
  }
  return body;
}
