"""What the built image holds: its configuration, its size, its venv, its pins."""

import json
import os
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.container.harness import measure

ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000
BUDGET_MB = 80  # the project's own layers, above the python:3.11-slim base


def python_in(engine, image, code: str) -> str:
    return engine("run", "--rm", "--entrypoint", "python", image, "-c", code).stdout


def test_image_configuration(engine, image):
    config = engine.inspect(image, ".Config", "image")
    assert config["User"] == "10001:10001"
    assert config["Entrypoint"] == ["/bin/sh", "/app/docker/entrypoint.sh"]
    assert "/app/instance" in config["Volumes"]
    assert "8080/tcp" in config["ExposedPorts"]
    # podman keeps it only in Docker format (docs/DEPLOY.md): an OCI image has no such field.
    health = engine("image", "inspect", "--format", "{{json .Config.Healthcheck}}", image,
                    check=False)
    assert health.returncode == 0 and health.stdout.strip() not in ("", "null"), (
        "the image has no HEALTHCHECK (podman: build with --format docker)")
    health = json.loads(health.stdout)
    assert health["Test"] == ["CMD", "python", "-I", "-S", "/app/docker/healthcheck.py"]
    assert health["Interval"] == 5_000_000_000


def test_the_project_layers_stay_under_budget(engine, image):
    base = os.environ.get("PMP_CONTAINER_BASE", "python:3.11-slim")
    total = engine.inspect(image, ".Size", "image")
    own = total - engine.inspect(base, ".Size", "image")
    measure(f"image size: {total / MB:.1f} MB in all, {own / MB:.1f} MB above {base} "
            f"(budget {BUDGET_MB} MB)")
    assert own < BUDGET_MB * MB


def test_the_runtime_venv_holds_no_installer(engine, image):
    found = json.loads(python_in(engine, image, (
        "import importlib.util, json, os; print(json.dumps({"
        "'modules': [m for m in ('pip', 'setuptools', 'pkg_resources', 'wheel')"
        " if importlib.util.find_spec(m)],"
        "'scripts': [s for s in os.listdir('/opt/venv/bin') if s.startswith(('pip', 'easy'))],"
        "'maps': [f for d, _, fs in os.walk('/opt/venv') for f in fs if f.endswith('.js.map')]"
        "}))")))
    assert found == {"modules": [], "scripts": [], "maps": []}


def test_every_installed_distribution_is_pinned_by_the_lock(engine, image):
    """On the image's own Python (3.11.2 on the stand-in base) nothing is installed unpinned."""
    inside = json.loads(python_in(engine, image, (
        "import importlib.metadata as m, json, platform; print(json.dumps({"
        "'python': platform.python_version(),"
        "'dists': {d.metadata['Name']: d.version for d in m.distributions()}}))")))
    measure(f"image Python: {inside['python']}")
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = next(iter(requirement.specifier)).version
    installed = {canonicalize_name(name): version for name, version in inside["dists"].items()}
    assert installed.pop("pmp")
    unpinned = {name: version for name, version in installed.items() if name not in pins}
    assert not unpinned, f"installed in the image but not pinned: {unpinned}"
    drift = {name: (version, pins[name]) for name, version in installed.items()
             if pins[name] != version}
    assert not drift, f"installed version differs from the pin: {drift}"
    if inside["python"] < "3.11.3":
        assert "async-timeout" in installed
