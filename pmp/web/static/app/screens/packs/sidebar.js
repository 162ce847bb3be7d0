// The sidebar: the packs (open, new, rename, duplicate, delete, import a CSV) and the gear
// library.
import { api, errorText } from "../../api.js";
import { html, useEffect, useRef, useState, useLocation } from "../../vendor.js";
import { ConfirmDialog } from "../../ui/dialog.js";
import { InlineText } from "../../ui/inline.js";
import { notify } from "../../ui/toast.js";
import { patchPack } from "./actions.js";
import { focusName, loadPacks, pack, packs, packsError } from "./store.js";
import { Icon } from "./icons.js";
import { ImportButton } from "./import.js";
import { Library } from "./library.js";

function RenameField({ p, onDone }) {
  const box = useRef(null);
  const sent = useRef(false);
  useEffect(() => box.current.querySelector("input").focus(), []);
  async function save(text, input) {
    if (sent.current) return;
    if (!text.trim()) {
      input.value = p.name;
      notify("A pack needs a name.", { tone: "error" });
      return;
    }
    sent.current = true;
    onDone();
    await patchPack({ name: text.trim() });
  }
  return html`<span ref=${box} class="rename"
    onKeyDown=${(e) => e.key === "Escape" && (e.preventDefault(), onDone())}>
    <${InlineText} label=${`New name for ${p.name}`} value=${p.name} onSave=${save}
      onBlur=${onDone} className="boxed" /></span>`;
}

function Tools({ p, onRename, onAsk }) {
  const { route } = useLocation();
  async function duplicate() {
    try {
      const copy = await api.post(`/api/packs/${p.id}/duplicate`);
      await loadPacks();
      route(`/packs/${copy.id}`);
      notify(`Made a copy: ${copy.name}.`);
    } catch (error) {
      notify(errorText(error), { tone: "error" });
    }
  }
  return html`<span class="pack-actions">
    <button type="button" class="icon" aria-label=${`Rename ${p.name}`} title="Rename"
      onClick=${onRename}><${Icon} name="edit" /></button>
    <button type="button" class="icon" aria-label=${`Duplicate ${p.name}`} title="Duplicate"
      onClick=${duplicate}><${Icon} name="copy" /></button>
    <button type="button" class="icon" aria-label=${`Delete ${p.name}`} title="Delete"
      onClick=${onAsk}><${Icon} name="trash" /></button>
  </span>`;
}

function PackRow({ p, current, onAsk }) {
  const [renaming, setRenaming] = useState(false);
  const done = () => {
    setRenaming(false);
    requestAnimationFrame(() => document.querySelector(".pack-list .current .icon")?.focus());
  };
  return html`<li class=${current ? "current" : ""}>
    ${renaming ? html`<${RenameField} p=${p} onDone=${done} />`
      : html`<a href=${`/packs/${p.id}`} aria-current=${current ? "page" : undefined}>
          ${p.name}</a>`}
    ${current && !renaming && html`<${Tools} p=${p} onRename=${() => setRenaming(true)}
      onAsk=${() => onAsk(p)} />`}
  </li>`;
}

function PackList({ currentId }) {
  const { route } = useLocation();
  const [asking, setAsking] = useState(null);
  async function create() {
    try {
      const made = await api.post("/api/packs", { name: "New pack" });
      focusName.value = made.id;
      await loadPacks();
      route(`/packs/${made.id}`);
    } catch (error) {
      notify(errorText(error), { tone: "error" });
    }
  }
  function ask(p) {
    const n = p.entry_count;
    setAsking({ p, title: `Delete ${p.name}?`, confirm: "Delete pack",
      message: `The pack and its ${n} ${n === 1 ? "entry" : "entries"} are deleted. The items ` +
        "stay in your gear." });
  }
  async function answer(yes) {
    const { p } = asking;
    setAsking(null);
    if (!yes) return;
    try {
      await api.delete(`/api/packs/${p.id}`);
      await loadPacks();
      if (currentId === p.id) route("/packs");
      notify(`Deleted ${p.name}.`);
    } catch (error) {
      notify(errorText(error), { tone: "error" });
    }
  }
  const list = packs.value;
  return html`
    <section class="side-packs" aria-labelledby="packs-title">
      <h2 id="packs-title">Packs</h2>
      <div class="side-actions">
        <button type="button" class="primary" onClick=${create}><${Icon} name="plus" />New pack
        </button>
        <${ImportButton} />
      </div>
      ${packsError.value && html`<p class="form-error" role="alert">
        ${errorText(packsError.value)}</p>`}
      ${list && list.length === 0 && html`<p class="muted">No packs yet.</p>`}
      ${list && html`<ul class="pack-list">${list.map((p) => html`<${PackRow} key=${p.id} p=${p}
        current=${p.id === currentId} onAsk=${ask} />`)}</ul>`}
      <${ConfirmDialog} request=${asking} onAnswer=${answer} />
    </section>`;
}

export function Sidebar({ currentId, open }) {
  return html`<aside id="pack-sidebar" class=${`sidebar ${open ? "open" : ""}`}
    aria-label="Packs and gear">
    <${PackList} currentId=${currentId} />
    <${Library} />
  </aside>`;
}
