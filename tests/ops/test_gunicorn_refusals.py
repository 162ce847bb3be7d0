"""What gunicorn itself refuses answers in the JSON envelope; a Secure cookie on a plain-HTTP
network address is warned about at start-up (through the real server)."""

import json
import socket

import pytest

from pmp.ops.gunicorn_conf import insecure_cookie_warning
from pmp.ops.gunicorn_worker import refusal_bytes
from tests.ops.serverproc import entrypoint, free_port, server_env


def raw_request(port: int, request: bytes) -> tuple[str, dict, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return status, headers, body


def test_refusals_through_the_real_server(tmp_path):
    instance, logs = tmp_path / "instance", tmp_path / "logs"
    instance.mkdir(), logs.mkdir()
    port = free_port()
    env = server_env(instance, port, HOST="0.0.0.0", COOKIE_SECURE="true")  # noqa: S104
    with entrypoint(env, logs) as server:
        server.wait_healthy()
        long_path = "/api/items?q=" + "a" * 9000
        status, headers, body = raw_request(
            port, f"GET {long_path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert status.startswith("HTTP/1.1 414")
        assert headers["Content-Type"] == "application/json; charset=utf-8"
        assert json.loads(body)["code"] == "uri_too_long"
        # 8 KB of query string is within the raised line limit and reaches the app (401 here).
        status, _, body = raw_request(
            port, f"GET /api/items?q={'a' * 8000} HTTP/1.1\r\nHost: x\r\nConnection: close"
                  "\r\n\r\n".encode())
        assert status.startswith("HTTP/1.1 401"), status
        status, _, body = raw_request(port, b"NOT HTTP AT ALL\r\n\r\n")
        assert status.startswith("HTTP/1.1 400")
        assert json.loads(body)["code"] == "bad_request"
        assert server.terminate() == 0
    assert "COOKIE_SECURE=true while serving plain HTTP on 0.0.0.0:" in server.output()


@pytest.mark.parametrize(("secure", "proxies", "binds", "tls", "warned"), [
    (True, 0, ["0.0.0.0:8080"], False, True),
    (True, 0, ["192.168.1.5:8080", "127.0.0.1:8080"], False, True),
    (True, 0, ["127.0.0.1:8080", "[::1]:8080", "localhost:8080"], False, False),
    (True, 0, ["unix:/run/pmp.sock"], False, False),
    (True, 1, ["0.0.0.0:8080"], False, False),  # a TLS proxy in front
    (True, 0, ["0.0.0.0:8443"], True, False),  # gunicorn itself speaks TLS
    (False, 0, ["0.0.0.0:8080"], False, False),
])
def test_insecure_cookie_warning(secure, proxies, binds, tls, warned):
    assert (insecure_cookie_warning(secure, proxies, binds, tls) is not None) == warned


def test_other_errors_keep_gunicorns_own_handling():
    assert refusal_bytes(RuntimeError("boom")) is None
