// The rest timer: starts when a set is saved, counts down where the thumb reaches it, vibrates
// at the end where the device allows, and can be skipped or lengthened. Its length is kept on
// the device. Screen readers hear it start and end, not every second.
import { Select } from "../../ui/fields.js";
import { html, signal, useEffect, useState } from "../../vendor.js";
import { clock } from "./sets.js";

const LENGTH = "pmp-rest-seconds";
const CHOICES = [0, 30, 45, 60, 90, 120, 150, 180, 240, 300];

function storedLength() {
  try {
    const value = Number(localStorage.getItem(LENGTH) ?? 90);
    return CHOICES.includes(value) ? value : 90;
  } catch {
    return 90;
  }
}

export const restLength = signal(storedLength());
export const rest = signal(null); // {endsAt, total}
const said = signal("");

export function startRest() {
  const seconds = restLength.value;
  if (!seconds) return;
  rest.value = { endsAt: Date.now() + seconds * 1000, total: seconds };
  said.value = `Rest ${clock(seconds)} started.`;
}

function stopRest(message) {
  rest.value = null;
  said.value = message;
}

export function RestLength() {
  const options = CHOICES.map((s) => [String(s), s ? clock(s) : "Off"]);
  return html`<${Select} label="Rest timer" value=${String(restLength.value)} options=${options}
    onChange=${(value) => {
      restLength.value = Number(value);
      try {
        localStorage.setItem(LENGTH, value);
      } catch {
        // kept for this page only
      }
    }} />`;
}

export function RestTimer() {
  const running = rest.value;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  const left = running ? Math.max(0, Math.ceil((running.endsAt - now) / 1000)) : 0;
  useEffect(() => {
    if (running && left === 0) {
      if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
      stopRest("Rest over.");
    }
  }, [running, left]);
  const more = () => {
    rest.value = { endsAt: rest.value.endsAt + 30_000, total: rest.value.total + 30 };
  };
  return html`
    <p class="visually-hidden" role="status">${said.value}</p>
    ${running && left > 0 && html`
      <section class="rest-timer" aria-label="Rest timer">
        <span class="rest-label">Rest</span>
        <span class="rest-left" role="timer">${clock(left)}</span>
        <progress max=${running.total} value=${running.total - left} aria-hidden="true"></progress>
        <button type="button" onClick=${more}>+30 s</button>
        <button type="button" onClick=${() => stopRest("Rest skipped.")}>Skip</button>
      </section>`}`;
}
