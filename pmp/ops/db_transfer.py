"""Copy every row of one pmp database into another, empty one (SQLite to PostgreSQL).

The target must already have the schema (``pmp migrate`` against it) at the same Alembic
revision as the source; this module copies data only. Rows go through the application's own
table definitions, so column types (aware UTC datetimes, booleans, decimals) are read and
written exactly as the application does. Tables are copied parents first, rows in primary-key
order (a self-referencing row comes after the row it points to), all in the caller's
transaction on the target.

Rows that migrations themselves insert (a table's ``info["keep_rows"]`` predicate, e.g. the
built-in exercise catalogue) are already in the target: they are compared, not copied, and
the copy is refused if they differ, since user rows refer to them by id.
"""

from collections.abc import Iterator

from sqlalchemy import (
    Connection,
    MetaData,
    Select,
    Table,
    func,
    inspect,
    select,
    text,
)

BATCH_SIZE = 1000


class TransferError(Exception):
    """The databases are not in a state where a copy would be correct."""


def alembic_revision(conn: Connection) -> str | None:
    """The migration revision a database is at, or None if it was never migrated."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_compatible(source: Connection, target: Connection, metadata: MetaData) -> None:
    """Same revision on both sides, and nothing in the target that a copy could clash with."""
    source_rev, target_rev = alembic_revision(source), alembic_revision(target)
    if source_rev is None:
        raise TransferError("the source database has no alembic_version table: not a pmp database")
    if target_rev != source_rev:
        raise TransferError(
            f"the target database is at revision {target_rev or 'none'}, the source at "
            f"{source_rev}: run `pmp migrate` against the target with the same pmp version"
        )
    filled = [t.name for t in metadata.sorted_tables if _count(target, t)]
    if filled:
        raise TransferError(f"the target database is not empty (rows in: {', '.join(filled)})")
    for table in metadata.sorted_tables:
        if _seeded(table) is not None and _seed_rows(source, table) != _seed_rows(target, table):
            raise TransferError(
                f"the rows that migrations put in {table.name} differ between the databases "
                "(ids or content): they cannot be matched safely"
            )


def copy_rows(
    source: Connection, target: Connection, metadata: MetaData, batch_size: int = BATCH_SIZE
) -> dict[str, int]:
    """Copy every table of ``metadata``; returns the number of rows copied per table."""
    check_compatible(source, target, metadata)
    counts = {}
    for table in metadata.sorted_tables:
        counts[table.name] = 0
        for batch in _batches(source, table, batch_size):
            target.execute(table.insert(), batch)
            counts[table.name] += len(batch)
    if target.dialect.name == "postgresql":
        reset_sequences(target, metadata)
    return counts


def reset_sequences(conn: Connection, metadata: MetaData) -> None:
    """Move each id sequence past the copied ids, so the next insert does not collide."""
    for table in metadata.sorted_tables:
        column = table.autoincrement_column
        if column is None:
            continue
        sequence = func.pg_get_serial_sequence(table.fullname, column.name)
        conn.execute(
            select(func.setval(sequence, func.coalesce(func.max(column), 1), func.count() > 0))
            .select_from(table)
        )


def _seeded(table: Table) -> str | None:
    """The SQL predicate of rows that migrations insert into this table, if any."""
    return table.info.get("keep_rows") or None


def _user_rows(table: Table) -> Select:
    seeded = _seeded(table)
    query = select(table)
    return query if seeded is None else query.where(text(f"NOT ({seeded})"))


def _seed_rows(conn: Connection, table: Table) -> list[tuple]:
    query = select(table).where(text(_seeded(table))).order_by(*_order(table))
    return [tuple(row) for row in conn.execute(query)]


def _count(conn: Connection, table: Table) -> int:
    query = _user_rows(table).with_only_columns(func.count()).select_from(table)
    return conn.execute(query).scalar_one()


def _order(table: Table) -> list:
    return list(table.primary_key.columns) or list(table.columns)


def _batches(conn: Connection, table: Table, size: int) -> Iterator[list[dict]]:
    query = _user_rows(table).order_by(*_order(table))
    result = conn.execution_options(yield_per=size).execute(query)
    for partition in result.mappings().partitions(size):
        yield [dict(row) for row in partition]
