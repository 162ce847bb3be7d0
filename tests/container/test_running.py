"""One container's life on one volume: first start, health, operator commands, a stop, a start
again and a new container on the same volume. The tests run in this order and share it."""

import json
import re
import time
from datetime import datetime

import pytest

from tests.container.harness import call, measure

PASSWORD = "correct horse battery staple"
STOP_BUDGET_S = 10  # docker stop's default grace: past it, SIGKILL


@pytest.fixture(scope="module")
def volume(engine):
    name = engine.name("volume")
    engine("volume", "create", name)
    return name


@pytest.fixture(scope="module")
def life(run, volume):
    """The first container on an empty volume, with a user and an item in it."""
    container = run(volume=volume)
    seconds = container.wait_for_200()
    measure(f"first start (empty volume, migrations) to first 200: {seconds:.2f} s")
    status, pair = call(container.base, "POST", "/api/auth/register", {
        "username": "alice", "email": "alice@example.com", "password": PASSWORD})
    assert status == 201, pair
    status, item = call(container.base, "POST", "/api/items", {
        "name": "Tent", "category": "Shelter", "weight": 1200, "weight_unit": "g"},
        token=pair["access_token"])
    assert status == 201, item
    return {"container": container, "pair": pair, "item": item, "first_200": seconds}


def items(container, token):
    status, body = call(container.base, "GET", "/api/items", token=token)
    assert status == 200, body
    return [(item["id"], item["name"]) for item in body]


def test_serves_as_a_non_root_user(life):
    container = life["container"]
    status = container.exec("cat", "/proc/1/status").stdout
    uids = next(line.split()[1:] for line in status.splitlines() if line.startswith("Uid:"))
    assert set(uids) == {"10001"}, uids  # PID 1, gunicorn's master, is not root
    assert "gunicorn" in container.exec("cat", "/proc/1/cmdline").stdout
    assert container.exec("id", "-u").stdout.strip() == "10001"
    status, body = call(container.base, "GET", "/api/health")
    assert status == 200 and body["database"] == "ok"


def moment(stamp: str) -> datetime:
    """An engine's RFC 3339 timestamp (nanoseconds cut to what datetime holds)."""
    return datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", stamp).replace("Z", "+00:00"))


def test_the_healthcheck_reports_healthy(engine, life):
    container = life["container"]
    if engine.kind == "podman":
        # podman schedules probes with systemd timers; without systemd it runs none by
        # itself, so run the image's probe through the engine as the timer would.
        engine("healthcheck", "run", container.name)
        assert engine.inspect(container.name, ".State.Health.Status") == "healthy"
        measure("podman health: the probe run by hand reports healthy (no systemd here to "
                "schedule probes)")
        return
    deadline = time.monotonic() + 60
    while engine.inspect(container.name, ".State.Health.Status") != "healthy":
        assert time.monotonic() < deadline, engine.inspect(container.name, ".State.Health")
        time.sleep(0.2)
    # From the engine's own records: when it started the container, when a probe first passed.
    state = engine.inspect(container.name, ".State")
    passed = min(moment(probe["End"]) for probe in state["Health"]["Log"]
                 if probe["ExitCode"] == 0)
    healthy = (passed - moment(state["StartedAt"])).total_seconds()
    measure(f"docker reports healthy {healthy:.2f} s after the start "
            f"(first 200 at {life['first_200']:.2f} s)")
    # The first probe runs one 5 s interval after the start, then every 5 s: healthy at most
    # one interval (and a slow probe) after the app answers. It used to take 30 s.
    assert healthy - life["first_200"] < 5 + 4


def test_logs_are_json_and_probes_stay_quiet(engine, life):
    container = life["container"]
    if engine.kind == "podman":
        engine("healthcheck", "run", container.name)
    call(container.base, "GET", "/api/ping")
    lines = [json.loads(line) for line in container.logs().splitlines()]
    loggers = {line["logger"] for line in lines}
    assert {"alembic.runtime.migration", "gunicorn.error", "pmp.request"} <= loggers
    paths = [line.get("path") for line in lines if line["logger"] == "pmp.request"]
    assert "/api/auth/register" in paths
    assert "/api/health" not in paths and "/api/ping" not in paths


def test_operator_commands_inside(life):
    container = life["container"]
    listing = container.exec("flask", "users", "list").stdout
    assert "alice" in listing and "alice@example.com" in listing
    container.exec("flask", "backup", "create", "/app/instance/backup.sqlite3")
    check = container.exec("python", "-c", (
        "import sqlite3; c = sqlite3.connect('file:/app/instance/backup.sqlite3?mode=ro',"
        " uri=True); print(c.execute('PRAGMA integrity_check').fetchone()[0],"
        " c.execute('SELECT count(*) FROM items').fetchone()[0])")).stdout.split()
    assert check == ["ok", "1"]
    refused = container.exec("flask", "backup", "create", "/app/instance/backup.sqlite3",
                             check=False)
    assert refused.returncode != 0  # refuses to overwrite without --force


def test_stop_start_and_a_new_container_keep_data_and_tokens(engine, run, volume, life):
    container, pair = life["container"], life["pair"]
    expected = [(life["item"]["id"], "Tent")]

    seconds = container.stop()
    measure(f"{engine.kind} stop (SIGTERM, graceful): {seconds:.2f} s")
    state = engine.inspect(container.name, ".State")
    assert state["ExitCode"] == 0, container.logs()  # 137 would be the SIGKILL after the grace
    assert seconds < STOP_BUDGET_S
    assert "Shutting down: Master" in container.logs()

    container.start()
    measure(f"restart (migrated volume) to first 200: {container.wait_for_200():.2f} s")
    assert items(container, pair["access_token"]) == expected
    status, rotated = call(container.base, "POST", "/api/auth/refresh",
                           {"refresh_token": pair["refresh_token"]})
    assert status == 200, rotated

    engine("rm", "--force", container.name)
    replacement = run(volume=volume)
    measure(f"new container (same volume) to first 200: {replacement.wait_for_200():.2f} s")
    # The JWT secret generated on the first start lives on the volume: the tokens still verify.
    assert items(replacement, pair["access_token"]) == expected
    assert items(replacement, rotated["access_token"]) == expected
    status, again = call(replacement.base, "POST", "/api/auth/refresh",
                         {"refresh_token": rotated["refresh_token"]})
    assert status == 200, again
