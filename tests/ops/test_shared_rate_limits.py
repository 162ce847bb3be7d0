"""With Redis, rate limits count across every worker of every instance (PMP_TEST_REDIS_URL)."""

import json
import os
import urllib.error
import urllib.request
import uuid
from contextlib import ExitStack

import pytest

from tests.ops.serverproc import entrypoint, free_port, server_env

LIMIT = 5


def attempt(base: str, login: str, ip: str) -> int:
    request = urllib.request.Request(
        base + "/api/auth/login", method="POST",
        data=json.dumps({"login": login, "password": "wrong password here"}).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-For": ip},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_login_limit_is_shared_by_two_instances_with_two_workers_each(tmp_path):
    redis_url = os.environ.get("PMP_TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("PMP_TEST_REDIS_URL is not set")
    database = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    with ExitStack() as stack:
        servers = []
        for number in range(2):
            instance = tmp_path / f"instance{number}"
            logs = tmp_path / f"logs{number}"
            instance.mkdir(), logs.mkdir()
            env = server_env(instance, free_port(), DATABASE_URL=database, REDIS_URL=redis_url,
                             TRUSTED_PROXIES="1", LOGIN_RATE_LIMIT=f"{LIMIT} per minute",
                             JWT_SECRET_KEY="shared-secret-" + "z" * 40)
            servers.append(stack.enter_context(entrypoint(env, logs)))
            # One after the other: two entrypoints migrating a new database at once would race
            # (the scaled compose file runs migrations once, before the instances start).
            servers[-1].wait_healthy()
        # A fresh client address and login name: counters no other run has touched.
        ip, login = f"198.51.100.{uuid.uuid4().int % 250 + 1}", f"nobody-{uuid.uuid4().hex}"
        statuses = [attempt(servers[n % 2].base, login, ip) for n in range(4 * LIMIT)]
        for server in servers:
            assert server.terminate() == 0
    assert statuses.count(401) == LIMIT, statuses
    assert statuses.count(429) == 3 * LIMIT
