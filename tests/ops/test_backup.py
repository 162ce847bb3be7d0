"""`flask backup create/restore/transfer` through the Flask CLI runner."""

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from flask_migrate import upgrade

from pmp import create_app
from pmp.core.extensions import db
from tests.conftest import CHEAP_ARGON2, PASSWORD, _postgres_database

BASE = {
    "TESTING": True,
    "JWT_SECRET_KEY": "backup-test-secret-" + "y" * 40,
    "LOG_FORMAT": "text",
    "LOG_LEVEL": "WARNING",
    "RATELIMIT_ENABLED": "false",
    **CHEAP_ARGON2,
}


def migrated_app(path: Path):
    app = create_app({**BASE, "DATABASE_URL": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
    return app


@pytest.fixture
def live(tmp_path):
    """An app on its own SQLite file, with one registered user."""
    path = tmp_path / "live.sqlite3"
    app = migrated_app(path)
    register(app, "alice")
    yield app, path
    with app.app_context():
        db.engine.dispose()


def register(app, username):
    response = app.test_client().post("/api/auth/register", json={
        "username": username, "email": f"{username}@example.com", "password": PASSWORD})
    assert response.status_code == 201, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['access_token']}"}


def add_gear(app, headers) -> str:
    """An item with a fractional weight and a price, in a pack; the pack's URL."""
    client = app.test_client()
    item = client.post("/api/items", headers=headers, json={
        "name": "Tent", "category": "Shelter", "weight": "1.27", "weight_unit": "lb",
        "price": "389.90", "currency": "EUR"})
    assert item.status_code == 201, item.get_json()
    pack = client.post("/api/packs", headers=headers, json={"name": "Weekend"})
    assert pack.status_code == 201, pack.get_json()
    url = f"/api/packs/{pack.get_json()['id']}"
    entry = client.post(f"{url}/entries", headers=headers,
                        json={"item_id": item.get_json()["id"], "quantity": "1.5"})
    assert entry.status_code == 201, entry.get_json()
    return url


def log_workout(app, headers) -> str:
    """A workout with a built-in and a custom exercise and a set each; its details URL."""
    client = app.test_client()

    def post(url, body):
        response = client.post(url, json=body, headers=headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]

    bench = client.get("/api/exercises?q=bench press", headers=headers).get_json()[0]["id"]
    custom = post("/api/exercises", {"name": "Sled push", "category": "strength"})
    workout = post("/api/workouts", {"performed_at": "2026-01-09T03:13:28Z"})
    for exercise in (bench, custom):
        entry = post(f"/api/workouts/{workout}/exercises", {"exercise_id": exercise})
        post(f"/api/workout-exercises/{entry}/sets", {"reps": 5, "weight": 80})
    return f"/api/workouts/{workout}/details"


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=["backup", *map(str, args)])


def usernames(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT username FROM users ORDER BY id")]


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def integrity(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]


def test_create_writes_a_self_contained_snapshot(live, tmp_path):
    app, _ = live
    target = tmp_path / "backup.sqlite3"
    result = invoke(app, "create", target)
    assert result.exit_code == 0, result.output
    assert "Backed up" in result.output
    assert integrity(target) == ["ok"]
    assert usernames(target) == ["alice"]
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [
        "backup.sqlite3"
    ]


def test_create_refuses_to_overwrite_without_force(live, tmp_path):
    app, _ = live
    target = tmp_path / "backup.sqlite3"
    target.write_bytes(b"precious")
    result = invoke(app, "create", target)
    assert result.exit_code == 1
    assert "--force" in result.output
    assert target.read_bytes() == b"precious"
    result = invoke(app, "create", target, "--force")
    assert result.exit_code == 0, result.output
    assert usernames(target) == ["alice"]


def test_create_into_a_missing_directory_fails_clearly(live, tmp_path):
    result = invoke(live[0], "create", tmp_path / "nope" / "backup.sqlite3")
    assert result.exit_code == 1
    assert "is not a directory" in result.output


def test_restore_needs_yes(live, tmp_path):
    app, path = live
    backup = tmp_path / "backup.sqlite3"
    assert invoke(app, "create", backup).exit_code == 0
    register(app, "bob")
    result = invoke(app, "restore", backup)
    assert result.exit_code == 1
    assert "--yes" in result.output
    assert usernames(path) == ["alice", "bob"]


def test_restore_replaces_the_live_database(live, tmp_path):
    app, path = live
    backup = tmp_path / "backup.sqlite3"
    assert invoke(app, "create", backup).exit_code == 0
    register(app, "bob")
    result = invoke(app, "restore", backup, "--yes")
    assert result.exit_code == 0, result.output
    assert usernames(path) == ["alice"]
    assert integrity(path) == ["ok"]
    # The running app sees the restored content and keeps working.
    assert app.test_client().get("/api/health").status_code == 200
    register(app, "carol")
    assert usernames(path) == ["alice", "carol"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text, not a database", "not an SQLite database"),
        (None, "no alembic_version table"),
        ("unknown", "unknown to this version of pmp"),
        ("missing", "no such file"),
    ],
)
def test_restore_rejects_what_is_not_a_pmp_backup(live, tmp_path, content, message):
    app, path = live
    candidate = tmp_path / "candidate.sqlite3"
    if isinstance(content, bytes):
        candidate.write_bytes(content)
    elif content is None:
        with sqlite3.connect(candidate) as conn:
            conn.execute("CREATE TABLE t (x)")
    elif content == "unknown":
        assert invoke(app, "create", candidate).exit_code == 0
        with sqlite3.connect(candidate) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = dump(path)
    result = invoke(app, "restore", candidate, "--yes")
    assert result.exit_code == 1
    assert message in result.output
    assert dump(path) == before


def test_restore_rejects_a_corrupt_file(live, tmp_path):
    app, path = live
    backup = tmp_path / "backup.sqlite3"
    assert invoke(app, "create", backup).exit_code == 0
    data = bytearray(backup.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), page_size):  # scribble over every b-tree page
        data[offset : offset + 16] = b"\xff" * 16
    backup.write_bytes(bytes(data))
    before = dump(path)
    result = invoke(app, "restore", backup, "--yes")
    assert result.exit_code == 1
    assert "integrity check" in result.output or "cannot be read" in result.output
    assert dump(path) == before


class PairWriter(threading.Thread):
    """Writes rows in transactions of ten while a backup runs; counts what it committed."""

    BATCH = 10

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path = path
        self.stop = threading.Event()
        self.committed = 0
        self.progress = threading.Condition()
        self.error: BaseException | None = None

    def run(self):
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            batch = 0
            while not self.stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT INTO load (batch, n) VALUES (?, ?)",
                                 [(batch, n) for n in range(self.BATCH)])
                conn.execute("COMMIT")
                batch += 1
                with self.progress:
                    self.committed = batch
                    self.progress.notify_all()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc
        finally:
            conn.close()

    def wait_for(self, batches: int) -> None:
        with self.progress:
            assert self.progress.wait_for(lambda: self.committed >= batches, timeout=30)


def test_backup_while_another_thread_writes_restores_identically(live, tmp_path):
    app, path = live
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE load (batch INTEGER NOT NULL, n INTEGER NOT NULL)")
    writer = PairWriter(path)
    writer.start()
    try:
        writer.wait_for(20)
        backup = tmp_path / "backup.sqlite3"
        result = invoke(app, "create", backup)
        assert result.exit_code == 0, result.output
        taken = writer.committed
        writer.wait_for(taken + 5)  # the writer went on while and after the backup ran
    finally:
        writer.stop.set()
        writer.join(timeout=30)
    assert writer.error is None
    assert integrity(backup) == ["ok"]
    with sqlite3.connect(backup) as conn:
        rows, batches = conn.execute("SELECT COUNT(*), COUNT(DISTINCT batch) FROM load").fetchone()
        partial = conn.execute(
            "SELECT COUNT(*) FROM (SELECT batch FROM load GROUP BY batch HAVING COUNT(*) != 10)"
        ).fetchone()[0]
    assert rows == batches * PairWriter.BATCH and partial == 0  # no half transaction
    assert 20 <= batches < writer.committed
    assert usernames(backup) == ["alice"]

    result = invoke(app, "restore", backup, "--yes")
    assert result.exit_code == 0, result.output
    assert integrity(path) == ["ok"]
    assert dump(path) == dump(backup)


def test_postgresql_points_to_pg_dump(tmp_path):
    app = create_app({**BASE, "DATABASE_URL": "postgresql+psycopg://pmp@db.invalid/pmp"})
    for args in (["create", tmp_path / "x"], ["restore", tmp_path / "x", "--yes"]):
        result = invoke(app, *args)
        assert result.exit_code == 1
        assert "pg_dump" in result.output
    assert not (tmp_path / "x").exists()


@pytest.fixture(params=["sqlite", "postgresql"])
def target_url(request, tmp_path):
    """An empty database: a SQLite file, or one on PMP_TEST_DATABASE_URL's server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'target.sqlite3'}"
        return
    server = os.environ.get("PMP_TEST_DATABASE_URL")
    if not server:
        pytest.skip("PMP_TEST_DATABASE_URL is not set")
    url, drop = _postgres_database(server)
    yield url
    drop()


def test_transfer_copies_everything_into_an_empty_migrated_database(live, target_url):
    app, path = live
    bob = register(app, "bob")
    details = log_workout(app, bob)
    pack = add_gear(app, bob)
    target_app = create_app({**BASE, "DATABASE_URL": target_url})
    with target_app.app_context():
        upgrade()
    try:
        result = invoke(app, "transfer", target_url)
        assert result.exit_code == 0, result.output
        assert "users 2" in result.output
        # The copy is a working database: alice logs in with her password, ids go on.
        client = target_app.test_client()
        response = client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD})
        assert response.status_code == 200
        assert response.get_json()["user"]["id"] == 1
        # bob's token (same signing key) works there, and his workout is the same.
        copied = client.get(details, headers=bob)
        assert copied.status_code == 200
        assert copied.get_json() == app.test_client().get(details, headers=bob).get_json()
        assert {e["exercise_name"] for e in copied.get_json()["exercises"]} == {
            "Bench Press", "Sled push"}
        copied_pack = client.get(pack, headers=bob)
        assert copied_pack.get_json() == app.test_client().get(pack, headers=bob).get_json()
        assert copied_pack.get_json()["totals"]["price"] == {"EUR": 584.85}
        log_workout(target_app, register(target_app, "carol"))
        again = invoke(app, "transfer", target_url)
        assert again.exit_code == 1
        assert "not empty" in again.output
    finally:
        with target_app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_transfer_refuses_an_unmigrated_target_and_a_bad_url(live, tmp_path):
    app, _ = live
    result = invoke(app, "transfer", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert result.exit_code == 1
    assert "pmp migrate" in result.output
    result = invoke(app, "transfer", "not a url with secret-password")
    assert result.exit_code == 1
    assert "secret-password" not in result.output
