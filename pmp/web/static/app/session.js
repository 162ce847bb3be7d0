// Who is signed in, as signals the screens read; sign in, sign up, sign out, preferences.
import { api, ApiError, csrfToken, endSession, onAuthChange, refresh, request, startSession }
  from "./api.js";
import { signal } from "./vendor.js";

export const user = signal(null);
// loading | signed-in | signed-out | offline (no network at start: the last account of this
// device, from its saved profile, with no token until the connection is back)
export const status = signal("loading");
// A problem with the session the person should know about (cookie dropped on plain HTTP).
export const sessionNotice = signal(null);

const COOKIE_DROPPED =
  "This server is reached over plain HTTP, and your browser refused its secure session " +
  "cookie: you will be signed out when you reload. Use HTTPS, or ask the operator to set " +
  "COOKIE_SECURE=false for a home network.";

// Who was signed in last on this device (no token: id, names and preferences), so that the app
// opens without a network at the gym. Removed on sign-out.
const LAST_USER = "pmp-last-user";

function remember(profile) {
  try {
    if (profile) {
      const { id, username, display_name: displayName, preferences } = profile;
      localStorage.setItem(LAST_USER, JSON.stringify({ id, username, display_name: displayName,
        preferences }));
    } else {
      localStorage.removeItem(LAST_USER);
    }
  } catch {
    // storage may be disabled: the app then needs the network to open
  }
}

function remembered() {
  try {
    return JSON.parse(localStorage.getItem(LAST_USER) || "null");
  } catch {
    return null;
  }
}

onAuthChange((kind, pair) => {
  if (kind === "token") {
    user.value = pair.user;
    status.value = "signed-in";
    sessionNotice.value = null;
    remember(pair.user);
  } else {
    user.value = null;
    status.value = "signed-out";
    remember(null);
  }
});

// On load: the refresh cookie, if the browser kept one, gives this tab a session. Without a
// network, the last account of this device stays "offline" (not signed out): the screens show
// what the device kept, and the session is restored when the connection comes back.
export async function restoreSession() {
  try {
    await refresh();
  } catch (error) {
    const offline = error instanceof ApiError && error.status === 0;
    const last = offline ? remembered() : null;
    if (last) {
      user.value = last;
      status.value = "offline";
      waitForNetwork();
      return;
    }
    if (offline) sessionNotice.value = error.message;
    status.value = "signed-out";
  }
}

let waiting = null;

// Try again when the browser says it is online, and every 30 s (the event is not reliable).
function waitForNetwork() {
  if (waiting) return;
  const retry = async () => {
    if (status.value !== "offline") return stop();
    try {
      await refresh();
      stop();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) {
        stop();
        status.value = "signed-out";
      }
    }
    return undefined;
  };
  const timer = setInterval(retry, 30_000);
  addEventListener("online", retry);
  waiting = { timer, retry };
  function stop() {
    clearInterval(timer);
    removeEventListener("online", retry);
    waiting = null;
  }
}

function started(pair) {
  startSession(pair);
  sessionNotice.value = csrfToken() ? null : COOKIE_DROPPED;
  return pair.user;
}

export async function signIn(login, password, rememberMe) {
  const { data } = await request("POST", "/api/auth/login", {
    json: { login, password, remember_me: rememberMe }, noRefresh: true,
  });
  return started(data);
}

export async function signUp(fields) {
  const { data } = await request("POST", "/api/auth/register", { json: fields, noRefresh: true });
  return started(data);
}

export async function signOut() {
  const headers = {};
  const csrf = csrfToken();
  if (csrf) headers["X-CSRF-TOKEN"] = csrf;
  try {
    await request("POST", "/api/auth/logout", { headers, noRefresh: true });
  } catch {
    // Signed out here whatever the server says (an expired session is signed out already).
  }
  endSession();
}

export async function reloadUser() {
  user.value = await api.get("/api/me");
  return user.value;
}

export async function savePreferences(preferences) {
  user.value = await api.patch("/api/me", { preferences });
  return user.value;
}
