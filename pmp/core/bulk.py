"""Bulk INSERTs on the Core table: one executemany per table, not one ORM object a row.

An import of 60,000 sets as ORM objects spent most of its time in the unit of work while it
held the database's write lock (SQLite: the only one); these take a fraction of a second.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select

from pmp.core.extensions import db


def insert_rows(model, rows: list[dict]) -> None:
    """Insert the rows (every dict with the same keys) in one executemany."""
    if rows:
        db.session.execute(insert(model.__table__), rows)


def insert_ids(model, rows: list[dict]) -> list[int]:
    """Insert the rows (every dict with the same keys); their new ids, in the rows' order."""
    if not rows:
        return []
    table = model.__table__
    if db.session.get_bind().dialect.name == "postgresql":
        # Ids drawn from the table's own sequence in one query, then one executemany: RETURNING
        # in parameter order costs an INSERT ... SELECT ... ORDER BY per thousand rows.
        sequence = func.pg_get_serial_sequence(table.name, "id")
        ids = list(db.session.scalars(
            select(func.nextval(sequence)).select_from(func.generate_series(1, len(rows)))))
        insert_rows(model, [{**row, "id": new} for row, new in zip(rows, ids, strict=True)])
        return ids
    # SQLite cannot tie RETURNING rows to parameter sets, so SQLAlchemy would send one INSERT
    # per row (15,000 for ten years of workouts). Instead: one executemany, whose INSERTs run
    # in the rows' order, each row getting an id above every id in the table (SQLite's rowid
    # rule, with or without AUTOINCREMENT); the transaction now holds the only write lock, so
    # the table's highest ids are these rows', in order.
    db.session.execute(insert(table), rows)
    ids = db.session.scalars(select(table.c.id).order_by(table.c.id.desc()).limit(len(rows)))
    return sorted(ids)
