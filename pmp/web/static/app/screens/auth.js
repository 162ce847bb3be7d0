// Sign in and sign up. The messages say what to do: a closed registration, a rate limit with
// its Retry-After in words, a field that is not accepted.
import { ApiError, errorText } from "../api.js";
import { html, useLocation, useState } from "../vendor.js";
import { sessionNotice, signIn, signUp } from "../session.js";
import { Checkbox, TextField } from "../ui/fields.js";
import { useTitle } from "../ui/layout.js";

function fieldErrors(error) {
  if (!(error instanceof ApiError) || !error.fields) return {};
  return Object.fromEntries(Object.entries(error.fields).map(
    ([field, messages]) => [field, [].concat(messages).join(" ")]));
}

function AuthPage({ title, children, footer }) {
  useTitle(title);
  return html`
    <main id="main" class="auth-page">
      <div class="auth-card">
        <p class="brand-large" aria-hidden="true">pmp</p>
        <h1>${title}</h1>
        ${sessionNotice.value && html`<p class="notice" role="alert">${sessionNotice.value}</p>`}
        ${children}
        <p class="auth-footer">${footer}</p>
      </div>
    </main>`;
}

function goAfterSignIn(route) {
  const next = new URLSearchParams(location.search).get("next");
  route(next && next.startsWith("/") && !next.startsWith("//") ? next : "/packs");
}

export function SignIn() {
  const { route } = useLocation();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password, remember);
      goAfterSignIn(route);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  return html`
    <${AuthPage} title="Sign in" footer=${html`No account yet? <a href="/signup">Sign up</a>`}>
      <form onSubmit=${submit} novalidate>
        ${error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
        <${TextField} label="Username or email" value=${login} onInput=${setLogin}
          autocomplete="username" required />
        <${TextField} label="Password" type="password" value=${password} onInput=${setPassword}
          autocomplete="current-password" required />
        <${Checkbox} label="Remember me for 30 days" checked=${remember} onChange=${setRemember} />
        <button type="submit" class="primary" disabled=${busy}>Sign in</button>
      </form>
    <//>`;
}

export function SignUp() {
  const { route } = useLocation();
  const [form, setForm] = useState({ username: "", email: "", password: "", display_name: "" });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const fields = fieldErrors(error);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...form, username: form.username.trim(), email: form.email.trim() };
    if (!body.display_name.trim()) delete body.display_name;
    try {
      await signUp(body);
      goAfterSignIn(route);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  const closed = error instanceof ApiError && error.status === 403;
  return html`
    <${AuthPage} title="Create an account"
      footer=${html`Have an account? <a href="/login">Sign in</a>`}>
      <form onSubmit=${submit} novalidate>
        ${error && html`<p class="form-error" role="alert">${closed
          ? "Registration is closed on this server. Ask its operator for an account."
          : errorText(error)}</p>`}
        <${TextField} label="Username" value=${form.username} onInput=${set("username")}
          autocomplete="username" error=${fields.username}
          hint="3 to 32 letters, digits, '_', '.' or '-'." required />
        <${TextField} label="Email" type="email" value=${form.email} onInput=${set("email")}
          autocomplete="email" error=${fields.email} required />
        <${TextField} label="Password" type="password" value=${form.password}
          onInput=${set("password")} autocomplete="new-password" error=${fields.password}
          hint="At least 8 characters; a passphrase is best." required />
        <${TextField} label="Display name (optional)" value=${form.display_name}
          onInput=${set("display_name")} autocomplete="name" error=${fields.display_name} />
        <button type="submit" class="primary" disabled=${busy}>Create account</button>
      </form>
    <//>`;
}
