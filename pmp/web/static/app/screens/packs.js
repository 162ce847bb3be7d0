// The packs screen, Lighterpack's two panes: the sidebar (packs and the gear library) and the
// open pack (editor or packing checklist), or an overview of the packs when none is open.
// On a phone the sidebar folds above the pack behind a toggle. The parts live in ./packs/.
import { html, useEffect, useState } from "../vendor.js";
import { Frame } from "../ui/layout.js";
import { closePack, loadPacks } from "./packs/store.js";
import { preloadChart } from "./packs/chart.js";
import { Editor } from "./packs/editor.js";
import { Icon } from "./packs/icons.js";
import { ImportReport } from "./packs/import.js";
import { Overview } from "./packs/overview.js";
import { Sidebar } from "./packs/sidebar.js";

export function Packs({ id, mode }) {
  const packId = id ? Number(id) : null;
  const [open, setOpen] = useState(false);
  useEffect(() => {
    loadPacks();
    // The chart's library is large: fetch it while the person looks at the list, not after the
    // pack's data has arrived.
    const idle = globalThis.requestIdleCallback || setTimeout;
    idle(() => preloadChart());
  }, []);
  useEffect(() => {
    setOpen(false);
    if (packId === null) closePack();
  }, [packId]);
  return html`<${Frame} wide>
    <div class="editor-layout">
      <button type="button" class="sidebar-toggle" aria-expanded=${open ? "true" : "false"}
        aria-controls="pack-sidebar" onClick=${() => setOpen(!open)}>
        <${Icon} name="menu" />${open ? "Hide packs and gear" : "Packs and gear"}</button>
      <${Sidebar} currentId=${packId} open=${open} />
      <div class="pack-pane">
        ${packId === null || Number.isNaN(packId) ? html`<${Overview} />`
          : html`<${Editor} id=${packId} mode=${mode} />`}
      </div>
    </div>
    <${ImportReport} />
  <//>`;
}
