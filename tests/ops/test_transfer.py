"""Copying a database row by row into an empty, migrated one (pmp.ops.db_transfer)."""

import os
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    TypeDecorator,
    create_engine,
    insert,
    select,
    text,
)
from sqlalchemy.engine import make_url

from pmp.ops.db_transfer import TransferError, copy_rows


class AwareUTC(TypeDecorator):
    """Like the application's UTCDateTime: SQLite keeps no zone, so it is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


metadata = MetaData()
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(50), nullable=False, unique=True),
    Column("created_at", AwareUTC(), nullable=False),
)
nodes = Table(
    "nodes", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("parent_id", ForeignKey("nodes.id"), nullable=True),
    Column("price", Numeric(12, 2)),
    Column("worn", Boolean, nullable=False),
)

catalogue = Table(
    "catalogue", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id"), nullable=True),
    Column("name", String(50), nullable=False),
    info={"keep_rows": "user_id IS NULL"},
)


def migrate(engine, revision="0002_test"):
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": revision})
        # What a migration seeds, on every database alike.
        conn.execute(insert(catalogue), [{"id": 1, "name": "Squat"}, {"id": 2, "name": "Run"}])


@pytest.fixture
def source(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    migrate(engine)
    created = datetime(2026, 1, 9, 3, 13, 28, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(insert(users), [
            {"id": i, "username": f"user{i}", "created_at": created} for i in range(1, 4)
        ])
        # Children reference parents with higher ids too: rows go in id order, parents exist.
        conn.execute(insert(nodes), [
            {"id": i, "user_id": 1 + i % 3, "parent_id": i - 1 if i > 1 else None,
             "price": Decimal("12.50"), "worn": i % 2 == 0}
            for i in range(1, 2501)
        ])
        conn.execute(insert(catalogue).values(id=3, user_id=2, name="My own"))
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_target(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_target():
    url = os.environ.get("PMP_TEST_DATABASE_URL")
    if not url or not url.startswith("postgresql"):
        pytest.skip("PMP_TEST_DATABASE_URL does not name a PostgreSQL server")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"pmp_transfer_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(make_url(url).set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def copy(source, target, **kwargs):
    with source.connect() as src, target.begin() as dst:
        return copy_rows(src, dst, metadata, **kwargs)


def rows(engine, table):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]


@pytest.mark.parametrize("target_name", ["sqlite_target", "postgres_target"])
def test_copies_every_row_and_ids_continue(request, source, target_name):
    target = request.getfixturevalue(target_name)
    migrate(target)
    counts = copy(source, target, batch_size=500)
    assert counts == {"users": 3, "nodes": 2500, "catalogue": 1}
    assert rows(target, users) == rows(source, users)
    assert rows(target, nodes) == rows(source, nodes)
    assert rows(target, catalogue) == rows(source, catalogue)
    with target.begin() as conn:  # the id sequence moved past the copied ids
        new_id = conn.execute(
            insert(users).values(username="new", created_at=datetime.now(UTC)).returning(users.c.id)
        ).scalar_one()
    assert new_id == 4


def test_refuses_a_target_at_another_revision(source, sqlite_target):
    migrate(sqlite_target, revision="0001_accounts")
    with pytest.raises(TransferError, match="revision 0001_accounts"):
        copy(source, sqlite_target)


def test_refuses_an_unmigrated_target(source, sqlite_target):
    with pytest.raises(TransferError, match="revision none"):
        copy(source, sqlite_target)


def test_refuses_a_target_with_data(source, sqlite_target):
    migrate(sqlite_target)
    with sqlite_target.begin() as conn:
        conn.execute(insert(users).values(id=9, username="x", created_at=datetime.now(UTC)))
    with pytest.raises(TransferError, match="not empty.*users"):
        copy(source, sqlite_target)


def test_refuses_when_seeded_rows_differ(source, sqlite_target):
    migrate(sqlite_target)
    with sqlite_target.begin() as conn:
        conn.execute(text("UPDATE catalogue SET id = 7 WHERE id = 2"))
    with pytest.raises(TransferError, match="migrations put in catalogue differ"):
        copy(source, sqlite_target)


def test_refuses_a_source_that_is_not_pmp(sqlite_target, tmp_path):
    stranger = create_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    metadata.create_all(stranger)
    with pytest.raises(TransferError, match="not a pmp database"):
        copy(stranger, sqlite_target)
    stranger.dispose()
