// Performance marks around the pack editor, for the browser tests (and the browser's own
// performance panel): "pmp:pack-render" runs from a pack's data arriving to its entries, totals
// and chart being on screen; "pmp:pack-update" from a fresh read to its re-render.
let waiting = null; // pack id whose first render is being timed
let updating = false;

export function dataArrived(packId) {
  waiting = packId;
  performance.clearMarks("pmp:pack-data");
  performance.mark("pmp:pack-data");
}

export function updateArrived() {
  if (waiting !== null) return;
  updating = true;
  performance.clearMarks("pmp:update-data");
  performance.mark("pmp:update-data");
}

// Called once the pack, its totals and its chart are drawn (after the next frame is painted).
export function drawn(packId) {
  requestAnimationFrame(() => setTimeout(() => {
    if (waiting === packId) {
      waiting = null;
      performance.mark("pmp:pack-ready");
      performance.measure("pmp:pack-render", "pmp:pack-data", "pmp:pack-ready");
    } else if (updating) {
      updating = false;
      performance.mark("pmp:update-ready");
      performance.measure("pmp:pack-update", "pmp:update-data", "pmp:update-ready");
    }
  }, 0));
}
