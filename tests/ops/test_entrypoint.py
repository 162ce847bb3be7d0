"""docker/entrypoint.sh run outside Docker: migrate, refuse bad config, hand signals over."""

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.ops.serverproc import ENTRYPOINT, entrypoint, free_port, server_env

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")


@pytest.fixture
def instance(tmp_path):
    path = tmp_path / "instance"
    path.mkdir()
    return path


def tables(database: Path) -> set[str]:
    with sqlite3.connect(database) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_migrates_an_empty_database_then_serves_and_stops_on_sigterm(instance, tmp_path):
    env = server_env(instance, free_port())
    with entrypoint(env, tmp_path) as server:
        server.wait_healthy()
        assert {"users", "alembic_version"} <= tables(instance / "pmp.sqlite3")
        assert (instance / "jwt_secret").stat().st_mode & 0o077 == 0
        # exec: the process we started *is* the gunicorn master, so it gets the signals.
        assert "gunicorn" in cmdline(server.proc.pid)
        started = time.monotonic()
        assert server.terminate() == 0
        assert time.monotonic() - started < 10
    log = server.output()
    assert "Handling signal: term" in log
    assert "Shutting down: Master" in log


@pytest.mark.parametrize(
    ("setting", "value"),
    [("JWT_SECRET_KEY", "short"), ("TRUSTED_PROXIES", "many"), ("LOG_FORMAT", "xml"),
     ("WEB_CONCURRENCY", "abc"), ("PORT", "99999"), ("PUBLIC_URL", "pack.example.org/")],
)
def test_refuses_to_start_with_bad_configuration(instance, tmp_path, setting, value):
    env = server_env(instance, free_port(), **{setting: value})
    result = subprocess.run([str(ENTRYPOINT)], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    # One line that names the setting, nothing else (no traceback, no second summary).
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("pmp: configuration error: ") and setting in result.stderr
    assert not (instance / "pmp.sqlite3").exists()


NOBODY = 65534


@pytest.fixture
def shared_tmp():
    """A folder another uid can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="pmp-entrypoint-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


def as_nobody(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENTRYPOINT), *args], env=env, user=NOBODY, group=NOBODY,
                          extra_groups=[], capture_output=True, text=True, timeout=60,
                          check=False)


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="switching to another uid needs root")


@needs_root
@pytest.mark.parametrize("problem", ["folder", "database", "secret"])
def test_a_data_folder_the_user_cannot_write_exits_2_with_the_chown_hint(shared_tmp, problem):
    """A bind mount owned by someone else: one line with the fix, not a PermissionError.

    (The writable case runs in every other test here, and as uid 10001 in the container pass;
    this machine's interpreter may not be reachable by another uid, so it is not run as one.)
    """
    instance = shared_tmp / "instance"
    instance.mkdir()
    if problem == "folder":
        instance.chmod(0o755)  # root's, readable but not writable by the container's user
    else:
        shutil.chown(instance, NOBODY, NOBODY)
        name = "pmp.sqlite3" if problem == "database" else "jwt_secret"
        (instance / name).write_text("")  # root's, left over from a run as root
    env = server_env(instance, free_port())
    result = as_nobody(env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert f"chown -R {NOBODY}:{NOBODY}" in result.stderr
    assert "not writable by uid 65534" in result.stderr and str(instance) in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@needs_root
def test_a_sqlite_file_elsewhere_is_checked_too(shared_tmp):
    instance, data = shared_tmp / "instance", shared_tmp / "data"
    instance.mkdir()
    data.mkdir()
    shutil.chown(instance, NOBODY, NOBODY)
    env = server_env(instance, free_port(), DATABASE_URL=f"sqlite:///{data}/pmp.db?timeout=5")
    result = as_nobody(env)
    assert result.returncode == 2 and f"{data} is not writable" in result.stderr


def test_a_failed_migration_stops_the_start(instance, tmp_path):
    database = tmp_path / "broken.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    env = server_env(instance, free_port(), DATABASE_URL=f"sqlite:///{database}")
    result = subprocess.run([str(ENTRYPOINT)], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode != 0
    assert "not starting" in result.stderr


def test_a_command_is_run_as_given_without_migrating(instance, tmp_path):
    env = server_env(instance, free_port())
    result = subprocess.run([str(ENTRYPOINT), "sh", "-c", 'echo "ran $0 in $PWD"'], env=env,
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ran sh")
    assert not (instance / "pmp.sqlite3").exists()


def test_options_are_passed_to_gunicorn(instance, tmp_path):
    env = server_env(instance, free_port())
    with entrypoint(env, tmp_path, "--workers", "1", "--check-config") as server:
        assert server.proc.wait(timeout=60) == 0, server.output()
    assert "users" in tables(instance / "pmp.sqlite3")  # migrated before gunicorn ran


def test_production_logs_are_json_lines_with_request_id_user_and_proxied_ip(instance, tmp_path):
    env = server_env(instance, free_port(), TRUSTED_PROXIES="1")
    with entrypoint(env, tmp_path) as server:
        server.wait_healthy()
        register = urllib.request.Request(
            server.base + "/api/auth/register", method="POST",
            data=json.dumps({"username": "alice", "email": "alice@example.com",
                             "password": "correct horse battery staple"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(register, timeout=30) as response:
            token = json.loads(response.read())["access_token"]
        me = urllib.request.Request(server.base + "/api/me", headers={
            "Authorization": f"Bearer {token}", "X-Request-ID": "trace-42",
            # A client-supplied entry, then the one our single trusted proxy appended.
            "X-Forwarded-For": "10.6.6.6, 203.0.113.7", "X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(me, timeout=30) as response:
            assert response.headers["X-Request-ID"] == "trace-42"
            assert response.headers["Strict-Transport-Security"]
        assert server.terminate() == 0
    lines = [json.loads(line) for line in server.stdout_path.read_text().splitlines()]
    requests = [line for line in lines if line["logger"] == "pmp.request"]
    line = next(r for r in requests if r["request_id"] == "trace-42")
    assert line["method"] == "GET" and line["path"] == "/api/me" and line["status"] == 200
    assert line["ip"] == "203.0.113.7"
    assert isinstance(line["user_id"], int)
    assert isinstance(line["duration_ms"], float)
    # Every line on stderr is JSON too: the migration's (Alembic) and gunicorn's own.
    stderr_lines = [json.loads(text) for text in server.stderr_path.read_text().splitlines()]
    assert any(g["logger"] == "gunicorn.error" and "Booting worker" in g["message"]
               for g in stderr_lines)
    assert any(g["logger"] == "alembic.runtime.migration" and "Running upgrade" in g["message"]
               for g in stderr_lines)
    # The health probes of wait_healthy() left no line at the default level (INFO).
    assert not [r for r in requests if r["path"] in ("/api/health", "/api/ping")]


def test_migration_lines_are_json_when_log_format_is_json(instance, tmp_path):
    env = server_env(instance, free_port())
    result = subprocess.run(["pmp", "migrate"], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in (result.stdout + result.stderr).splitlines()]
    migrations = [line["message"] for line in lines
                  if line["logger"] == "alembic.runtime.migration"]
    assert any(message.startswith("Running upgrade  -> 0001_accounts") for message in migrations)
    assert all(line["level"] == "info" and line["ts"].endswith("Z") for line in lines)
