"""Database set-up: SQLite tuned on every connection, write transactions that lock up front.

SQLite is the only backend with special needs, and they all live here. WAL lets readers run
beside one writer; the busy timeout makes a writer wait rather than fail; and a request that
will write takes the write lock when its transaction begins (BEGIN IMMEDIATE), so two writers
never deadlock upgrading a read lock, which is what makes "database is locked" appear.
"""

from __future__ import annotations

import sqlite3
from contextvars import ContextVar

from flask import Flask, request
from sqlalchemy import event

from pmp.extensions import db

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_write_intent: ContextVar[bool] = ContextVar("pmp_write_intent", default=False)


def is_sqlite(app: Flask) -> bool:
    return app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")


def register_database(app: Flask) -> None:
    db.init_app(app)
    if not is_sqlite(app):
        return
    with app.app_context():
        _tune_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])

    @app.before_request
    def declare_write_intent() -> None:
        _write_intent.set(request.method in WRITE_METHODS)


def write_intent(value: bool = True):
    """Mark the current context as writing (CLI commands, background work)."""
    return _write_intent.set(value)


def _tune_sqlite(engine, busy_timeout_ms: int) -> None:
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

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")
