// The alert shown on every signed-in screen when the server detected that a refresh token was
// used twice (a copy of a session's key came back after the real one moved on): the person
// learns that a token was stolen, reviews the activity, and acknowledges it.
import { api, errorText } from "../api.js";
import { html, useLocation, useState } from "../vendor.js";
import { user } from "../session.js";

export async function acknowledgeAlerts() {
  await api.post("/api/me/security-events/acknowledge");
  if (user.value) user.value = { ...user.value, unacknowledged_alerts: 0 };
}

export function SecurityAlert() {
  const { path, route } = useLocation();
  const [error, setError] = useState(null);
  const count = user.value?.unacknowledged_alerts || 0;
  if (!count) return null;
  const understood = () => acknowledgeAlerts().catch(setError);
  const keys = count === 1 ? "A sign-in key (refresh token) that had already been replaced was"
    : `${count} sign-in keys (refresh tokens) that had already been replaced were`;
  return html`
    <section class="security-alert" aria-label="Security alert">
      <div role="alert">
        <p><strong>Someone else may have used your account.</strong>${" "}
          ${keys} used again: a sign that a copy was taken. pmp signed that session out.
          If you do not recognise this, change your password.</p>
        ${error && html`<p class="form-error">${errorText(error)}</p>`}
      </div>
      <div class="actions">
        ${path !== "/account" && html`<button type="button"
          onClick=${() => route("/account#security")}>Review</button>`}
        <button type="button" class="primary" onClick=${understood}>I understand</button>
      </div>
    </section>`;
}
