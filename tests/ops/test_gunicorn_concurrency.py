"""Real gunicorn, several workers, one SQLite file: 440 parallel writes all succeed.

Every worker holds its own connections; SQLite admits one writer at a time. Writes must wait
for the lock (busy timeout, BEGIN IMMEDIATE) instead of failing with "database is locked".
"""

import base64
import json
import sqlite3
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.ops.serverproc import entrypoint, free_port, server_env

USERS = 80
LOGINS = 60
PASSWORD = "correct horse battery staple"
HIGH = "100000 per minute"


def call(base: str, method: str, path: str, body: dict, token: str | None = None):
    request = urllib.request.Request(
        base + path, method=method, data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json",
                 **({"Authorization": f"Bearer {token}"} if token else {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def jti(token: str) -> str:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["jti"]


def parallel(jobs):
    with ThreadPoolExecutor(max_workers=32) as pool:
        return list(pool.map(lambda job: job(), jobs))


def assert_all_2xx(results):
    failures = [(status, body) for status, body in results if not 200 <= status < 300]
    assert not failures, failures[:5]


@pytest.fixture
def server(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    env = server_env(instance, free_port(), WEB_CONCURRENCY="3", LOGIN_RATE_LIMIT=HIGH,
                     REGISTER_RATE_LIMIT=HIGH, DEFAULT_RATE_LIMIT=HIGH,
                     REFRESH_RATE_LIMIT_REQUESTS="100000")
    with entrypoint(env, tmp_path) as proc:
        proc.wait_healthy()
        proc.database = instance / "pmp.sqlite3"
        yield proc
        assert proc.terminate() == 0


def register(base, name):
    return lambda: call(base, "POST", "/api/auth/register",
                        {"username": name, "email": f"{name}@example.com", "password": PASSWORD})


def test_parallel_writes_from_three_workers_all_land(server):
    base = server.base
    status, _ = register(base, "alice")()
    assert status == 201

    # Round 1: new accounts and new sessions at once.
    registered = parallel([register(base, f"user{i}") for i in range(USERS)]
                          + [lambda: call(base, "POST", "/api/auth/login",
                                          {"login": "alice", "password": PASSWORD})] * LOGINS)
    assert_all_2xx(registered)
    tokens = {body["user"]["username"]: body for _, body in registered}
    logins = [body for _, body in registered if body["user"]["username"] == "alice"]

    # Round 2: every new account renames itself, logs a workout and adds an item while every
    # alice session rotates its token.
    updated = parallel(
        [lambda i=i: call(base, "PATCH", "/api/me", {"display_name": f"Name {i}"},
                          tokens[f"user{i}"]["access_token"]) for i in range(USERS)]
        + [lambda pair=pair: call(base, "POST", "/api/auth/refresh",
                                  {"refresh_token": pair["refresh_token"]}) for pair in logins]
        + [lambda i=i: call(base, "POST", "/api/workouts",
                            {"performed_at": "2026-01-09T03:13:28Z", "notes": f"workout {i}"},
                            tokens[f"user{i}"]["access_token"]) for i in range(USERS)]
        + [lambda i=i: call(base, "POST", "/api/items",
                            {"name": f"item {i}", "weight": i, "weight_unit": "g"},
                            tokens[f"user{i}"]["access_token"]) for i in range(USERS)]
    )
    assert_all_2xx(updated)
    rotated = [body for _, body in updated[USERS : USERS + LOGINS]]

    with sqlite3.connect(server.database) as conn:
        names = dict(conn.execute("SELECT username, display_name FROM users"))
        notes = dict(conn.execute(
            "SELECT u.username, w.notes FROM workouts w JOIN users u ON u.id = w.user_id"))
        items = dict(conn.execute(
            "SELECT u.username, i.name FROM items i JOIN users u ON u.id = i.user_id"))
        current = {r[0] for r in conn.execute(
            "SELECT current_jti FROM auth_sessions s JOIN users u ON u.id = s.user_id "
            "WHERE u.username = 'alice' AND s.revoked_at IS NULL")}
    assert len(names) == USERS + 1
    assert all(names[f"user{i}"] == f"Name {i}" for i in range(USERS))
    assert notes == {f"user{i}": f"workout {i}" for i in range(USERS)}
    assert items == {f"user{i}": f"item {i}" for i in range(USERS)}
    assert {jti(pair["refresh_token"]) for pair in rotated} <= current
    assert len(current) == LOGINS + 1  # the registration's own session, and one per login
    assert "database is locked" not in server.output()
