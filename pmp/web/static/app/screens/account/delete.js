// Deleting the account: said plainly, the password, and the username typed to confirm.
import { api } from "../../api.js";
import { sessionNotice, signOut, user } from "../../session.js";
import { TextField } from "../../ui/fields.js";
import { html, useLocation, useState } from "../../vendor.js";
import { Outcome, Section, useForm } from "./section.js";

export function DeleteAccount() {
  const { route } = useLocation();
  const username = user.value.username;
  const [password, setPassword] = useState("");
  const [typed, setTyped] = useState("");
  const form = useForm(async () => {
    await api.delete("/api/me", { password });
    await signOut();
    sessionNotice.value = `The account ${username} and all its data were deleted.`;
    route("/login");
    return "";
  });
  const confirmed = typed.trim().toLowerCase() === username;
  return html`
    <${Section} id="delete" title="Delete the account" tone="danger-zone">
      <p><strong>This deletes the account and everything in it at once:</strong> every item,
        pack, share link and workout. It cannot be undone. Download your data first if you may
        want it again.</p>
      <form onSubmit=${form.submit} novalidate class="account-form" ref=${form.ref}>
        <${TextField} label="Password" type="password" value=${password} onInput=${setPassword}
          error=${form.errors.password} autocomplete="current-password" />
        <${TextField} label=${`Type your username (${username}) to confirm`} value=${typed}
          onInput=${setTyped} autocomplete="off" spellcheck="false" />
        <div class="form-row">
          <button type="submit" class="danger" disabled=${!confirmed || !password || form.busy}>
            Delete my account</button>
          <${Outcome} error=${form.error} done=${form.done} fields=${["password"]} />
        </div>
      </form>
    <//>`;
}
