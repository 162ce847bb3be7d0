"""Rate-limit counters in a SQLite file of their own, shared by every worker of the box.

flask-limiter counts with a `limits` strategy (pmp uses the fixed window) over a `limits`
storage. `memory://` keeps one set of counters per process, so each of gunicorn's workers would
allow the whole limit; Redis shares them across boxes but is one more service to run. This
storage keeps the counters in a small SQLite file (`instance/ratelimits.sqlite3` by default):
every worker, thread and recycled worker of the instance counts in the same rows.

- One hit is one statement: an UPSERT that starts a new window when the old one has expired
  and returns the count, atomic under SQLite's write lock (WAL, so reads never wait for it).
- The file is not the application database: its writes never queue behind the application's
  writers (or their write gate), and losing it only forgets counts that expire within minutes.
- The write lock is held only inside SQLite, for one statement (tens of microseconds). A writer
  that finds it taken retries after 50 µs, doubling up to 1 ms: SQLite's own busy handler
  sleeps 1, 2, 5 … 100 ms between tries, which under contention doubled the p99 of a hit and
  gave a worst hit of about a second. A lock of our own around the statement was measured too:
  its holder must get the GIL back before it can release it, and the other workers queue
  behind that. Figures in docs/PERFORMANCE.md ("Rate limits").
- Connections are per process and per thread, opened on first use: one inherited through
  fork() (gunicorn builds the app in its master) is never used or closed by the child.
- Expired rows are deleted once a minute per process; a row that has expired but not yet been
  deleted counts as absent. The purge scans the table (it holds only the keys of the last few
  minutes): an index on the expiry would make every hit write a second page (+20 µs a hit with
  2,000 keys).
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from time import monotonic, sleep
from typing import TypeVar
from urllib.parse import unquote, urlparse

from limits.storage import Storage

BUSY_TIMEOUT_SECONDS = 5.0
FIRST_RETRY_SECONDS = 0.00005
LONGEST_RETRY_SECONDS = 0.001
PURGE_INTERVAL_SECONDS = 60.0

_SCHEMA = (
    "PRAGMA journal_mode=WAL",
    # Commits do not wait for fsync; a power cut may lose the last hits, never the file.
    "PRAGMA synchronous=NORMAL",
    "CREATE TABLE IF NOT EXISTS limit_counters ("
    " key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at REAL NOT NULL) WITHOUT ROWID",
)
# A live row adds the amount; an expired one (or none) starts a new window with it.
_INCR = """
INSERT INTO limit_counters (key, count, expires_at) VALUES (:key, :amount, :now + :expiry)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN expires_at > :now THEN count + excluded.count ELSE excluded.count END,
    expires_at = CASE WHEN expires_at > :now THEN expires_at ELSE excluded.expires_at END
RETURNING count
"""
_LIVE = "SELECT count, expires_at FROM limit_counters WHERE key = :key AND expires_at > :now"
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}

# Connections that came through fork() from the parent: closing one in the child could disturb
# the parent's locks, so they stay referenced (and open) in the child.
_inherited: list[sqlite3.Connection] = []

T = TypeVar("T")


def path_from_uri(uri: str) -> Path:
    """`sqlite:////abs/file` or `sqlite:///relative/file`, as in SQLAlchemy URLs."""
    parsed = urlparse(uri)
    if parsed.netloc or not parsed.path.startswith("/") or len(parsed.path) < 2:
        raise ValueError(f"a SQLite rate-limit storage needs sqlite:///path, got {uri!r}")
    return Path(unquote(parsed.path[1:]))


def _busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "locked" in str(error) or "busy" in str(error)
    return code & 0xFF in _BUSY


def retrying(operation: Callable[[], T]) -> T:
    """Run `operation`, again after a short pause while SQLite says another writer is busy."""
    pause, deadline = FIRST_RETRY_SECONDS, None
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as error:
            if not _busy(error):
                raise
            now = monotonic()
            deadline = deadline or now + BUSY_TIMEOUT_SECONDS
            if now >= deadline:
                raise
        sleep(pause * random.uniform(0.5, 1.5))  # noqa: S311 - jitter, not a secret
        pause = min(pause * 2, LONGEST_RETRY_SECONDS)


class SQLiteStorage(Storage):
    """A `limits` storage for the fixed-window strategy, in one SQLite file."""

    STORAGE_SCHEME = ["sqlite"]

    def __init__(self, uri: str, wrap_exceptions: bool = False,
                 clock: Callable[[], float] = time.time, **options):
        self.path = path_from_uri(uri)
        self.clock = clock
        self._local = threading.local()
        self._next_purge = 0.0
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened in this process."""
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            if getattr(local, "connection", None) is not None:
                _inherited.append(local.connection)
                local.connection = None
            local.connection = retrying(self._connect)
            local.pid = os.getpid()
        return local.connection

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # timeout=0: no busy handler, `retrying` waits instead.
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            for statement in _SCHEMA:
                connection.execute(statement)
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _run(self, statement: str, parameters: dict | tuple = ()) -> tuple[list, int]:
        """Run one statement to its end, which commits it: its rows and its row count."""

        def run() -> tuple[list, int]:
            cursor = self._connection().execute(statement, parameters)
            return cursor.fetchall(), cursor.rowcount

        return retrying(run)

    def _live(self, key: str) -> tuple[int, float] | None:
        rows, _ = self._run(_LIVE, {"key": key, "now": self.clock()})
        return rows[0] if rows else None

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = self.clock()
        if now >= self._next_purge:
            self._next_purge = now + PURGE_INTERVAL_SECONDS
            self.purge_expired(now)
        rows, _ = self._run(_INCR, {"key": key, "amount": amount, "now": now, "expiry": expiry})
        return rows[0][0]

    def get(self, key: str) -> int:
        live = self._live(key)
        return live[0] if live else 0

    def get_expiry(self, key: str) -> float:
        live = self._live(key)
        return live[1] if live else self.clock()

    def clear(self, key: str) -> None:
        self._run("DELETE FROM limit_counters WHERE key = ?", (key,))

    def reset(self) -> int | None:
        return self._run("DELETE FROM limit_counters")[1]

    def check(self) -> bool:
        try:
            self._run("SELECT 1 FROM limit_counters LIMIT 1")
        except sqlite3.Error:
            return False
        return True

    def purge_expired(self, now: float | None = None) -> int:
        """Delete the rows whose window has ended; returns how many went."""
        now = self.clock() if now is None else now
        return self._run("DELETE FROM limit_counters WHERE expires_at <= ?", (now,))[1]
