"""The documented rate limits hold through the real gunicorn, whichever worker answers.

By default the counters live in a SQLite file in the instance folder that every worker of the
box shares; with Redis (PMP_TEST_REDIS_URL) they count across every worker of every instance.
Each scenario sends N + 6 attempts, several at once so that they land on different workers;
exactly N get through and the other 6 are answered 429.
"""

import json
import os
import urllib.error
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest

from tests.conftest import PASSWORD, _postgres_database
from tests.ops.serverproc import entrypoint, free_port, server_env

EXTRA = 6
# The documented defaults (README): a server started without limit settings must enforce them.
LOGIN, REGISTER, REFRESH = 10, 5, 10


def post(base: str, path: str, body: dict, ip: str) -> int:
    request = urllib.request.Request(
        base + path, method="POST", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-For": ip},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def at_once(calls) -> list[int]:
    """Run the calls eight at a time: concurrent connections spread over the workers."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda call: call(), calls))


def fresh_ip() -> str:
    """A client address no other run has used (Redis counters outlive a test run)."""
    number = uuid.uuid4().int
    return f"10.{number % 250 + 1}.{number // 250 % 250 + 1}.{number // 62500 % 250 + 1}"


def login(base: str, name: str, ip: str):
    return lambda: post(base, "/api/auth/login", {"login": name, "password": "wrong password!"},
                        ip)


def assert_exactly(statuses: list[int], allowed: int, answer: int) -> None:
    assert Counter(statuses) == {answer: allowed, 429: EXTRA}, Counter(statuses)


@pytest.fixture
def database(tmp_path):
    """The test run's backend: SQLite in the instance folder, or a PostgreSQL database."""
    server_url = os.environ.get("PMP_TEST_DATABASE_URL")
    if not server_url:
        yield {}
        return
    url, drop = _postgres_database(server_url)
    yield {"DATABASE_URL": url}
    drop()


def test_default_storage_holds_the_limits_across_four_workers(tmp_path, database):
    instance, logs = tmp_path / "instance", tmp_path / "logs"
    instance.mkdir(), logs.mkdir()
    env = server_env(instance, free_port(), WEB_CONCURRENCY="4", TRUSTED_PROXIES="1",
                     **database)
    with entrypoint(env, logs) as server:
        server.wait_healthy()
        base = server.base
        name = f"carol{uuid.uuid4().hex[:8]}"
        assert post(base, "/api/auth/register", {"username": name, "email": f"{name}@example.com",
                                                 "password": PASSWORD}, fresh_ip()) == 201

        one_ip = fresh_ip()
        per_ip = at_once([login(base, f"nobody{n}", one_ip) for n in range(LOGIN + EXTRA)])
        spellings = [name, f"{name}@example.com", name.upper(), f" {name.upper()}@EXAMPLE.com "]
        per_account = at_once([login(base, spellings[n % 4], fresh_ip())
                               for n in range(LOGIN + EXTRA)])
        register_ip = fresh_ip()
        registered = at_once([
            lambda n=n: post(base, "/api/auth/register",
                             {"username": f"new{n}-{name}", "email": f"new{n}@{name}.example.com",
                              "password": PASSWORD}, register_ip)
            for n in range(REGISTER + EXTRA)])
        refresh_ip = fresh_ip()
        refreshed = at_once([
            lambda: post(base, "/api/auth/refresh", {"refresh_token": "not-a-token"}, refresh_ip)
            for _ in range(REFRESH + EXTRA)])
        assert server.terminate() == 0
    assert_exactly(per_ip, LOGIN, 401)
    assert_exactly(per_account, LOGIN, 401)
    assert_exactly(registered, REGISTER, 201)
    assert_exactly(refreshed, REFRESH, 401)


def test_redis_holds_the_limits_across_two_instances_with_two_workers_each(tmp_path):
    redis_url = os.environ.get("PMP_TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("PMP_TEST_REDIS_URL is not set")
    database = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    limit = 5
    with ExitStack() as stack:
        servers = []
        for number in range(2):
            instance = tmp_path / f"instance{number}"
            logs = tmp_path / f"logs{number}"
            instance.mkdir(), logs.mkdir()
            env = server_env(instance, free_port(), DATABASE_URL=database, REDIS_URL=redis_url,
                             TRUSTED_PROXIES="1", LOGIN_RATE_LIMIT=f"{limit} per minute",
                             JWT_SECRET_KEY="shared-secret-" + "z" * 40)
            servers.append(stack.enter_context(entrypoint(env, logs)))
            # One after the other: two entrypoints migrating a new database at once would race
            # (the scaled compose file runs migrations once, before the instances start).
            servers[-1].wait_healthy()
        name = f"dave{uuid.uuid4().hex[:8]}"
        assert post(servers[0].base, "/api/auth/register",
                    {"username": name, "email": f"{name}@example.com", "password": PASSWORD},
                    fresh_ip()) == 201
        # A fresh client address and login name: counters no other run has touched.
        ip, nobody = fresh_ip(), f"nobody-{uuid.uuid4().hex}"
        per_ip = at_once([login(servers[n % 2].base, f"{nobody}{n}", ip)
                          for n in range(limit + EXTRA)])
        spellings = [name, f"{name}@example.com"]
        per_account = at_once([login(servers[n % 2].base, spellings[n // 2 % 2], fresh_ip())
                               for n in range(limit + EXTRA)])
        for server in servers:
            assert server.terminate() == 0
    assert_exactly(per_ip, limit, 401)
    assert_exactly(per_account, limit, 401)
