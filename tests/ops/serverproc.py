"""Start the real entrypoint / gunicorn in a subprocess for integration tests."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
BIN = Path(sys.executable).parent
# Settings that must not leak from the developer's shell (or conftest) into the server.
PMP_SETTINGS = ("DATABASE_URL", "JWT_SECRET_KEY", "PMP_INSTANCE_PATH", "REDIS_URL",
                "RATELIMIT_STORAGE_URI", "WEB_CONCURRENCY", "TRUSTED_PROXIES", "HOST", "PORT",
                "PUBLIC_URL")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pmp_shim(directory: Path) -> Path:
    """A `pmp` command like the installed console script, for a venv where it is missing."""
    if (BIN / "pmp").exists():
        return BIN
    script = directory / "pmp"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pmp.ops.server "$@"\n')
    script.chmod(0o755)
    return directory


def server_env(instance: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PMP_SETTINGS}
    shim = pmp_shim(instance.parent)
    env.update(dict(
        PATH=os.pathsep.join(dict.fromkeys([str(shim), str(BIN), env.get("PATH", "")])),
        PYTHONPATH=str(ROOT),
        PMP_INSTANCE_PATH=str(instance),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        LOG_FORMAT="json",
        ARGON2_TIME_COST="1",
        ARGON2_MEMORY_KIB="8",
        ARGON2_PARALLELISM="1",
    ), **extra)
    return env


class Server:
    """A process started with its output in files (a full pipe would block it)."""

    def __init__(self, args: list[str], env: dict[str, str], logs: Path):
        self.stdout_path, self.stderr_path = logs / "stdout.log", logs / "stderr.log"
        self.port = int(env["PORT"])
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=out, stderr=err)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.stdout_path.read_text() + self.stderr_path.read_text()

    def wait_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode}:\n"
                                     + self.output())
            try:
                with urllib.request.urlopen(self.base + "/api/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise AssertionError("server did not become healthy:\n" + self.output())

    def terminate(self, timeout: float = 20) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def entrypoint(env: dict[str, str], logs: Path, *args: str) -> Server:
    return Server([str(ENTRYPOINT), *args], env, logs)
