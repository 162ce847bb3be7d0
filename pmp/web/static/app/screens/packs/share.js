// Share a pack: make or revoke its public link, copy it, and download the pack as a
// Lighterpack CSV file.
import { api, errorText, request } from "../../api.js";
import { html, useEffect, useId, useRef, useState } from "../../vendor.js";
import { Dialog } from "../../ui/dialog.js";
import { notify } from "../../ui/toast.js";
import { change } from "./store.js";
import { Icon } from "./icons.js";

function fileName(headers, packName) {
  const disposition = headers.get("Content-Disposition") || "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (match) return decodeURIComponent(match[1]);
  return `${packName.replace(/[^A-Za-z0-9_-]+/g, "-") || "pack"}.csv`;
}

// The CSV needs the access token, so a plain link cannot fetch it: read it, then save it.
async function downloadCsv(p) {
  try {
    const { data, headers } = await request("GET", `/api/packs/${p.id}/export.csv`,
      { headers: { Accept: "text/csv" } });
    const url = URL.createObjectURL(new Blob([data], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName(headers, p.name);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    notify(errorText(error), { tone: "error" });
  }
}

function PublicLink({ url, onRevoke }) {
  const id = useId();
  const input = useRef(null);
  const [said, setSaid] = useState("");
  const [asking, setAsking] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setSaid("Link copied.");
    } catch {
      input.current.focus();
      input.current.select();
      setSaid("The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  }
  return html`
    <div class="field">
      <label for=${id}>Public link</label>
      <input id=${id} ref=${input} class="share-url" readonly value=${url}
        onFocus=${(e) => e.currentTarget.select()} />
    </div>
    <div class="actions start">
      <button type="button" class="primary" onClick=${copy}><${Icon} name="copy" />Copy link
      </button>
      <a class="button" href=${url} target="_blank" rel="noopener">Open</a>
      ${!asking && html`<button type="button" class="danger" onClick=${() => setAsking(true)}>
        Revoke the link</button>`}
    </div>
    <p class="copy-status" role="status">${said}</p>
    ${asking && html`<div class="confirm-inline" role="group" aria-label="Revoke the link?">
      <p>The link stops working at once for everyone who has it. Sharing again makes a new one.</p>
      <div class="actions start">
        <button type="button" class="danger" onClick=${onRevoke}>Revoke</button>
        <button type="button" onClick=${() => setAsking(false)}>Keep the link</button>
      </div>
    </div>`}`;
}

export function ShareDialog({ p, onClose }) {
  const [url, setUrl] = useState(null);
  const [busy, setBusy] = useState(Boolean(p.share_code));
  const base = `/api/packs/${p.id}/share`;
  async function share() {
    setBusy(true);
    const result = await change(null, () => api.post(base));
    if (result.ok) setUrl(result.data.share_url);
    setBusy(false);
  }
  async function revoke() {
    const result = await change((q) => ({ ...q, share_code: null }), () => api.delete(base));
    if (result.ok) {
      setUrl(null);
      notify("The public link is revoked.");
    }
  }
  // A shared pack knows its code but not its address: asking again is harmless (idempotent).
  useEffect(() => { if (p.share_code) share(); }, []);
  return html`
    <${Dialog} open=${true} title=${`Share ${p.name}`} onClose=${onClose} className="share-dialog">
      <p>Anyone with the public link can see this pack (its items, weights and totals) without
        an account. Nothing else of your account is shown.</p>
      ${url ? html`<${PublicLink} url=${url} onRevoke=${revoke} />`
        : html`<div class="actions start"><button type="button" class="primary" disabled=${busy}
            onClick=${share}><${Icon} name="link" />Create a public link</button></div>`}
      <h3>Download</h3>
      <p class="muted">The pack as a CSV file that Lighterpack and spreadsheets read.</p>
      <div class="actions start">
        <button type="button" onClick=${() => downloadCsv(p)}><${Icon} name="download" />
          Download CSV</button>
      </div>
      <div class="actions"><button type="button" onClick=${onClose}>Done</button></div>
    <//>`;
}
