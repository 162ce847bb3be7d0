"""Limit/offset pages with the full count, for collections that grow without bound."""

from sqlalchemy import Select, func, select

from pmp.core.extensions import db


def paginate(stmt: Select, limit: int, offset: int) -> tuple[list, int]:
    """One page of `stmt` and the number of rows the whole query matches."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = db.session.scalars(stmt.limit(limit).offset(offset)).all()
    return list(rows), int(total or 0)


# The header's OpenAPI description, for `@blp.response(..., headers=TOTAL_COUNT)`.
TOTAL_COUNT = {"X-Total-Count": {"description": "Number of items in all pages.",
                                 "schema": {"type": "integer"}}}


def total_header(total: int) -> dict[str, str]:
    return {"X-Total-Count": str(total)}
