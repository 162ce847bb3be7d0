"""The SQLite rate-limit storage: windows and expiry on an injected clock, and exact counts when
several processes and threads hit the same key at once."""

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from pmp.core import ratelimit_storage
from pmp.core.config import flask_config, read_settings
from pmp.core.ratelimit_storage import (
    BUSY_TIMEOUT_SECONDS,
    PURGE_INTERVAL_SECONDS,
    SQLiteStorage,
    path_from_uri,
    retrying,
)


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def storage(tmp_path, clock):
    return SQLiteStorage(f"sqlite:///{tmp_path / 'limits.sqlite3'}", clock=clock)


def rows(storage) -> dict[str, int]:
    with sqlite3.connect(storage.path) as conn:
        return dict(conn.execute("SELECT key, count FROM limit_counters"))


def test_the_scheme_is_registered_with_limits(tmp_path):
    storage = storage_from_string(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert isinstance(storage, SQLiteStorage)
    assert storage.path == tmp_path / "x.sqlite3"


def test_paths_follow_sqlalchemy_urls():
    assert path_from_uri("sqlite:////var/lib/pmp/limits.sqlite3") == \
        Path("/var/lib/pmp/limits.sqlite3")
    assert path_from_uri("sqlite:///instance/limits.sqlite3") == Path("instance/limits.sqlite3")
    for bad in ("sqlite://", "sqlite:///", "sqlite://host/file"):
        with pytest.raises(ValueError):
            path_from_uri(bad)


def test_a_window_counts_then_expires(storage, clock):
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.incr("k", 60, amount=2) == 5
    assert storage.get("k") == 5
    assert storage.get_expiry("k") == clock.now + 60
    clock.now += 59.9
    assert storage.incr("k", 60) == 6  # the window does not move with each hit
    clock.now += 0.1
    assert storage.get("k") == 0
    assert storage.get_expiry("k") == clock.now
    assert storage.incr("k", 60) == 1
    assert storage.get_expiry("k") == clock.now + 60


def test_keys_are_independent_and_clear_and_reset_work(storage):
    storage.incr("a", 60), storage.incr("a", 60), storage.incr("b", 60)
    storage.clear("a")
    assert (storage.get("a"), storage.get("b")) == (0, 1)
    storage.incr("c", 60)
    assert storage.reset() == 2
    assert rows(storage) == {}
    assert storage.check() is True


def test_expired_rows_are_deleted(storage, clock):
    storage.incr("short", 10), storage.incr("long", 3600)
    clock.now += 11
    storage.incr("other", 60)  # too soon after the first purge: nothing is deleted yet
    assert set(rows(storage)) == {"short", "long", "other"}
    clock.now += PURGE_INTERVAL_SECONDS
    storage.incr("other", 60)
    assert rows(storage) == {"long": 1, "other": 1}
    clock.now += 3600
    assert storage.purge_expired() == 2
    assert rows(storage) == {}


def test_the_fixed_window_strategy_of_limits_runs_on_it(storage, clock):
    limiter, item = FixedWindowRateLimiter(storage), parse("3/minute")
    assert [limiter.hit(item, "login", "carol") for _ in range(4)] == [True] * 3 + [False]
    assert limiter.hit(item, "login", "dave")
    stats = limiter.get_window_stats(item, "login", "carol")
    assert (stats.reset_time, stats.remaining) == (clock.now + 60, 0)
    clock.now += 60
    assert limiter.test(item, "login", "carol")
    assert limiter.hit(item, "login", "carol")


def test_a_new_storage_on_the_same_file_sees_the_counts(storage, clock):
    """A recycled worker (or a restarted server) picks up where the last one stopped."""
    storage.incr("k", 60), storage.incr("k", 60)
    again = SQLiteStorage(f"sqlite:///{storage.path}", clock=clock)
    assert again.incr("k", 60) == 3


def test_the_folder_is_created(tmp_path, clock):
    storage = SQLiteStorage(f"sqlite:///{tmp_path / 'new' / 'limits.sqlite3'}", clock=clock)
    assert storage.incr("k", 60) == 1


def test_a_broken_file_reports_unhealthy(tmp_path):
    path = tmp_path / "limits.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    assert SQLiteStorage(f"sqlite:///{path}").check() is False


def test_a_writer_waits_for_another_and_then_counts(storage, monkeypatch):
    """Another connection holds the write lock: the hit retries until it is released."""
    storage.incr("k", 60)
    retried = threading.Event()
    monkeypatch.setattr(ratelimit_storage, "sleep", lambda seconds: retried.set())
    other = sqlite3.connect(storage.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    result = []
    hit = threading.Thread(target=lambda: result.append(storage.incr("k", 60)))
    hit.start()
    assert retried.wait(timeout=30)
    assert not result  # still waiting for the lock
    other.execute("COMMIT")
    hit.join(timeout=30)
    assert result == [2]


def test_retries_back_off_and_give_up_after_the_busy_timeout(monkeypatch):
    pauses, now = [], [0.0]

    def sleep(seconds):
        pauses.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(ratelimit_storage, "sleep", sleep)
    monkeypatch.setattr(ratelimit_storage, "monotonic", lambda: now[0])
    # The jitter (x0.5 to x1.5) at its middle, so that the doubling shows deterministically.
    monkeypatch.setattr(ratelimit_storage.random, "uniform", lambda low, high: (low + high) / 2)
    attempts = iter([sqlite3.OperationalError("database is locked")] * 3 + [None])

    def twice_busy():
        error = next(attempts)
        if error:
            raise error
        return "done"

    assert retrying(twice_busy) == "done"
    assert len(pauses) == 3 and pauses[0] < 0.0001 and pauses[1] > pauses[0]

    def always_busy():
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError):
        retrying(always_busy)
    assert BUSY_TIMEOUT_SECONDS <= sum(pauses) < BUSY_TIMEOUT_SECONDS + 0.01
    assert max(pauses) <= 0.0015

    def broken():
        raise sqlite3.OperationalError("no such table: x")

    calls = len(pauses)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retrying(broken)
    assert len(pauses) == calls  # only a busy database is waited for


HITS_PER_THREAD, THREADS, PROCESSES = 40, 3, 4
ALLOWED = 100


def _hit_from_threads(storage: SQLiteStorage, results) -> None:
    """In a forked child: several threads increment one key and hit one limit."""
    counts: list[int] = []
    granted: list[bool] = []
    limiter, item = FixedWindowRateLimiter(storage), parse(f"{ALLOWED}/minute")

    def work():
        for _ in range(HITS_PER_THREAD):
            counts.append(storage.incr("shared", 60))
            granted.append(limiter.hit(item, "login", "carol"))

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((counts, granted.count(True),
                 storage._connection() is not storage.parent_connection))


def test_processes_and_threads_count_exactly(tmp_path):
    storage = SQLiteStorage(f"sqlite:///{tmp_path / 'limits.sqlite3'}")
    storage.incr("warm-up", 60)  # the parent has a connection open when it forks
    storage.parent_connection = storage._connection()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    children = [context.Process(target=_hit_from_threads, args=(storage, results))
                for _ in range(PROCESSES)]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=60) for _ in children]
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0
    total = HITS_PER_THREAD * THREADS * PROCESSES
    counts = sorted(count for outcome in outcomes for count in outcome[0])
    assert counts == list(range(1, total + 1))  # every increment atomic, none lost
    assert sum(outcome[1] for outcome in outcomes) == ALLOWED
    assert all(outcome[2] for outcome in outcomes)  # each child opened its own connection
    assert storage.get("shared") == total


def settings(**values):
    return flask_config(read_settings({"JWT_SECRET_KEY": "k" * 40, **values}), Path("/srv/i"),
                        debug=False)


def test_the_default_storage_is_a_file_in_the_instance_folder(monkeypatch):
    for name in ("RATELIMIT_STORAGE_URI", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    assert settings()["RATELIMIT_STORAGE_URI"] == "sqlite:////srv/i/ratelimits.sqlite3"
    assert settings(DATABASE_URL="postgresql://pmp@db/pmp")["RATELIMIT_STORAGE_URI"] == \
        "sqlite:////srv/i/ratelimits.sqlite3"
    assert settings(REDIS_URL="redis://r:6379/0")["RATELIMIT_STORAGE_URI"] == "redis://r:6379/0"
    assert settings(REDIS_URL="redis://r:6379/0", RATELIMIT_STORAGE_URI="memory://")[
        "RATELIMIT_STORAGE_URI"] == "memory://"
