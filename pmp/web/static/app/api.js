// The one place that talks to the pmp API (docs/FRONTEND.md describes the same rules for any
// client): the access token lives in memory only; the refresh token is an HttpOnly cookie the
// browser sends to /api/auth with the CSRF header; a 401 `token_expired` refreshes once and
// retries; tabs share one refresh at a time; every error is an ApiError in words.

const CSRF_COOKIE = "csrf_refresh_token";
const LOCK_KEY = "pmp-refresh-lock";
const LOCK_MS = 8000;
const TAB = Math.random().toString(36).slice(2);

let access = null; // {token, expiresAt}
let refreshing = null; // this tab's refresh in flight
const listeners = new Set(); // called with ("token", pair) or ("signed-out")
const channel = "BroadcastChannel" in globalThis ? new BroadcastChannel("pmp-auth") : null;

export class ApiError extends Error {
  constructor(status, body = {}, headers = null) {
    super(body.error || `The server answered ${status}.`);
    this.status = status;
    this.code = body.code || "error";
    this.fields = body.fields || null;
    const retry = headers && headers.get("Retry-After");
    this.retryAfter = retry ? Number(retry) : null;
  }
}

export function onAuthChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(kind, pair) {
  for (const listener of listeners) listener(kind, pair);
}

function adopt(pair) {
  access = { token: pair.access_token, expiresAt: Date.now() + pair.expires_in * 1000 };
}

if (channel) {
  channel.onmessage = ({ data }) => {
    if (data.type === "token") {
      adopt(data.pair);
      announce("token", data.pair);
    } else if (data.type === "signed-out") {
      access = null;
      announce("signed-out");
    }
  };
}

export function hasToken() {
  return access !== null;
}

export function csrfToken() {
  const part = document.cookie.split("; ").find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return part ? decodeURIComponent(part.slice(CSRF_COOKIE.length + 1)) : null;
}

// -- tokens -----------------------------------------------------------------------------------

// One refresh for all tabs: the tab that takes the lock refreshes and broadcasts the new pair;
// the others wait for it. (navigator.locks would do this, but browsers only offer it over HTTPS
// and pmp also runs on plain HTTP in a LAN; the server's reuse grace window covers the rest.)
export function refresh() {
  if (!refreshing) {
    refreshing = coordinatedRefresh().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function lockHolder() {
  try {
    const lock = JSON.parse(localStorage.getItem(LOCK_KEY) || "null");
    return lock && lock.until > Date.now() && lock.tab !== TAB ? lock : null;
  } catch {
    return null;
  }
}

function waitForBroadcast(ms) {
  return new Promise((resolve) => {
    const stop = onAuthChange((kind, pair) => {
      stop();
      clearTimeout(timer);
      resolve(kind === "token" ? pair : null);
    });
    const timer = setTimeout(() => {
      stop();
      resolve(undefined);
    }, ms);
  });
}

async function coordinatedRefresh() {
  const holder = channel && lockHolder();
  if (holder) {
    const pair = await waitForBroadcast(holder.until - Date.now());
    if (pair) return pair;
    if (pair === null) throw new ApiError(401, { error: "Signed out.", code: "token_revoked" });
  }
  try {
    localStorage.setItem(LOCK_KEY, JSON.stringify({ tab: TAB, until: Date.now() + LOCK_MS }));
  } catch {
    // storage may be disabled: refresh anyway
  }
  try {
    const pair = await refreshOnce();
    channel && channel.postMessage({ type: "token", pair });
    return pair;
  } finally {
    try {
      if (JSON.parse(localStorage.getItem(LOCK_KEY) || "null")?.tab === TAB) {
        localStorage.removeItem(LOCK_KEY);
      }
    } catch {
      // nothing to release
    }
  }
}

async function refreshOnce() {
  const headers = { Accept: "application/json" };
  const csrf = csrfToken();
  if (csrf) headers["X-CSRF-TOKEN"] = csrf;
  const response = await send("/api/auth/refresh", { method: "POST", headers });
  const body = await readBody(response);
  if (!response.ok) {
    access = null;
    throw new ApiError(response.status, body, response.headers);
  }
  adopt(body);
  announce("token", body);
  return body;
}

export function startSession(pair) {
  adopt(pair);
  announce("token", pair);
  channel && channel.postMessage({ type: "token", pair });
}

export function endSession() {
  access = null;
  channel && channel.postMessage({ type: "signed-out" });
  announce("signed-out");
}

// -- requests ---------------------------------------------------------------------------------

async function send(path, init) {
  try {
    return await fetch(path, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError(0, { error: "No connection to the server.", code: "network_error" });
  }
}

async function readBody(response) {
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  if (type.startsWith("application/json")) return response.json();
  return response.text();
}

function prepare(options) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  return { headers, body };
}

// request("GET", "/api/packs") -> {data, total, headers}; throws ApiError.
export async function request(method, path, options = {}) {
  const { headers, body } = prepare(options);
  for (let attempt = 0; ; attempt += 1) {
    if (access) headers.Authorization = `Bearer ${access.token}`;
    const response = await send(path, { method, headers, body, signal: options.signal });
    const data = await readBody(response);
    if (response.ok) {
      const total = response.headers.get("X-Total-Count");
      return { data, total: total === null ? null : Number(total), headers: response.headers };
    }
    const error = new ApiError(response.status, data || {}, response.headers);
    const expired = error.code === "token_expired" || error.code === "token_revoked";
    if (response.status === 401 && expired && attempt === 0 && !options.noRefresh) {
      await refresh();
      continue;
    }
    if (response.status === 503 && method === "GET" && attempt === 0 &&
        (error.retryAfter ?? 99) <= 5) {
      await new Promise((resolve) => setTimeout(resolve, error.retryAfter * 1000));
      continue;
    }
    throw error;
  }
}

export const api = {
  get: async (path, options) => (await request("GET", path, options)).data,
  post: async (path, json, options = {}) =>
    (await request("POST", path, { ...options, json })).data,
  patch: async (path, json) => (await request("PATCH", path, { json })).data,
  put: async (path, json) => (await request("PUT", path, { json })).data,
  delete: async (path, json) => (await request("DELETE", path, { json })).data,
};

// "Try again in 2 minutes": Retry-After in words.
export function retryInWords(seconds) {
  if (!seconds || seconds < 1) return "in a moment";
  if (seconds < 60) return `in ${Math.ceil(seconds)} second${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} minute${minutes > 1 ? "s" : ""}`;
  const hours = Math.ceil(minutes / 60);
  return `in ${hours} hour${hours > 1 ? "s" : ""}`;
}

// An error as a sentence for the person using the app.
export function errorText(error) {
  if (!(error instanceof ApiError)) return "Something went wrong.";
  if (error.status === 429) return `Too many attempts. Try again ${retryInWords(error.retryAfter)}.`;
  if (error.fields) {
    const first = Object.entries(error.fields)[0];
    if (first) {
      const [field, messages] = first;
      const text = Array.isArray(messages) ? messages.join(" ") : JSON.stringify(messages);
      return field === "_schema" ? text : `${field.replace(/_/g, " ")}: ${text}`;
    }
  }
  return error.message;
}
