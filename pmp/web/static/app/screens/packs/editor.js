// The open pack: its name and description, its two modes (the editor and the packing
// checklist), its totals and chart, its categories, and the share dialog.
import { html, useEffect, useRef, useState } from "../../vendor.js";
import { errorText } from "../../api.js";
import { InlineText } from "../../ui/inline.js";
import { useTitle } from "../../ui/layout.js";
import { notify } from "../../ui/toast.js";
import { patchPack } from "./actions.js";
import {
  announcement, focusName, openPack, pack, packError, readPack, unit,
} from "./store.js";
import { preloadChart } from "./chart.js";
import { Categories } from "./categories.js";
import { Checklist } from "./checklist.js";
import { Icon } from "./icons.js";
import { Markdown } from "./markdown.js";
import { drawn } from "./perf.js";
import { ShareDialog } from "./share.js";
import { Totals } from "./totals.js";

function Description({ p }) {
  const [draft, setDraft] = useState(null); // null: not editing
  const area = useRef(null);
  const editing = draft !== null;
  useEffect(() => { if (editing) area.current.focus(); }, [editing]);
  function finish(save) {
    if (!area.current || draft === null) return; // already done (the field is going away)
    const text = area.current.value;
    setDraft(null);
    if (save && text !== p.description) patchPack({ description: text });
  }
  function keyDown(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      area.current.value = p.description;
      finish(false);
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      finish(true);
    }
  }
  if (editing) {
    return html`<div class="description editing">
      <textarea ref=${area} aria-label="Description" aria-describedby="description-hint"
        rows="4" value=${draft} onInput=${(e) => setDraft(e.currentTarget.value)}
        onBlur=${() => finish(true)} onKeyDown=${keyDown} />
      <p id="description-hint" class="hint">Markdown: **bold**, *italic*, [link](https://…),
        "- " lists. Saved when you leave the field (or Ctrl+Enter); Escape cancels.</p>
    </div>`;
  }
  return html`<div class="description">
    ${p.description && html`<${Markdown} text=${p.description} />`}
    <button type="button" class="link" onClick=${() => setDraft(p.description)}>
      ${p.description ? "Edit the description" : "Add a description"}</button>
  </div>`;
}

function PackName({ p }) {
  const heading = useRef(null);
  useEffect(() => {
    if (focusName.value === p.id) {
      focusName.value = null;
      const input = heading.current.querySelector("input");
      input.focus();
      input.select();
    }
  }, [focusName.value, p.id]);
  function save(text, field) {
    if (!text.trim()) {
      field.value = p.name;
      notify("A pack needs a name.", { tone: "error" });
      return;
    }
    patchPack({ name: text.trim() });
  }
  return html`<h1 class="pack-title" ref=${heading}><${InlineText} label="Pack name"
    value=${p.name} onSave=${save} className="pack-name" /></h1>`;
}

function Head({ p, mode }) {
  const [sharing, setSharing] = useState(false);
  const link = (href, text, current) => html`<a href=${href}
    aria-current=${current ? "page" : undefined}>${text}</a>`;
  return html`
    <header class="pack-head">
      <${PackName} p=${p} />
      <${Description} p=${p} />
      <div class="pack-tools">
        <nav class="tabs" aria-label="Pack mode">
          ${link(`/packs/${p.id}`, "Edit", mode !== "checklist")}
          ${link(`/packs/${p.id}/checklist`, "Checklist", mode === "checklist")}
        </nav>
        <button type="button" onClick=${() => setSharing(true)}>
          <${Icon} name="share" />Share ${p.share_code && html`<span class="badge">on</span>`}
        </button>
      </div>
      ${sharing && html`<${ShareDialog} p=${p} onClose=${() => setSharing(false)} />`}
    </header>`;
}

function Missing({ error }) {
  useTitle("Pack not found");
  return html`<div class="pack-missing">
    <h1>${error.status === 404 ? "Pack not found" : "The pack could not be loaded"}</h1>
    <p>${error.status === 404 ? "It may have been deleted. Choose another pack from the list."
      : errorText(error)}</p>
    ${error.status !== 404 && html`<button type="button" onClick=${readPack}>Try again</button>`}
  </div>`;
}

export function Editor({ id, mode }) {
  const p = pack.value;
  const chartDrawn = useRef(null);
  useTitle(p && p.id === id ? p.name : "Pack");
  useEffect(() => {
    preloadChart();
    openPack(id);
  }, [id]);
  useEffect(() => {
    if (p && p.totals.unit !== unit.value) readPack();
  }, [unit.value]);
  useEffect(() => {
    if (p && chartDrawn.current === p.id) drawn(p.id);
  }, [p]);
  if (packError.value) return html`<${Missing} error=${packError.value} />`;
  if (!p || p.id !== id) return html`<p class="loading" role="status">Loading the pack…</p>`;
  const onDrawn = () => {
    chartDrawn.current = p.id;
    drawn(p.id);
  };
  return html`
    <article class="pack">
      <${Head} p=${p} mode=${mode} />
      ${mode === "checklist" ? html`<${Checklist} p=${p} />` : html`
        <${Totals} p=${p} onDrawn=${onDrawn} />
        <${Categories} />`}
      <p class="visually-hidden" aria-live="polite">${announcement.value}</p>
    </article>`;
}
