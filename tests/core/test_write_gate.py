"""The SQLite write gate: one writer at a time across threads and processes, released when
its transaction ends, whatever way the request ends."""

import multiprocessing
import sqlite3
import threading

import pytest

from pmp.core.write_gate import WriteGate, lock_path_for, release_held


@pytest.fixture
def gate(tmp_path):
    gate = WriteGate(str(tmp_path / "db.sqlite3-writers.lock"), timeout=0.05)
    yield gate
    gate.release()


def in_thread(fn):
    """Run ``fn`` in another thread and return its result."""
    result = []
    thread = threading.Thread(target=lambda: result.append(fn()))
    thread.start()
    thread.join(timeout=10)
    return result[0]


def test_one_thread_at_a_time(gate):
    assert gate.acquire()
    assert gate.held()
    assert in_thread(gate.acquire) is False  # waited its 50 ms and gave up
    gate.release()
    assert not gate.held()
    assert in_thread(lambda: gate.acquire() and (gate.release() or True)) is True


def test_reentrant_and_release_is_idempotent(gate):
    assert gate.acquire()
    assert gate.acquire()  # the same thread again: no self-deadlock
    gate.release()
    gate.release()
    assert not gate.held()
    assert in_thread(lambda: gate.acquire() and (gate.release() or True)) is True


def _hold_in_child(lock_path, took, leave):
    child_gate = WriteGate(lock_path, timeout=5)
    child_gate.acquire()
    took.set()
    leave.wait(10)
    child_gate.release()


def test_one_process_at_a_time(gate):
    ctx = multiprocessing.get_context("fork")
    took, leave = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold_in_child, args=(gate.lock_path, took, leave))
    child.start()
    try:
        assert took.wait(10)
        assert gate.acquire() is False  # another worker process writes
        leave.set()
        child.join(10)
        assert gate.acquire(timeout=5) is True
    finally:
        leave.set()
        child.join(10)


def test_stays_taken_while_its_transaction_is_open(gate, tmp_path):
    connection = sqlite3.connect(tmp_path / "db.sqlite3", isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    assert gate.acquire(connection)
    release_held()  # e.g. a savepoint's commit: the outer transaction still writes
    assert gate.held()
    connection.execute("COMMIT")
    release_held()
    assert not gate.held()
    connection.close()


def test_lock_file_lives_beside_the_database(tmp_path):
    assert lock_path_for(str(tmp_path / "pmp.sqlite3")) == f"{tmp_path}/pmp.sqlite3-writers.lock"
    assert lock_path_for(":memory:") is None
    assert lock_path_for(None) is None
    memory_only = WriteGate(None, timeout=0.05)
    assert memory_only.acquire()
    assert in_thread(memory_only.acquire) is False
    memory_only.release()


# -- through the API ---------------------------------------------------------------------------


@pytest.fixture
def app_gate(app):
    gate = app.extensions.get("pmp_write_gate")
    if gate is None:
        pytest.skip("the write gate is for SQLite only")
    return gate


@pytest.mark.parametrize(("method", "path", "body", "status"), [
    ("POST", "/api/items", {"name": "Tent", "weight": 1200}, 201),
    ("POST", "/api/items", {"name": ""}, 422),
    ("PATCH", "/api/items/999999", {"name": "x"}, 404),
    ("POST", "/api/packs/import", None, 415),
    ("DELETE", "/api/workouts/1", None, 404),
])
def test_every_write_request_gives_the_gate_back(client, make_user, app_gate,
                                                 method, path, body, status):
    user = make_user()
    response = client.open(path, method=method, json=body, headers=user.headers)
    assert response.status_code == status
    # The test client runs the request in this thread: it must not still hold the gate.
    assert not app_gate.held()
    assert in_thread(lambda: app_gate.acquire() and (app_gate.release() or True)) is True


def test_a_writer_that_cannot_get_in_gets_503_and_writes_nothing(client, make_user, app_gate,
                                                                 monkeypatch):
    user = make_user()
    monkeypatch.setattr(app_gate, "timeout", 0.05)
    took, leave = threading.Event(), threading.Event()

    def hold():
        app_gate.acquire()
        took.set()
        leave.wait(10)
        app_gate.release()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert took.wait(10)
        response = client.post("/api/items", json={"name": "Stove"}, headers=user.headers)
    finally:
        leave.set()
        holder.join(10)
    assert response.status_code == 503
    assert response.get_json()["code"] == "database_busy"
    # "1" from pmp, or later if flask-limiter's window resets later (it keeps the maximum).
    assert int(response.headers["Retry-After"]) >= 1
    items = client.get("/api/items", headers=user.headers).get_json()
    assert [item["name"] for item in items] == []
    assert client.post("/api/items", json={"name": "Stove"},
                       headers=user.headers).status_code == 201
