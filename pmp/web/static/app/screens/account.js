// The account: profile, units and currency, password, sessions, security activity, the
// account's data, and its deletion. The parts live in screens/account/.
import { Frame, useTitle } from "../ui/layout.js";
import { html, useEffect } from "../vendor.js";
import { Data } from "./account/data.js";
import { DeleteAccount } from "./account/delete.js";
import { Password } from "./account/password.js";
import { Preferences } from "./account/preferences.js";
import { Profile } from "./account/profile.js";
import { SecurityActivity } from "./account/security.js";
import { Sessions } from "./account/sessions.js";

const PARTS = [["profile", "Profile"], ["preferences", "Units"], ["password", "Password"],
  ["sessions", "Sessions"], ["security", "Security"], ["data", "Your data"],
  ["delete", "Delete"]];

// /account#security (the alert's "Review") opens at that part, its heading focused.
function useOpenAtHash() {
  useEffect(() => {
    const part = location.hash && document.getElementById(`${location.hash.slice(1)}-title`);
    if (part) {
      part.scrollIntoView({ block: "start" });
      part.focus({ preventScroll: true });
    }
  }, []);
}

export function Account() {
  useTitle("Account");
  useOpenAtHash();
  return html`<${Frame}>
    <h1>Account</h1>
    <nav class="account-parts" aria-label="Parts of the account">
      ${PARTS.map(([id, text]) => html`<a href=${`#${id}`}>${text}</a>`)}
    </nav>
    <${Profile} />
    <${Preferences} />
    <${Password} />
    <${Sessions} />
    <${SecurityActivity} />
    <${Data} />
    <${DeleteAccount} />
  <//>`;
}
