"""Imports run downwards: core <- auth <- gear, workouts <- account <- ops, web.

Every `import pmp...` / `from pmp... import` of every module (function-level imports too) is
read from the source with `ast`, and each wing may only import itself and the wings below it.
See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pmp"

# wing -> the other wings it may import
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "auth": {"core"},
    "gear": {"core", "auth"},
    "workouts": {"core", "auth"},
    "account": {"core", "auth", "gear", "workouts"},
    # The operator's tools start applications: they alone may call the factory (`pmp`).
    "ops": {"core", "auth", "gear", "workouts", "account", "app"},
    "web": {"core", "auth", "gear", "workouts", "account"},
    "migrations": {"core"},
    "data": set(),
    # pmp/__init__.py, create_app: the table of contents wires every wing.
    "app": {"core", "auth", "gear", "workouts", "account", "ops", "web"},
}


def wing_of_module(dotted: str) -> str:
    """`pmp.gear.packs` -> gear; `pmp` -> app."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "app"


def wing_of_file(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else "app"


def imported_modules(source: str, module: str) -> list[tuple[int, str]]:
    """(line, dotted name) of every pmp module the source imports, relative imports resolved."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "pmp"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")[: -node.level]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "pmp":
                continue
            if base == "pmp":  # `from pmp import gear` names a wing, `from pmp import x` the app
                found += [(node.lineno, f"pmp.{a.name}" if a.name in ALLOWED else "pmp")
                          for a in node.names]
            else:
                found.append((node.lineno, base))
    return found


def violations(path: Path, source: str) -> list[str]:
    wing = wing_of_file(path)
    module = ".".join(("pmp", *path.relative_to(PACKAGE).with_suffix("").parts))
    allowed = ALLOWED[wing] | {wing}
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line} ({wing}) imports {name}"
        f" ({wing_of_module(name)})"
        for line, name in imported_modules(source, module)
        if wing_of_module(name) not in allowed
    ]


def test_every_wing_is_known():
    wings = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert wings <= set(ALLOWED), wings - set(ALLOWED)


def test_imports_run_downwards():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += violations(path, path.read_text())
    assert problems == []


@pytest.mark.parametrize(("file", "source"), [
    ("auth/tokens.py", "from pmp.gear.models import Item\n"),
    ("core/errors.py", "def f():\n    from pmp.auth import guard\n"),
    ("gear/packs.py", "import pmp.workouts.models\n"),
    ("workouts/stats.py", "from ..gear import totals\n"),
    ("auth/routes.py", "from pmp import account\n"),
    ("account/routes.py", "from pmp import create_app\n"),
])
def test_an_import_back_up_is_caught(file, source):
    assert violations(PACKAGE / file, source)


@pytest.mark.parametrize(("file", "source"), [
    ("gear/packs.py", "from pmp.auth.models import User\nfrom pmp.core import errors\n"),
    ("account/export.py", "from pmp.gear import portability\nfrom . import profile\n"),
    ("ops/server.py", "from pmp import create_app\n"),
])
def test_an_import_downwards_passes(file, source):
    assert violations(PACKAGE / file, source) == []
