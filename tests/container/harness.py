"""Driving a container engine's CLI from tests: containers, HTTP calls, measurements."""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field

MEASUREMENTS: list[str] = []
# The engine's own log lines on its CLI's stderr (podman without systemd says it cannot
# schedule the health probes), as opposed to what the container wrote.
ENGINE_LOG = re.compile(r'^time="[^"]*" level=[a-z]+ msg=')


def measure(line: str) -> None:
    """A figure for pytest's summary (see conftest.py)."""
    MEASUREMENTS.append(line)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Engine:
    kind: str
    cli: list[str]
    compose: list[str]
    created: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, *args: str, check: bool = True, timeout: float = 180,
                 **kwargs) -> subprocess.CompletedProcess:
        command = [*self.cli, *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                check=False, **kwargs)
        if check and result.returncode != 0:
            raise AssertionError(f"{shlex.join(command)} exited {result.returncode}:\n"
                                 f"{result.stdout}{result.stderr}")
        return result

    @staticmethod
    def container_stderr(result: subprocess.CompletedProcess) -> list[str]:
        return [line for line in result.stderr.splitlines() if not ENGINE_LOG.match(line)]

    def inspect(self, name: str, template: str, what: str = "container"):
        """A field of `container inspect` or `image inspect` (plain `podman inspect` shows an
        image through the OCI struct, without the Docker-format fields)."""
        result = self(what, "inspect", "--format", "{{json " + template + "}}", name)
        return json.loads(result.stdout)

    def name(self, kind: str) -> str:
        """A unique container or volume name, removed at the end of the session."""
        name = f"pmp-ci-{uuid.uuid4().hex[:10]}"
        self.created.append((kind, name))
        return name

    def cleanup(self) -> None:
        for kind, name in reversed(self.created):
            if kind == "container":
                self("rm", "--force", "--volumes", name, check=False)
            else:
                self("volume", "rm", "--force", name, check=False)


@dataclass
class Running:
    engine: Engine
    name: str
    port: int
    started: float

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_for_200(self, timeout: float = 60) -> float:
        """Seconds from the `run` (or `start`) command to the first 200 of /api/health."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                status, _ = call(self.base, "GET", "/api/health", timeout=2)
                if status == 200:
                    return time.monotonic() - self.started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            state = self.engine.inspect(self.name, ".State")
            if not state["Running"] and state.get("Status") != "created":
                raise AssertionError(f"container exited ({state.get('ExitCode')}):\n"
                                     + self.logs())
            time.sleep(0.1)
        raise AssertionError("no 200 from /api/health:\n" + self.logs())

    def logs(self) -> str:
        result = self.engine("logs", self.name, check=False)
        return result.stdout + result.stderr

    def exec(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self.engine("exec", self.name, *args, check=check, timeout=120)

    def stop(self) -> float:
        started = time.monotonic()
        self.engine("stop", self.name)
        return time.monotonic() - started

    def start(self) -> None:
        self.started = time.monotonic()
        self.engine("start", self.name)


def call(base: str, method: str, path: str, body: dict | None = None,
         token: str | None = None, timeout: float = 30) -> tuple[int, dict | None]:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw else None
