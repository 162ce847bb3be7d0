// Changes that wait for the network: every write of the workout screens goes through this
// queue (localStorage, per account), in order, one at a time. A POST keeps one Idempotency-Key
// for all its attempts, so a POST whose answer was lost is sent again without creating twice.
// Objects created while offline get a temporary id ("tmp-…"); later changes may name it in
// their path, and the queue puts the real id in as the POST that made it is answered.
import { ApiError, hasToken, onAuthChange, request } from "./api.js";
import { status, user } from "./session.js";
import { effect, signal } from "./vendor.js";

const QUEUE = "pmp-outbox";
const IDS = "pmp-outbox-ids";
const KEEP_IDS = 500;
const TEMP = /\btmp-[0-9a-f-]+\b/g;
const HAS_TEMP = /\btmp-[0-9a-f-]+\b/;

export const pending = signal([]); // the queue of the signed-in account, oldest first
export const problem = signal(null); // the last refusal, in words, for the screen to show
export const online = signal(navigator.onLine);

const sentListeners = new Set();
const failedListeners = new Set();
const waiters = new Map(); // op.id -> {resolve, reject}
let running = null;
let retryTimer = null;
let backoff = 2000;

// A random id: crypto.randomUUID() where the page is a secure context, else the same shape
// from crypto.getRandomValues (plain-HTTP LAN addresses have only the latter).
export function uuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${
    hex.slice(20)}`;
}

export const tempId = () => `tmp-${uuid()}`;
export const isTemp = (id) => typeof id === "string" && id.startsWith("tmp-");

// -- storage ------------------------------------------------------------------------------------

function key(name) {
  return user.value ? `${name}:${user.value.id}` : null;
}

function read(name, empty) {
  const k = key(name);
  try {
    return (k && JSON.parse(localStorage.getItem(k) || "null")) || empty;
  } catch {
    return empty;
  }
}

function write(name, value) {
  const k = key(name);
  if (!k) return;
  try {
    localStorage.setItem(k, JSON.stringify(value));
  } catch {
    problem.value = "This device's storage is full: changes may be lost if you reload.";
  }
}

function load() {
  pending.value = read(QUEUE, []);
}

function save(queue) {
  write(QUEUE, queue);
  pending.value = queue;
}

// The real id of a temporary one, once its POST was answered (else the id itself).
export function resolveId(id) {
  if (!isTemp(id)) return id;
  return read(IDS, {})[id] ?? id;
}

function learn(temp, real) {
  const ids = read(IDS, {});
  ids[temp] = real;
  const names = Object.keys(ids);
  for (const old of names.slice(0, Math.max(0, names.length - KEEP_IDS))) delete ids[old];
  write(IDS, ids);
}

// -- the queue ----------------------------------------------------------------------------------

// Queue one write: {method, path, body?, temp? (the temporary id of what a POST creates), kind
// ("workout" | "exercise" | "set" | "change"), workout (its id, maybe temporary)}. Answers the
// queued op; `settled(op)` waits for its answer.
export function submit(op) {
  const queued = { ...op, id: uuid(), key: op.method === "POST" ? uuid() : null };
  save([...read(QUEUE, []), queued]);
  flush();
  return queued;
}

// Resolves with the server's answer, rejects with its refusal; stays pending while offline.
export function settled(op) {
  return new Promise((resolve, reject) => waiters.set(op.id, { resolve, reject }));
}

export function onSent(listener) {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export function onFailed(listener) {
  failedListeners.add(listener);
  return () => failedListeners.delete(listener);
}

function finish(op, data, error) {
  const queue = read(QUEUE, []).filter((o) => o.id !== op.id);
  save(queue);
  const waiter = waiters.get(op.id);
  waiters.delete(op.id);
  if (error) {
    problem.value = `A change was refused and undone: ${error.message}`;
    for (const listener of failedListeners) listener(op, error);
    waiter && waiter.reject(error);
  } else {
    for (const listener of sentListeners) listener(op, data);
    waiter && waiter.resolve(data);
  }
}

// Worth trying again later: no network, a server that is busy or failing, no session yet.
function transient(error) {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500 ||
    error.status === 429 || error.status === 401 || error.status === 408;
}

async function sendOne(op) {
  const path = op.path.replace(TEMP, (id) => String(resolveId(id)));
  if (HAS_TEMP.test(path)) {
    // What it changes was never created (its POST was refused): nothing to do.
    return finish(op, null, new ApiError(404, { error: "It was never saved.", code: "not_found" }));
  }
  const headers = op.key ? { "Idempotency-Key": op.key } : {};
  try {
    const options = { headers };
    if (op.body !== undefined) options.json = op.body;
    const { data } = await request(op.method, path, options);
    if (op.temp && data && data.id !== undefined) learn(op.temp, data.id);
    return finish(op, data, null);
  } catch (error) {
    if (transient(error)) throw error;
    if (op.method === "DELETE" && error.status === 404) return finish(op, null, null);
    return finish(op, null, error);
  }
}

// Send what waits, oldest first, while there is a session and a network.
export function flush() {
  if (!running) {
    running = drain().finally(() => {
      running = null;
    });
  }
  return running;
}

async function drain() {
  clearTimeout(retryTimer);
  for (;;) {
    const queue = read(QUEUE, []);
    // a new array only when the queue changed: every screen showing it re-renders on a change
    if (JSON.stringify(queue) !== JSON.stringify(pending.value)) pending.value = queue;
    if (!queue.length || status.value !== "signed-in" || !hasToken()) return;
    try {
      await sendOne(queue[0]);
      backoff = 2000;
    } catch {
      retryTimer = setTimeout(flush, backoff);
      backoff = Math.min(backoff * 2, 60_000);
      return;
    }
  }
}

// -- when to send -------------------------------------------------------------------------------

effect(() => {
  if (user.value) load();
  else pending.value = [];
  if (status.value === "signed-in") flush();
});

addEventListener("online", () => {
  online.value = true;
  backoff = 2000;
  flush();
});
addEventListener("offline", () => {
  online.value = false;
});

// Another tab queued or sent something.
addEventListener("storage", (event) => {
  if (event.key && event.key === key(QUEUE)) load();
});

// Signing out removes what the workout screens kept on this device (screens/train/cache.js);
// the queue stays, under the account's id, and is sent when that account signs in again.
const KEPT = /^pmp-(workout|workout-index|last|exercises):/;

onAuthChange((kind) => {
  if (kind !== "signed-out") return;
  problem.value = null;
  try {
    const doomed = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const name = localStorage.key(i);
      if (KEPT.test(name)) doomed.push(name);
    }
    for (const name of doomed) localStorage.removeItem(name);
  } catch {
    // storage disabled: nothing was kept
  }
});

// "2 sets and 1 change waiting to be sent", for the ops that belong to a workout (or all).
export function waitingText(ops) {
  if (!ops.length) return "";
  const counts = { workout: 0, exercise: 0, set: 0, change: 0 };
  for (const op of ops) counts[op.kind in counts ? op.kind : "change"] += 1;
  const words = [["workout", "workout", "workouts"], ["exercise", "exercise", "exercises"],
    ["set", "set", "sets"], ["change", "change", "changes"]]
    .filter(([k]) => counts[k])
    .map(([k, one, many]) => `${counts[k]} ${counts[k] === 1 ? one : many}`);
  const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`
    : words[0];
  return `${list} waiting to be sent`;
}
