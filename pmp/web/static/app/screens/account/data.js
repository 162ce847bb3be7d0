// The whole account as one JSON file: download it, or add a file's records to this account.
import { errorText, request } from "../../api.js";
import { html, useId, useState } from "../../vendor.js";
import { Section } from "./section.js";

const COUNTED = {
  items: ["item", "items"], packs: ["pack", "packs"],
  pack_entries: ["pack entry", "pack entries"],
  custom_exercises: ["custom exercise", "custom exercises"], workouts: ["workout", "workouts"],
  workout_exercises: ["exercise logged", "exercises logged"], sets: ["set", "sets"],
};

// {items: 2, packs: 1, sets: 0} -> "2 items, 1 pack" (what was not in the file is not said).
export function countsInWords(counts) {
  const some = Object.entries(counts).filter(([, n]) => n > 0);
  if (some.length === 0) return "nothing: the file holds no records";
  return some.map(([key, n]) => {
    const [one, many] = COUNTED[key] || [key.replace(/_/g, " "), key.replace(/_/g, " ")];
    return `${n} ${n === 1 ? one : many}`;
  }).join(", ");
}

function filenameOf(headers) {
  const match = /filename="?([^";]+)"?/.exec(headers.get("Content-Disposition") || "");
  return match ? match[1] : "pmp-export.json";
}

function saveFile(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Export() {
  const [state, setState] = useState({ busy: false, error: null, done: "" });
  async function download() {
    setState({ busy: true, error: null, done: "" });
    try {
      const { data, headers } = await request("GET", "/api/me/export");
      const name = filenameOf(headers);
      saveFile(name, JSON.stringify(data, null, 1));
      setState({ busy: false, error: null, done: `Saved ${name}.` });
    } catch (error) {
      setState({ busy: false, error, done: "" });
    }
  }
  return html`
    <div class="form-row">
      <button type="button" onClick=${download} disabled=${state.busy}>
        ${state.busy ? "Preparing…" : "Download everything (.json)"}</button>
      ${state.error ? html`<p class="form-error" role="alert">${errorText(state.error)}</p>`
        : html`<p class="form-done" role="status">${state.done}</p>`}
    </div>`;
}

function Import() {
  const id = useId();
  const [file, setFile] = useState(null);
  const [state, setState] = useState({ busy: false, error: null, done: "" });
  async function submit(event) {
    event.preventDefault();
    if (!file) return;
    setState({ busy: true, error: null, done: "" });
    try {
      const { data } = await request("POST", "/api/me/import", {
        body: file, headers: { "Content-Type": "application/json" },
      });
      setState({ busy: false, error: null, done: `Imported ${countsInWords(data.imported)}.` });
    } catch (error) {
      setState({ busy: false, error, done: "" });
    }
  }
  return html`
    <form onSubmit=${submit} class="account-form">
      <div class="field">
        <label for=${id}>Export file to import</label>
        <input id=${id} type="file" accept=".json,application/json"
          onChange=${(e) => setFile(e.currentTarget.files[0] || null)} />
        <p class="hint">Its items, packs and workouts are added to this account; nothing
          here is replaced or deleted.</p>
      </div>
      <div class="form-row">
        <button type="submit" disabled=${!file || state.busy}>
          ${state.busy ? "Importing…" : "Import"}</button>
        ${state.error
          ? html`<p class="form-error" role="alert">Nothing was imported: ${
            errorText(state.error)}</p>`
          : html`<p class="form-done" role="status">${state.done}</p>`}
      </div>
    </form>`;
}

export function Data() {
  return html`
    <${Section} id="data" title="Your data" intro=${"Download every item, pack and workout " +
      "as one file, to keep or to move to another pmp server."}>
      <${Export} />
      <${Import} />
    <//>`;
}
