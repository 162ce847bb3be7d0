// Who is signed in, as signals the screens read; sign in, sign up, sign out, preferences.
import { api, ApiError, csrfToken, endSession, onAuthChange, refresh, request, startSession }
  from "./api.js";
import { signal } from "./vendor.js";

export const user = signal(null);
export const status = signal("loading"); // loading | signed-in | signed-out
// A problem with the session the person should know about (cookie dropped on plain HTTP).
export const sessionNotice = signal(null);

const COOKIE_DROPPED =
  "This server is reached over plain HTTP, and your browser refused its secure session " +
  "cookie: you will be signed out when you reload. Use HTTPS, or ask the operator to set " +
  "COOKIE_SECURE=false for a home network.";

onAuthChange((kind, pair) => {
  if (kind === "token") {
    user.value = pair.user;
    status.value = "signed-in";
  } else {
    user.value = null;
    status.value = "signed-out";
  }
});

// On load: the refresh cookie, if the browser kept one, gives this tab a session.
export async function restoreSession() {
  try {
    await refresh();
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) {
      sessionNotice.value = error.message;
    }
    status.value = "signed-out";
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
