// Security activity: sign-ins, and every reuse of a refresh token the server caught (a copy of
// a session's key used after the real one had moved on), newest first, page by page.
import { errorText, request } from "../../api.js";
import { dateTime } from "../../format.js";
import { user } from "../../session.js";
import { acknowledgeAlerts } from "../../ui/security-alert.js";
import { html, useEffect, useState } from "../../vendor.js";
import { deviceInWords } from "./device.js";
import { Section } from "./section.js";

const PAGE = 20;
const KINDS = {
  login_success: "Signed in",
  refresh_token_reuse_detected: "Reused sign-in key caught: that session was signed out",
  password_changed: "Password changed, other sessions signed out",
  email_changed: "Email changed",
  logout_all: "Signed out everywhere",
  session_revoked: "A session was signed out",
};

function Event({ event }) {
  const unseen = event.alert && !event.acknowledged_at;
  return html`
    <li class=${`security-event ${event.alert ? "alert" : ""}`}>
      <p class="event-kind"><strong>${KINDS[event.kind] || event.kind}</strong>
        ${unseen && html` <span class="badge danger-badge">New</span>`}</p>
      <p class="muted event-meta">
        <time datetime=${event.created_at}>${dateTime(event.created_at)}</time>
        <span>${deviceInWords(event.user_agent)}</span>
        <span>IP ${event.ip || "unknown"}</span>
      </p>
      ${event.alert && html`<p class="event-help">Someone presented a sign-in key (refresh
        token) that had already been replaced. That happens when a copy of it was taken, for
        example from a shared or lost device. If you do not recognise it, change your
        password.</p>`}
    </li>`;
}

function useEvents(alerts) {
  const [events, setEvents] = useState(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState(null);
  async function load(offset) {
    try {
      const { data, total: count } = await request(
        "GET", `/api/me/security-events?limit=${PAGE}&offset=${offset}`);
      setEvents((old) => (offset && old ? [...old, ...data] : data));
      setTotal(count ?? data.length);
    } catch (caught) {
      setError(caught);
    }
  }
  // Again when the alerts change (acknowledged here or on the alert above).
  useEffect(() => {
    load(0);
  }, [alerts]);
  return { events, total, error, more: () => load(events.length) };
}

export function SecurityActivity() {
  const alerts = user.value?.unacknowledged_alerts || 0;
  const { events, total, error, more } = useEvents(alerts);
  const [ackError, setAckError] = useState(null);
  return html`
    <${Section} id="security" title="Security activity"
      intro="Sign-ins and anything unusual the server noticed over the last 90 days.">
      ${alerts > 0 && html`<div class="form-row">
        <button type="button" class="primary"
          onClick=${() => acknowledgeAlerts().catch(setAckError)}>I understand</button>
        <span>${alerts === 1 ? "1 alert" : `${alerts} alerts`} to review below.</span>
      </div>`}
      ${(error || ackError) && html`<p class="form-error" role="alert">
        ${errorText(error || ackError)}</p>`}
      ${events && events.length === 0 && html`<p class="muted">Nothing yet.</p>`}
      ${events && html`<ol class="security-events" aria-label="Security events, newest first">
        ${events.map((e) => html`<${Event} key=${e.id} event=${e} />`)}</ol>`}
      ${events && events.length < total && html`<div class="load-more">
        <button type="button" onClick=${more}>Show older activity</button></div>`}
    <//>`;
}
