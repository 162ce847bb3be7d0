// The account (its own issue builds it out).
import { html } from "../vendor.js";
import { user } from "../session.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Account() {
  useTitle("Account");
  return html`<${Frame}><h1>Account</h1><p>${user.value?.email}</p><//>`;
}
