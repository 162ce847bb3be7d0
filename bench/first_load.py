"""What a browser downloads the first time it opens the app: JS and CSS, gzip-compressed as
pmp serves them (`pmp.web.assets.AssetStore.compressed_size`).

The module graph is followed from `app/main.js` like tests/web/test_app_shell.py does: static
imports (`import … from "./x.js"`, `export … from`, `import "./x.js"`) load with the page;
dynamic ones (`import("./x.js")`) are lazy, and counted apart: each screen the router loads on
first visit, and Chart.js (vendor.js `loadChart()`), which the editor loads for its category
chart. The stylesheet is `app/styles.css` with its `@import`s. The share page, which has no
script, is listed apart too: its one stylesheet.

`.venv/bin/python bench/first_load.py` prints the table; bench/run.py prints it after the load
rows. Issue 14's goal: the editor's first load (sign-in set + the editor screen + the chart)
under 200 KB.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pmp.web.assets import AssetStore  # noqa: E402

GOAL_KB = 200
ENTRY = "app/main.js"
STYLESHEET = "app/styles.css"
EDITOR = "app/screens/packs.js"
CHART = "vendor/chart.js-4.6.1/chart.umd.min.js"
SHARE_CSS = "share/share.css"
_STATIC = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\.{1,2}/[^"']+)["']""")
_DYNAMIC = re.compile(r"""\bimport\s*\(\s*["'](\.{1,2}/[^"']+)["']\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']([^"']+)["']""")


@dataclass
class Part:
    name: str
    files: list[str]
    raw: int
    gzipped: int


def resolve(base: str, spec: str) -> str:
    parts = base.split("/")[:-1]
    for piece in spec.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def text(store: AssetStore, name: str) -> str:
    return store.get(name).data.decode("utf-8", errors="replace")


def closure(store: AssetStore, start: str, loaded: set[str]) -> tuple[list[str], set[str]]:
    """The modules `start` pulls in statically (not already `loaded`), and the lazy modules
    any of them imports dynamically."""
    found, lazy, pending = [], set(), [start]
    while pending:
        name = pending.pop()
        if name in loaded or name in found:
            continue
        if store.get(name) is None:
            raise SystemExit(f"{name} is imported but not in pmp/web/static")
        found.append(name)
        source = text(store, name)
        # JSDoc type imports in comments (`import('./x.d.ts')`) load nothing
        pending += [resolve(name, s) for s in _STATIC.findall(source) if not s.endswith(".d.ts")]
        lazy |= {resolve(name, s) for s in _DYNAMIC.findall(source) if not s.endswith(".d.ts")}
    return found, lazy


def stylesheets(store: AssetStore, start: str = STYLESHEET) -> list[str]:
    found, pending = [], [start]
    while pending:
        name = pending.pop()
        if name not in found and store.get(name) is not None:
            found.append(name)
            pending += [resolve(name, s) for s in _CSS_IMPORT.findall(text(store, name))]
    return found


def part(store: AssetStore, name: str, files: list[str]) -> Part:
    raw = sum(len(store.get(f).data) for f in files)
    return Part(name, sorted(files), raw, store.compressed_size(files))


def first_load(store: AssetStore | None = None) -> dict:
    """The parts of the first load: what the sign-in screen needs (split into the app's own
    files, the vendored libraries and the CSS), then each lazy piece on top of it."""
    store = store or AssetStore()
    modules, lazy = closure(store, ENTRY, set())
    css = stylesheets(store)
    loaded = set(modules)
    own = [m for m in modules if m.startswith("app/")]
    vendor = [m for m in modules if not m.startswith("app/")]
    parts = [part(store, "sign-in: the app's modules", own),
             part(store, "sign-in: vendored libraries", vendor),
             part(store, "sign-in: CSS", css)]
    sign_in = sum(p.gzipped for p in parts)
    screens = {}
    for screen in sorted(n for n in lazy if n != CHART):
        files, _ = closure(store, screen, loaded)
        screens[screen] = part(store, f"lazy: {screen}", files)
    chart = part(store, "lazy: Chart.js (loadChart)", [CHART]) if CHART in lazy else None
    editor_files, _ = closure(store, EDITOR, loaded) if EDITOR in lazy else ([], set())
    # The editor shows the chart of weight by category (issue 14), so Chart.js counts in its
    # first load, whether or not the screen's code calls loadChart() yet.
    editor = sign_in + (screens[EDITOR].gzipped if EDITOR in screens else 0)
    editor += chart.gzipped if chart is not None else 0
    share = part(store, "share page: CSS (no script)", [SHARE_CSS])
    return {"parts": [*parts, *screens.values(), *([chart] if chart else []), share],
            "sign_in": sign_in, "editor": editor,
            "editor_calls_chart": any("loadChart(" in text(store, f) for f in editor_files),
            "goal": GOAL_KB * 1024}


def print_first_load(report: dict) -> None:
    """Print a report of `as_json(first_load())` (what bench/run.py keeps in its results)."""
    print("\nfirst load of the app (JS + CSS as served: gzip, level 9):\n")
    print(f"| {'part':<44} | {'files':>5} | {'raw KB':>7} | {'gzip KB':>7} |")
    print(f"|{'-' * 46}|{'-' * 6}:|{'-' * 8}:|{'-' * 8}:|")
    for p in report["parts"]:
        print(f"| {p['name']:<44} | {len(p['files']):>5} | {p['raw'] / 1024:>7.1f} | "
              f"{p['gzipped'] / 1024:>7.1f} |")
    goal = report["goal"]
    calls = "" if report["editor_calls_chart"] else " (its code does not call loadChart yet)"
    for label, size in (("sign-in screen", report["sign_in"]),
                        (f"editor: sign-in + screens/packs.js + Chart.js{calls}",
                         report["editor"])):
        verdict = "under" if size < goal else "OVER"
        print(f"{label}: {size / 1024:.1f} KB ({verdict} the {goal // 1024} KB goal)")


def as_json(report: dict) -> dict:
    return {**report, "parts": [{"name": p.name, "files": p.files, "raw": p.raw,
                                 "gzipped": p.gzipped} for p in report["parts"]]}


if __name__ == "__main__":
    print_first_load(as_json(first_load()))
