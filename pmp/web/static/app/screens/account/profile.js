// Display name and email; a new email asks for the current password.
import { api } from "../../api.js";
import { user } from "../../session.js";
import { TextField } from "../../ui/fields.js";
import { html, useState } from "../../vendor.js";
import { Outcome, Section, useForm } from "./section.js";

function DisplayName() {
  const [name, setName] = useState(user.value.display_name);
  const form = useForm(async () => {
    user.value = await api.patch("/api/me", { display_name: name.trim() });
    return "Display name saved.";
  });
  return html`
    <form onSubmit=${form.submit} novalidate class="account-form" ref=${form.ref}>
      <${TextField} label="Display name" value=${name} onInput=${setName}
        error=${form.errors.display_name} autocomplete="name" />
      <div class="form-row">
        <button type="submit" disabled=${form.busy}>Save name</button>
        <${Outcome} error=${form.error} done=${form.done} fields=${["display_name"]} />
      </div>
    </form>`;
}

function Email() {
  const [email, setEmail] = useState(user.value.email);
  const [password, setPassword] = useState("");
  const changing = email.trim().toLowerCase() !== user.value.email;
  const form = useForm(async () => {
    user.value = await api.patch("/api/me", { email: email.trim(), current_password: password });
    setPassword("");
    return "Email changed.";
  });
  return html`
    <form onSubmit=${form.submit} novalidate class="account-form" ref=${form.ref}>
      <${TextField} label="Email" type="email" value=${email} onInput=${setEmail}
        error=${form.errors.email} autocomplete="email" />
      ${changing && html`<${TextField} label="Current password" type="password"
        value=${password} onInput=${setPassword} error=${form.errors.current_password}
        autocomplete="current-password" hint="A new email needs your password." />`}
      <div class="form-row">
        <button type="submit" disabled=${form.busy || !changing}>Change email</button>
        <${Outcome} error=${form.error} done=${form.done}
          fields=${["email", "current_password"]} />
      </div>
    </form>`;
}

export function Profile() {
  return html`
    <${Section} id="profile" title="Profile"
      intro=${`Signed in as ${user.value.username}. The username cannot be changed.`}>
      <${DisplayName} />
      <${Email} />
    <//>`;
}
