// Where the account is signed in: each session's device, address and last use; sign one out,
// or every one of them (this one too).
import { api, errorText } from "../../api.js";
import { ago, dateTime } from "../../format.js";
import { signOut } from "../../session.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { notify } from "../../ui/toast.js";
import { html, useEffect, useLocation, useState } from "../../vendor.js";
import { deviceInWords } from "./device.js";
import { Section } from "./section.js";

function SessionRow({ session, onRevoke }) {
  const device = deviceInWords(session.user_agent);
  return html`
    <li class=${`session ${session.current ? "current" : ""}`}>
      <div>
        <p class="session-device"><strong>${device}</strong>
          ${session.current && html` <span class="badge">This device</span>`}</p>
        <p class="muted session-meta">
          <span>IP ${session.ip || "unknown"}</span>
          <span>last used <time datetime=${session.last_used_at}
            title=${dateTime(session.last_used_at)}>${ago(session.last_used_at)}</time></span>
          <span>signed in ${dateTime(session.created_at)}</span>
        </p>
      </div>
      ${!session.current && html`<button type="button" aria-label=${`Sign out ${device}, ${
        session.ip}, last used ${ago(session.last_used_at)}`}
        onClick=${() => onRevoke(session)}>Sign out</button>`}
    </li>`;
}

export function Sessions() {
  const { route } = useLocation();
  const [sessions, setSessions] = useState(null);
  const [error, setError] = useState(null);
  const [asking, setAsking] = useState(false);
  const load = () => api.get("/api/auth/sessions").then(setSessions, setError);
  useEffect(() => {
    load();
  }, []);

  async function revoke(session) {
    try {
      await api.delete(`/api/auth/sessions/${session.id}`);
      notify(`Signed out ${deviceInWords(session.user_agent)} (${session.ip}).`);
      load();
    } catch (caught) {
      notify(errorText(caught), { tone: "error" });
    }
  }

  async function everywhere(yes) {
    setAsking(false);
    if (!yes) return;
    try {
      await api.post("/api/auth/logout-all");
    } catch (caught) {
      notify(errorText(caught), { tone: "error" });
      return;
    }
    await signOut();
    route("/login");
  }

  const others = sessions ? sessions.length - 1 : 0;
  return html`
    <${Section} id="sessions" title="Where you are signed in" intro=${"Each sign-in is a " +
      "session. Sign out one you do not recognise, then change your password."}>
      ${error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
      ${sessions === null && !error && html`<p class="muted" role="status">Loading…</p>`}
      ${sessions && html`<ul class="session-list">
        ${sessions.map((s) => html`<${SessionRow} key=${s.id} session=${s}
          onRevoke=${revoke} />`)}</ul>`}
      <div class="form-row">
        <button type="button" class="danger" onClick=${() => setAsking(true)}>
          Sign out everywhere</button>
        <span class="muted">${others > 0 ? `${others} other session${others > 1 ? "s" : ""}`
          : "No other session"}</span>
      </div>
      <${ConfirmDialog} onAnswer=${everywhere} request=${asking && {
        title: "Sign out everywhere?",
        message: "Every session ends, this one too: every device and app has to sign in " +
          "again.",
        confirm: "Sign out everywhere",
      }} />
    <//>`;
}
