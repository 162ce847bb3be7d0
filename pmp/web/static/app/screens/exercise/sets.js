// A logged set in words: "5 × 80 kg @8", "W 10 × 40 kg", "30:00 · 5 km".
import { number } from "../../format.js";

function clock(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function setText(set) {
  const parts = [];
  if (set.reps !== null && set.reps !== undefined) {
    parts.push(set.weight !== null && set.weight !== undefined
      ? `${set.reps} × ${number(set.weight)} ${set.weight_unit}` : `${set.reps} reps`);
  } else if (set.weight !== null && set.weight !== undefined) {
    parts.push(`${number(set.weight)} ${set.weight_unit}`);
  }
  if (set.duration_seconds) parts.push(clock(set.duration_seconds));
  if (set.distance_meters) {
    parts.push(set.distance_meters >= 1000 ? `${number(set.distance_meters / 1000)} km`
      : `${number(set.distance_meters)} m`);
  }
  let text = parts.join(" · ") || "–";
  if (set.rpe !== null && set.rpe !== undefined) text += ` @${number(set.rpe, 1)}`;
  return set.is_warmup ? `Warm-up ${text}` : text;
}
