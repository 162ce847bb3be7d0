"""docker/healthcheck.py, the image's HEALTHCHECK, run the way the Dockerfile runs it."""

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.ops.serverproc import free_port

PROBE = Path(__file__).resolve().parents[2] / "docker" / "healthcheck.py"


class Health(BaseHTTPRequestHandler):
    status = 200
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Health.seen.append(self.path)
        self.send_response(Health.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"status": "ok"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Health.seen.clear()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def probe(**env: str) -> subprocess.CompletedProcess:
    # -I -S as in the Dockerfile: no site-packages, no PYTHON* variables; only the stdlib.
    return subprocess.run([sys.executable, "-I", "-S", str(PROBE)], env=env,
                          capture_output=True, text=True, timeout=10, check=False)


def test_healthy_on_200_from_api_health(server):
    result = probe(PORT=str(server.server_port), HOST="0.0.0.0")  # noqa: S104
    assert result.returncode == 0, result.stdout + result.stderr
    assert Health.seen == ["/api/health"]


def test_unhealthy_on_503(server, monkeypatch):
    monkeypatch.setattr(Health, "status", 503)
    result = probe(PORT=str(server.server_port))
    assert result.returncode == 1
    assert "503" in result.stdout


def test_unhealthy_when_nothing_listens():
    result = probe(PORT=str(free_port()))
    assert result.returncode == 1
    assert result.stdout.startswith("healthcheck: ") and not result.stderr


def test_unhealthy_not_a_traceback_on_a_bad_port():
    result = probe(PORT="http")
    assert result.returncode == 1 and not result.stderr


def test_asks_the_configured_host_when_it_is_not_a_wildcard(server):
    result = probe(PORT=str(server.server_port), HOST="127.0.0.1")
    assert result.returncode == 0
    result = probe(PORT=str(server.server_port), HOST="[::1]")
    assert result.returncode == 1  # the server listens on IPv4 only
