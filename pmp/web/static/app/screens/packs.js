// The packs: the list of packs and, for one pack, the editor (its own issue builds it out).
import { api, errorText } from "../api.js";
import { html, useEffect, useState } from "../vendor.js";
import { Frame, useTitle } from "../ui/layout.js";

export function Packs() {
  useTitle("Packs");
  const [packs, setPacks] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.get("/api/packs").then(setPacks, setError);
  }, []);
  return html`<${Frame}>
    <h1>Packs</h1>
    ${error && html`<p class="form-error" role="alert">${errorText(error)}</p>`}
    ${packs && packs.length === 0 && html`<p class="empty">
      No packs yet: create one or import a Lighterpack CSV.</p>`}
    ${packs && html`<ul>${packs.map((p) => html`<li key=${p.id}>
      <a href=${`/packs/${p.id}`}>${p.name}</a></li>`)}</ul>`}
  <//>`;
}
