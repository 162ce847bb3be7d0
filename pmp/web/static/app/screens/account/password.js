// A new password. Every other session is signed out; this one stays, with a fresh token.
import { api, refresh } from "../../api.js";
import { TextField } from "../../ui/fields.js";
import { html, useState } from "../../vendor.js";
import { Outcome, Section, useForm } from "./section.js";

const EMPTY = { current: "", next: "", repeat: "" };

export function Password() {
  const [form, setForm] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const state = useForm(async () => {
    await api.put("/api/me/password", { current_password: form.current,
      new_password: form.next });
    // The server refuses access tokens issued before the change: take a new one now.
    await refresh();
    setForm(EMPTY);
    return "Password changed. Every other device was signed out; this one stays signed in.";
  });
  function submit(event) {
    const differ = form.next !== form.repeat;
    setMismatch(differ);
    if (differ) {
      event.preventDefault();
      return undefined;
    }
    return state.submit(event);
  }
  return html`
    <${Section} id="password" title="Password"
      intro="Changing it signs out every other device and app that uses your account.">
      <form onSubmit=${submit} novalidate class="account-form" ref=${state.ref}>
        <${TextField} label="Current password" type="password" value=${form.current}
          onInput=${set("current")} error=${state.errors.current_password}
          autocomplete="current-password" />
        <${TextField} label="New password" type="password" value=${form.next}
          onInput=${set("next")} error=${state.errors.new_password}
          autocomplete="new-password" hint="At least 8 characters; a passphrase is best." />
        <${TextField} label="Repeat the new password" type="password" value=${form.repeat}
          onInput=${set("repeat")} autocomplete="new-password"
          error=${mismatch ? "The two new passwords differ." : undefined} />
        <div class="form-row">
          <button type="submit" disabled=${state.busy}>Change password</button>
          <${Outcome} error=${state.error} done=${state.done}
            fields=${["current_password", "new_password"]} />
        </div>
      </form>
    <//>`;
}
