"""`pmp migrate` holds a lock, so instances starting together do not race on the schema."""

import os
import sqlite3
import subprocess
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pmp.ops.migrate_lock import migration_lock
from tests.ops.serverproc import free_port, server_env


def second_holder_waits(engine_a, engine_b) -> None:
    """While A holds the lock, B cannot take it; once A lets go, B gets it."""
    acquired = threading.Event()
    release_b = threading.Event()

    def take():
        with migration_lock(engine_b):
            acquired.set()
            release_b.wait(10)

    with migration_lock(engine_a):
        thread = threading.Thread(target=take, daemon=True)
        thread.start()
        assert not acquired.wait(0.5)
    assert acquired.wait(10)
    release_b.set()
    thread.join(10)


def test_sqlite_lock_is_exclusive(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    second_holder_waits(create_engine(url), create_engine(url))


@pytest.fixture
def postgres_url():
    server = os.environ.get("PMP_TEST_DATABASE_URL")
    if not server:
        pytest.skip("PMP_TEST_DATABASE_URL is not set")
    return make_url(server).set(drivername="postgresql+psycopg")


def test_postgresql_lock_is_exclusive(postgres_url):
    engines = [create_engine(postgres_url) for _ in range(2)]
    try:
        second_holder_waits(*engines)
        with engines[0].connect() as conn:  # released: nothing left behind
            held = conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND pid = pg_backend_pid()")).scalar_one()
        assert held == 0
    finally:
        for engine in engines:
            engine.dispose()


def test_in_memory_and_other_databases_need_no_lock():
    with migration_lock(create_engine("sqlite://")):
        pass


def test_instances_migrating_a_new_database_at_once_all_succeed(tmp_path):
    database = tmp_path / f"shared-{uuid.uuid4().hex[:6]}.sqlite3"
    runs = []
    for number in range(4):
        instance = tmp_path / f"instance{number}"
        instance.mkdir()
        env = server_env(instance, free_port(), DATABASE_URL=f"sqlite:///{database}",
                         JWT_SECRET_KEY="shared-secret-" + "m" * 40)
        runs.append(subprocess.Popen(["pmp", "migrate"], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True))
    results = [(run.wait(timeout=120), run.stdout.read()) for run in runs]
    for run in runs:
        run.stdout.close()
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
