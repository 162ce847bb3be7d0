"""Database set-up: SQLite tuned on every connection, write transactions that lock up front.

SQLite is the only backend with special needs, and they all live here. WAL lets readers run
beside one writer; the busy timeout makes a writer wait rather than fail; and a request that
will write takes the write lock when its transaction begins (BEGIN IMMEDIATE), so two writers
never deadlock upgrading a read lock, which is what makes "database is locked" appear. Before
that, writers queue at pmp's own write gate (pmp.core.write_gate), which hands the lock from one
writer to the next without SQLite's busy-handler sleeps.
"""

from __future__ import annotations

import sqlite3
from contextvars import ContextVar

from flask import Flask, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from pmp.core.errors import DatabaseBusy
from pmp.core.extensions import db
from pmp.core.write_gate import WriteGate, lock_path_for, release_held

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_write_intent: ContextVar[bool] = ContextVar("pmp_write_intent", default=False)


def is_sqlite(app: Flask) -> bool:
    return app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")


def register_database(app: Flask) -> None:
    db.init_app(app)
    if not is_sqlite(app):
        return
    with app.app_context():
        gate = _tune_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])
    app.extensions["pmp_write_gate"] = gate

    @app.before_request
    def declare_write_intent() -> None:
        _write_intent.set(request.method in WRITE_METHODS)


def write_intent(value: bool = True):
    """Mark the current context as writing (CLI commands, background work)."""
    return _write_intent.set(value)


def _tune_sqlite(engine, busy_timeout_ms: int) -> WriteGate:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        # pysqlite's own transaction handling is switched off; "begin" below emits BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    gate = WriteGate(lock_path_for(engine.url.database), timeout=busy_timeout_ms / 1000)

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        if not _write_intent.get():
            connection.exec_driver_sql("BEGIN")
            return
        if not gate.acquire(connection.connection.dbapi_connection):
            raise DatabaseBusy()
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            gate.release()
            raise

    @event.listens_for(engine, "checkin")
    def on_checkin(_dbapi_connection, _record):
        # The pool has rolled back whatever the connection still had open (a session closed
        # without commit, a Core connection): its gate goes too.
        release_held()

    return gate


@event.listens_for(Session, "after_commit")
def _after_commit(_session) -> None:
    release_held()


@event.listens_for(Session, "after_rollback")
def _after_rollback(_session) -> None:
    release_held()
