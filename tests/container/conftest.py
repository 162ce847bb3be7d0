"""The real image, built from the unchanged Dockerfile and checked through running containers.

Skipped unless PMP_TEST_CONTAINER=1: the default suite needs no container engine. The CI
driver `.ci/container` installs an engine from Debian, builds the stand-in base and the
image, and runs these with:

  PMP_TEST_CONTAINER=1          run them at all
  PMP_CONTAINER_ENGINE          docker (the default) or podman
  PMP_CONTAINER_CLI             the engine's command (default: the engine's name)
  PMP_CONTAINER_COMPOSE         the compose command (default: docker-compose / podman-compose)
  PMP_CONTAINER_IMAGE           the image to test (default: pmp:latest, built if missing)
  PMP_CONTAINER_BASE            its base image, for the size of the project's own layers

Measurements (image size, start-up, stop) are printed in pytest's summary.
"""

from __future__ import annotations

import os
import shlex
import time
from pathlib import Path

import pytest

from tests.container.harness import MEASUREMENTS, Engine, Running, free_port

ROOT = Path(__file__).resolve().parents[2]
ENABLED = os.environ.get("PMP_TEST_CONTAINER") == "1"


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="container pass: set PMP_TEST_CONTAINER=1 (bash .ci/container)")
    here = Path(__file__).parent
    for item in items:
        if item.path.parent == here:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if MEASUREMENTS:
        terminalreporter.section("container measurements")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def engine():
    kind = os.environ.get("PMP_CONTAINER_ENGINE", "docker")
    cli = shlex.split(os.environ.get("PMP_CONTAINER_CLI", kind))
    compose = shlex.split(os.environ.get("PMP_CONTAINER_COMPOSE",
                                         "docker-compose" if kind == "docker"
                                         else "podman-compose"))
    engine = Engine(kind, cli, compose)
    engine("version")
    yield engine
    engine.cleanup()


@pytest.fixture(scope="session")
def image(engine):
    name = os.environ.get("PMP_CONTAINER_IMAGE", "pmp:latest")
    if engine("image", "inspect", name, check=False).returncode != 0:
        fmt = ["--format", "docker"] if engine.kind == "podman" else []
        engine("build", *fmt, "--network", "host", "-t", name, str(ROOT), timeout=1200)
    return name


@pytest.fixture(scope="session")
def run(engine, image):
    """Start a detached container of the image, published on a free loopback port."""
    def start(*options: str, volume: str | None = None) -> Running:
        name, port = engine.name("container"), free_port()
        mounts = ["--volume", f"{volume}:/app/instance"] if volume else []
        started = time.monotonic()
        engine("run", "--detach", "--name", name, "--publish", f"127.0.0.1:{port}:8080",
               *mounts, *options, image)
        return Running(engine, name, port, started)

    return start
