"""Crash safety and token races through the real server (gunicorn, SQLite file, loopback).

SIGKILL in the middle of a write load must lose nothing that was acknowledged, and leave a
database that passes `PRAGMA integrity_check`. Two clients refreshing with one refresh token at
the same moment: one wins, and the reuse rule then revokes the family.
"""

import base64
import http.client
import json
import os
import signal
import sqlite3
import threading
from pathlib import Path

import pytest

from tests.ops.serverproc import entrypoint, free_port, server_env
from tests.ops.test_gunicorn_concurrency import HIGH, PASSWORD, call

WRITERS = 8
ACKED_BEFORE_KILL = 150


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def kill_hard(pid: int) -> None:
    """SIGKILL gunicorn's workers and master at once: no graceful anything."""
    for child in children(pid):
        os.kill(child, signal.SIGKILL)
    os.kill(pid, signal.SIGKILL)


@pytest.fixture
def env(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    return server_env(instance, free_port(), WEB_CONCURRENCY="2", LOGIN_RATE_LIMIT=HIGH,
                      REGISTER_RATE_LIMIT=HIGH, DEFAULT_RATE_LIMIT=HIGH,
                      REFRESH_RATE_LIMIT_REQUESTS="100000", JWT_SECRET_KEY="k" * 40)


def start(env, logs: Path):
    logs.mkdir(exist_ok=True)
    server = entrypoint(env, logs)
    server.wait_healthy()
    return server


def test_sigkill_during_writes_loses_no_acknowledged_write(env, tmp_path):
    server = start(env, tmp_path / "run1")
    status, body = call(server.base, "POST", "/api/auth/register",
                        {"username": "crash", "email": "crash@example.com",
                         "password": PASSWORD})
    assert status == 201, body
    token = body["access_token"]
    acked, lock, enough, stop = [], threading.Lock(), threading.Event(), threading.Event()

    def writer(number: int):
        sequence = 0
        while not stop.is_set():
            name = f"w{number}-{sequence}"
            sequence += 1
            try:
                status, _ = call(server.base, "POST", "/api/items",
                                 {"name": name, "weight": sequence}, token)
            except (OSError, http.client.HTTPException):
                return  # the server is gone, perhaps halfway through an answer
            if 200 <= status < 300:
                with lock:
                    acked.append(name)
                    if len(acked) >= ACKED_BEFORE_KILL:
                        enough.set()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    try:
        assert enough.wait(timeout=60), "the write load never got going"
        kill_hard(server.proc.pid)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        server.__exit__()
    with lock:
        acknowledged = set(acked)

    database = Path(env["PMP_INSTANCE_PATH"]) / "pmp.sqlite3"
    server = start(env, tmp_path / "run2")
    try:
        stored, offset = set(), 0
        while True:
            status, page = call(server.base, "GET", f"/api/items?limit=200&offset={offset}",
                                None, token)
            assert status == 200, page
            stored.update(item["name"] for item in page)
            offset += 200
            if len(page) < 200:
                break
    finally:
        assert server.terminate() == 0
    assert acknowledged <= stored, sorted(acknowledged - stored)[:10]
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_concurrent_refresh_through_the_server(env, tmp_path):
    server = start(env, tmp_path / "run")
    try:
        status, body = call(server.base, "POST", "/api/auth/register",
                            {"username": "racer", "email": "racer@example.com",
                             "password": PASSWORD})
        assert status == 201
        refresh, barrier, results = body["refresh_token"], threading.Barrier(2), []

        def racer():
            barrier.wait()
            results.append(call(server.base, "POST", "/api/auth/refresh",
                                {"refresh_token": refresh}))

        threads = [threading.Thread(target=racer) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        # Two tabs refreshing at once through different workers: both stay signed in, with
        # the one live refresh token of the session (the reuse grace window).
        assert sorted(status for status, _ in results) == [200, 200]
        tokens = {body["refresh_token"].split(".")[1] for _, body in results}
        jtis = {json.loads(base64.urlsafe_b64decode(t + "==="))["jti"] for t in tokens}
        assert len(jtis) == 1
        again = call(server.base, "POST", "/api/auth/refresh",
                     {"refresh_token": results[0][1]["refresh_token"]})
        assert again[0] == 200
        assert call(server.base, "GET", "/api/me", None, again[1]["access_token"])[0] == 200
    finally:
        assert server.terminate() == 0
