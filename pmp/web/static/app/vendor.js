// Written by tools/vendor_web.py: the libraries the app uses, from their vendored
// files. Do not edit; change pmp/web/package.json and run the script.
export { h, render, Fragment, createContext, toChildArray } from "../vendor/preact-11.2.0/preact.js";
export { useState, useEffect, useLayoutEffect, useRef, useMemo, useCallback, useContext, useId } from "../vendor/preact-11.2.0/hooks.js";
export { signal, computed, effect, batch, useSignal, useComputed, useSignalEffect } from "../vendor/signals-2.11.4/signals.js";
export { LocationProvider, Router, Route, useLocation, useRoute } from "../vendor/preact-iso-2.12.2/router.js";
export { default as lazy, ErrorBoundary } from "../vendor/preact-iso-2.12.2/lazy.js";
import htm from "../vendor/htm-3.1.1/htm.js";
import { h } from "../vendor/preact-11.2.0/preact.js";
export const html = htm.bind(h);
// Chart.js is large and only some screens draw charts: load it on first use.
export async function loadChart() {
  await import("../vendor/chart.js-4.6.1/chart.umd.min.js");
  return globalThis.Chart;
}
