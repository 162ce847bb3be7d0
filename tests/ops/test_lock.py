"""requirements.lock pins every distribution pip installs for pmp, on every Python 3.11 we run on.

pip evaluates environment markers against the interpreter it installs for, so a lock frozen on
one 3.11 can miss what another needs: redis wants async-timeout below Python 3.11.3, which is
what Debian bookworm ships (3.11.2) and what the container's stand-in base runs. The walk below
follows the installed distributions' own requirements with the markers evaluated for each
interpreter; the container pass (tests/container) checks the image's real 3.11.2 install too.
"""

import configparser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
HERE = default_environment()
ENVIRONMENTS = {
    "this interpreter": HERE,
    "Python 3.11.2 (Debian bookworm)": {**HERE, "python_full_version": "3.11.2",
                                        "python_version": "3.11"},
}


def lock() -> dict[str, Requirement]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"not a pin: {line}"
        name = canonicalize_name(requirement.name)
        assert name not in pins, f"pinned twice: {name}"
        pins[name] = requirement
    return pins


def top_level() -> list[Requirement]:
    """What `pip install -e '.[dev]'` asks for, straight from setup.cfg."""
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg")
    lines = parser["options"]["install_requires"].splitlines()
    lines += parser["options.extras_require"]["dev"].splitlines()
    return [Requirement(line) for line in lines if line.strip()]


def applies(requirement: Requirement, environment: dict, extras: frozenset[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**environment, "extra": extra})
               for extra in (extras or {""}))


def closure(environment: dict):
    """(name -> every specifier asked of it, names not installed here so not walked further)."""
    wanted: dict[str, list[Requirement]] = {}
    walked: set[tuple[str, frozenset[str]]] = set()
    not_installed: set[str] = set()
    stack = [(requirement, frozenset()) for requirement in top_level()]
    while stack:
        requirement, parent_extras = stack.pop()
        if not applies(requirement, environment, parent_extras):
            continue
        name = canonicalize_name(requirement.name)
        wanted.setdefault(name, []).append(requirement)
        key = (name, frozenset(requirement.extras))
        if key in walked:
            continue
        walked.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            not_installed.add(name)
            continue
        stack.extend((Requirement(r), frozenset(requirement.extras)) for r in requires)
    return wanted, not_installed


@pytest.mark.parametrize("label", ENVIRONMENTS)
def test_the_lock_pins_everything_pip_installs(label):
    environment = ENVIRONMENTS[label]
    pins = lock()
    wanted, _ = closure(environment)
    assert "redis" in wanted and "pmp" not in wanted
    for name, asked in sorted(wanted.items()):
        pin = pins.get(name)
        assert pin is not None, (
            f"{name} is installed on {label} but not pinned in requirements.lock (asked by "
            f"{', '.join(sorted({str(a) for a in asked}))}); pip freeze on another Python does "
            "not list it: add it with the environment marker it is needed under")
        assert pin.marker is None or pin.marker.evaluate(environment), (
            f"{name}'s pin has a marker that excludes {label}: {pin}")
        version = next(iter(pin.specifier)).version
        for requirement in asked:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{name}=={version} does not satisfy {requirement}")


def test_async_timeout_is_pinned_for_debian_python_only():
    """The case that was missing: redis needs it below 3.11.3, and nowhere else."""
    pin = lock()["async-timeout"]
    assert pin.marker is not None
    assert pin.marker.evaluate(ENVIRONMENTS["Python 3.11.2 (Debian bookworm)"])
    assert not pin.marker.evaluate({**HERE, "python_full_version": "3.11.3"})
    debian, not_installed = closure(ENVIRONMENTS["Python 3.11.2 (Debian bookworm)"])
    assert "async-timeout" in debian
    # Distributions the walk could not open here must be pinned leaves the container checks.
    assert not_installed <= set(lock()), not_installed


def test_the_lock_holds_nothing_pip_would_not_install():
    needed = set()
    for environment in ENVIRONMENTS.values():
        needed |= set(closure(environment)[0])
    stale = set(lock()) - needed
    assert not stale, f"pinned but required by nothing: {sorted(stale)}"
