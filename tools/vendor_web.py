"""Refresh the web app's vendored libraries from the npm registry (needs Node and npm).

    python tools/vendor_web.py

Installs exactly what pmp/web/package-lock.json pins (`npm ci`, no install scripts) in a
temporary folder and copies each library's published browser file, with its licence, into
pmp/web/static/vendor/<name>-<version>/ (axe-core, used only by the browser tests, into
tests/browser/vendor/). Nothing is built or minified here: the one change to a published file
is that a bare import (`from "preact"`) becomes a relative path, which a browser needs without
an import map (an inline import map would break the strict `script-src 'self'` CSP).
It also writes pmp/web/static/app/vendor.js, the module the app imports libraries from (and
vendor-dnd.js, SortableJS for the screens that drag), so a version bump changes no app code.
To upgrade: edit the versions in package.json, run
`npm install --package-lock-only` in pmp/web, run this script, run the browser tests.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "pmp" / "web"
VENDOR = WEB / "static" / "vendor"
TEST_VENDOR = ROOT / "tests" / "browser" / "vendor"

# package -> (files to copy: source in the package -> name in the vendor folder)
FILES = {
    "preact": {"dist/preact.mjs": "preact.js", "hooks/dist/hooks.mjs": "hooks.js"},
    "htm": {"dist/htm.mjs": "htm.js"},
    "@preact/signals-core": {"dist/signals-core.mjs": "signals-core.js"},
    "@preact/signals": {"dist/signals.mjs": "signals.js"},
    "preact-iso": {"src/router.js": "router.js", "src/lazy.js": "lazy.js"},
    "sortablejs": {"modular/sortable.core.esm.js": "sortable.js"},
    "chart.js": {"dist/chart.umd.min.js": "chart.umd.min.js"},
}
TEST_FILES = {"axe-core": {"axe.min.js": "axe.min.js"}}
# bare specifier -> (package, vendored file)
SPECIFIERS = {
    "preact": ("preact", "preact.js"),
    "preact/hooks": ("preact", "hooks.js"),
    "@preact/signals-core": ("@preact/signals-core", "signals-core.js"),
}
LICENCE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "license")
IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*)(["'])([^"'./][^"']*)\2""")


def folder_name(package: str, version: str) -> str:
    return f"{package.split('/')[-1]}-{version}"


def install(lock_dir: Path, into: Path) -> None:
    for name in ("package.json", "package-lock.json"):
        shutil.copy(lock_dir / name, into / name)
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to refresh the vendored libraries (Node.js 18+)")
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=into,  # noqa: S603
                   check=True)


def version_of(modules: Path, package: str) -> str:
    return json.loads((modules / package / "package.json").read_text())["version"]


def rewrite_imports(text: str, versions: dict[str, str], own_folder: str) -> str:
    def replace(match: re.Match) -> str:
        specifier = match.group(3)
        if specifier not in SPECIFIERS:
            raise SystemExit(f"unexpected bare import {specifier!r}: add it to SPECIFIERS")
        package, file = SPECIFIERS[specifier]
        folder = folder_name(package, versions[package])
        target = f"./{file}" if folder == own_folder else f"../{folder}/{file}"
        return f"{match.group(1)}{match.group(2)}{target}{match.group(2)}"

    return IMPORT.sub(replace, text)


def copy_package(modules: Path, package: str, files: dict[str, str], versions: dict[str, str],
                 into: Path) -> Path:
    folder = into / folder_name(package, versions[package])
    folder.mkdir(parents=True, exist_ok=True)
    source = modules / package
    for path, name in files.items():
        text = (source / path).read_text(encoding="utf-8")
        if name.endswith(".js") and "umd" not in name and package != "axe-core":
            text = rewrite_imports(text, versions, folder.name)
        (folder / name).write_text(text, encoding="utf-8")
    licence = next((source / n for n in LICENCE_NAMES if (source / n).exists()), None)
    if licence is None:
        raise SystemExit(f"{package} ships no licence file")
    shutil.copy(licence, folder / "LICENSE")
    return folder


def write_index(versions: dict[str, str]) -> None:
    """pmp/web/static/app/vendor.js: the app's one door to the libraries."""
    def path(package: str, file: str) -> str:
        return f"../vendor/{folder_name(package, versions[package])}/{file}"

    lines = [
        "// Written by tools/vendor_web.py: the libraries the app uses, from their vendored",
        "// files. Do not edit; change pmp/web/package.json and run the script.",
        f'export {{ h, render, Fragment, createContext, toChildArray }} from '
        f'"{path("preact", "preact.js")}";',
        "export { useState, useEffect, useLayoutEffect, useRef, useMemo, useCallback, "
        f'useContext, useId }} from "{path("preact", "hooks.js")}";',
        f'export {{ signal, computed, effect, batch, useSignal, useComputed, useSignalEffect }} '
        f'from "{path("@preact/signals", "signals.js")}";',
        f'export {{ LocationProvider, Router, Route, useLocation, useRoute }} from '
        f'"{path("preact-iso", "router.js")}";',
        f'export {{ default as lazy, ErrorBoundary }} from "{path("preact-iso", "lazy.js")}";',
        f'import htm from "{path("htm", "htm.js")}";',
        f'import {{ h }} from "{path("preact", "preact.js")}";',
        "export const html = htm.bind(h);",
        "// Chart.js is large and only some screens draw charts: load it on first use.",
        "export async function loadChart() {",
        f'  await import("{path("chart.js", "chart.umd.min.js")}");',
        "  return globalThis.Chart;",
        "}",
        "",
    ]
    (WEB / "static" / "app" / "vendor.js").write_text("\n".join(lines), encoding="utf-8")
    # Drag and drop only where lists are edited: its own module, imported by the lazy screens
    # that use it, so the sign-in screen does not download it.
    dnd = [
        "// Written by tools/vendor_web.py (see vendor.js). Imported only by screens that drag.",
        f'export {{ default as Sortable }} from "{path("sortablejs", "sortable.js")}";',
        "",
    ]
    (WEB / "static" / "app" / "vendor-dnd.js").write_text("\n".join(dnd), encoding="utf-8")


def write_readme(versions: dict[str, str], test_versions: dict[str, str]) -> None:
    rows = [f"| {p} | {v} | `{folder_name(p, v)}/` |" for p, v in sorted(versions.items())]
    rows += [f"| {p} (browser tests only) | {v} | `tests/browser/vendor/{folder_name(p, v)}/` |"
             for p, v in sorted(test_versions.items())]
    text = "\n".join([
        "# Vendored front-end libraries",
        "",
        "Published files from the npm registry, copied by `tools/vendor_web.py` at the versions",
        "pinned in `pmp/web/package.json` and `package-lock.json`. Each folder keeps the",
        "library's licence. The only change: bare imports are rewritten to relative paths.",
        "",
        "| package | version | folder |",
        "|---|---|---|",
        *rows,
        "",
    ])
    (VENDOR / "README.md").write_text(text, encoding="utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pmp-vendor-") as temp:
        temp_path = Path(temp)
        install(WEB, temp_path)
        modules = temp_path / "node_modules"
        versions = {p: version_of(modules, p) for p in FILES}
        test_versions = {p: version_of(modules, p) for p in TEST_FILES}
        for target in (VENDOR, TEST_VENDOR):
            if target.exists():
                shutil.rmtree(target)
        for package, files in FILES.items():
            copy_package(modules, package, files, versions, VENDOR)
        for package, files in TEST_FILES.items():
            copy_package(modules, package, files, test_versions, TEST_VENDOR)
    write_index(versions)
    write_readme(versions, test_versions)
    print("vendored:", ", ".join(f"{p} {v}" for p, v in sorted(versions.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
