"""One queue for the writers of a SQLite file, across threads and worker processes.

SQLite admits one writer at a time. A writer that finds the lock taken sleeps in SQLite's
busy handler with growing pauses (1, 2, 5, 10 ... 100 ms) and retries, rather than waking when
the lock is free: with 8 concurrent writers the unlucky ones waited several rounds, and the
benchmark's POST rows had a p99 of 250-720 ms against a p50 of 8-13 ms (docs/PERFORMANCE.md).

The gate queues writers before they ask SQLite: a thread lock inside the process, then an
``flock`` on a file beside the database for the other processes (polled every 0.5-2 ms, so a
waiting worker notices a release at once instead of 100 ms later). A request that will write
takes the gate when its transaction begins (``BEGIN IMMEDIATE``, pmp.core.database) and gives it
back as soon as the transaction ends: after the session's commit or rollback, or when the
connection returns to the pool, whichever comes first. SQLite's own lock and busy timeout stay
underneath for writers outside pmp (a ``sqlite3`` shell, a backup tool).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time

_holder = threading.local()  # .gate: the WriteGate this thread holds; .connection: for what


class WriteGate:
    """A lock for one database file; ``lock_path`` None (an in-memory database) keeps it
    to the threads of this process. ``timeout``: seconds a writer waits (the busy timeout)."""

    def __init__(self, lock_path: str | None, timeout: float = 15.0):
        self.lock_path = lock_path
        self.timeout = timeout
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._fd_pid: int | None = None

    def held(self) -> bool:
        """Whether the calling thread holds this gate."""
        return getattr(_holder, "gate", None) is self

    def acquire(self, connection=None, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (default: the gate's); False if the gate stayed
        taken. Re-entrant.

        ``connection`` is the DB-API connection whose transaction the gate covers: the gate is
        released only once that transaction is over (see ``release_held``).
        """
        if self.held():
            if not _in_transaction(getattr(_holder, "connection", None)):
                _holder.connection = connection  # the earlier transaction is over
            return True
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=max(timeout, 0.0)):
            return False
        try:
            locked = self._lock_file(deadline)
        except BaseException:
            self._threads.release()
            raise
        if not locked:
            self._threads.release()
            return False
        _holder.gate = self
        _holder.connection = connection
        return True

    def release(self) -> None:
        """Give the gate back if the calling thread holds it; otherwise do nothing."""
        if not self.held():
            return
        _holder.gate = None
        _holder.connection = None
        try:
            if self.lock_path is not None:
                fcntl.flock(self._file(), fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _lock_file(self, deadline: float) -> bool:
        if self.lock_path is None:
            return True
        fd = self._file()
        pause = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(pause)
                pause = min(pause * 2, 0.002)

    def _file(self) -> int:
        """This process's descriptor of the lock file (a forked worker opens its own: a lock
        taken on an inherited descriptor would be shared with the parent)."""
        if self._fd is None or self._fd_pid != os.getpid():
            self._fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            self._fd_pid = os.getpid()
        return self._fd


def release_held() -> None:
    """Give back the gate the calling thread holds, once its transaction is over.

    Called after every session commit and rollback and when a connection returns to the pool.
    A savepoint's commit or rollback also calls it: the transaction around it still holds
    SQLite's write lock, so the gate stays taken.
    """
    gate = getattr(_holder, "gate", None)
    if gate is not None and not _in_transaction(getattr(_holder, "connection", None)):
        gate.release()


def _in_transaction(connection) -> bool:
    try:
        return bool(connection is not None and connection.in_transaction)
    except Exception:  # noqa: BLE001 - a closed or broken connection holds no transaction
        return False


def lock_path_for(database: str | None) -> str | None:
    """The lock file beside a SQLite database file; None for an in-memory database."""
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return f"{database}-writers.lock"
