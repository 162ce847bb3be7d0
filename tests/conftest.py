"""Fixtures: one migrated database per test session, emptied between tests.

By default the database is a temporary SQLite file. With `PMP_TEST_DATABASE_URL` (a PostgreSQL
server URL) a database of its own is created for the session and dropped afterwards; with
`PMP_TEST_REDIS_URL` the rate limiter uses Redis, otherwise its SQLite file in the temporary
instance folder.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass, field

import pytest
from flask_migrate import upgrade
from hypothesis import HealthCheck, settings
from sqlalchemy import event, text

from pmp import create_app
from pmp.core.extensions import db, limiter

PASSWORD = "correct horse battery staple"

# Property tests run the same examples every time (deterministic CI) and never fail because a
# shared machine was slow.
settings.register_profile("pmp", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("pmp")
CHEAP_ARGON2 = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_KIB": 8, "ARGON2_PARALLELISM": 1}


def _postgres_database(server_url: str):
    """Create a throw-away database on the server; returns (url, drop)."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url).set(drivername="postgresql+psycopg")
    name = f"pmp_test_{uuid.uuid4().hex[:10]}"
    admin_dsn = url.set(drivername="postgresql", database="postgres").render_as_string(False)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url.set(database=name).render_as_string(False), drop


def base_config(tmp_path_factory) -> tuple[dict, callable]:
    instance = tmp_path_factory.mktemp("instance")
    config = {
        "TESTING": True,
        "JWT_SECRET_KEY": "test-secret-" + "x" * 40,
        "COOKIE_SECURE": "false",
        "LOG_FORMAT": "text",
        "LOG_LEVEL": "WARNING",
        "LOGIN_RATE_LIMIT": "1000 per minute",
        "REGISTER_RATE_LIMIT": "1000 per minute",
        "DEFAULT_RATE_LIMIT": "100000 per minute",
        "REFRESH_RATE_LIMIT_REQUESTS": "1000",
        "RATELIMIT_KEY_PREFIX": f"pmp-test-{uuid.uuid4().hex[:8]}",
        **CHEAP_ARGON2,
    }
    drop = lambda: None  # noqa: E731
    server = os.environ.get("PMP_TEST_DATABASE_URL")
    if server:
        config["DATABASE_URL"], drop = _postgres_database(server)
    else:
        config["DATABASE_URL"] = f"sqlite:///{instance / 'test.sqlite3'}"
    redis_url = os.environ.get("PMP_TEST_REDIS_URL")
    if redis_url:
        config["RATELIMIT_STORAGE_URI"] = redis_url
    os.environ["PMP_INSTANCE_PATH"] = str(instance)
    return config, drop


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    config, drop = base_config(tmp_path_factory)
    app = create_app(config)
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    drop()


@pytest.fixture(autouse=True)
def _clean_state(request, app):
    yield
    if "app" not in request.fixturenames:
        return
    with app.app_context():
        db.session.remove()
        for table in reversed(db.metadata.sorted_tables):
            keep = table.info.get("keep_rows")
            where = f" WHERE NOT ({keep})" if keep else ""
            db.session.execute(text(f"DELETE FROM {table.name}{where}"))  # noqa: S608
        db.session.commit()
        limiter.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@dataclass
class TestUser:
    id: int
    username: str
    email: str
    password: str
    access_token: str
    refresh_token: str
    body: dict = field(repr=False, default_factory=dict)

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.access_token}"}


@pytest.fixture
def make_user(app):
    def make(username: str = "alice", password: str = PASSWORD, **extra) -> TestUser:
        response = app.test_client().post(
            "/api/auth/register",
            json={"username": username, "email": f"{username}@example.com",
                  "password": password, **extra},
        )
        assert response.status_code == 201, response.get_json()
        body = response.get_json()
        return TestUser(body["user"]["id"], username, f"{username}@example.com", password,
                        body["access_token"], body["refresh_token"], body)

    return make


@pytest.fixture
def count_queries(app):
    """`with count_queries() as q: ...` then `q.count` is the number of SQL statements."""

    @contextlib.contextmanager
    def counter():
        seen = _Counter()

        def before(conn, cursor, statement, parameters, context, executemany):
            if not statement.lstrip().upper().startswith(
                ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE")
            ):
                seen.statements.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", before)
        try:
            yield seen
        finally:
            event.remove(engine, "before_cursor_execute", before)

    return counter


class _Counter:
    def __init__(self):
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)
