// Import a Lighterpack CSV as a new pack; afterwards say in words what the import changed in
// the file (its warnings, by line) or why it refused the file.
import { errorText, request } from "../../api.js";
import { html, useId, useLocation, useState } from "../../vendor.js";
import { Dialog } from "../../ui/dialog.js";
import { notify } from "../../ui/toast.js";
import { importNotes, libraryVersion, loadPacks } from "./store.js";
import { Icon } from "./icons.js";

export function ImportButton() {
  const id = useId();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  async function pick(event) {
    const file = event.currentTarget.files[0];
    event.currentTarget.value = "";
    if (!file) return;
    const form = new FormData();
    form.append("file", file);
    setBusy(true);
    try {
      const { data } = await request("POST", "/api/packs/import", { body: form });
      libraryVersion.value += 1;
      await loadPacks();
      route(`/packs/${data.id}`);
      const n = data.entry_count;
      if (data.warnings.length) {
        importNotes.value = { name: data.name, entries: n, warnings: data.warnings };
      } else {
        notify(`Imported ${data.name}: ${n} ${n === 1 ? "entry" : "entries"}.`);
      }
    } catch (error) {
      importNotes.value = { file: file.name, error };
    } finally {
      setBusy(false);
    }
  }
  return html`<span class="file-button">
    <input type="file" id=${id} accept=".csv,text/csv,text/plain" class="visually-hidden"
      onChange=${pick} disabled=${busy} />
    <label for=${id} class="button"><${Icon} name="upload" />
      Import<span class="visually-hidden"> a Lighterpack</span> CSV</label>
  </span>`;
}

function refusals(error) {
  const fields = error.fields || {};
  const lines = Object.entries(fields).map(([where, messages]) =>
    [where.replace(/^line /, ""), [].concat(messages).join(" ")]);
  return lines.length ? lines : [["", errorText(error)]];
}

function Lines({ rows }) {
  return html`<ul class="import-lines">
    ${rows.map(([line, message]) => html`<li key=${line + message}>
      ${line && html`<strong>Line ${line}: </strong>`}${message}</li>`)}
  </ul>`;
}

export function ImportReport() {
  const notes = importNotes.value;
  if (!notes) return null;
  const close = () => { importNotes.value = null; };
  if (notes.error) {
    return html`<${Dialog} open=${true} title="The file was not imported" onClose=${close}>
      <p>${notes.file} was not imported: nothing was saved. Correct these lines and import it
        again.</p>
      <${Lines} rows=${refusals(notes.error)} />
      <div class="actions"><button type="button" class="primary" onClick=${close}>OK</button></div>
    <//>`;
  }
  const n = notes.warnings.length;
  const count = `${notes.entries} ${notes.entries === 1 ? "entry" : "entries"}`;
  const said = `${n} ${n === 1 ? "note" : "notes"}`;
  return html`<${Dialog} open=${true} title=${`Imported ${notes.name}`} onClose=${close}>
    <p>${count} imported. What the import changed or skipped, by line of the file (${said}):</p>
    <${Lines} rows=${notes.warnings.map((w) => [String(w.line), w.message])} />
    <div class="actions"><button type="button" class="primary" onClick=${close}>OK</button></div>
  <//>`;
}
