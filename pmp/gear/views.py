"""JSON documents of items, entries and packs, built directly from rows.

A pack of 200 entries is serialised here without a schema per row: plain dicts of plain
values, so the detail view stays fast. `pmp.gear.schemas` documents these shapes.
"""

from __future__ import annotations

from collections import Counter, namedtuple
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import Row, String, type_coerce

from pmp.gear.models import Item, Pack
from pmp.gear.totals import CategoryInfo, TotalsEntry, number, pack_totals
from pmp.gear.units import weight_in_unit


def timestamp(value: datetime | str) -> str:
    """RFC 3339 in UTC to the second.

    Takes an aware datetime (ORM objects) or what the row queries select with `raw_timestamp`:
    SQLite's stored text, ``YYYY-MM-DD HH:MM:SS[.ffffff]`` in UTC, or a naive UTC datetime
    (PostgreSQL). Slicing the text skips parsing 400 timestamps of a 200-entry pack into
    datetimes only to print them again.
    """
    if type(value) is str:
        return f"{value[:10]}T{value[11:19]}Z"
    if value.tzinfo is None:
        return value.isoformat(timespec="seconds") + "Z"
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(timespec="seconds")[:-6] + "Z"


def raw_timestamp(column):
    """Select a timestamp column as the database returns it, for `timestamp` to format."""
    return type_coerce(column, String).label(column.key)


@lru_cache(maxsize=16)
def _plain_row_type(fields: tuple[str, ...]) -> type:
    return namedtuple("PlainRow", fields)


def plain_rows(rows: list[Row]) -> list[tuple]:
    """Rows as named tuples: a Row's attribute access goes through a Python `__getattr__`,
    which cost a third of a 200-entry pack's serialisation; a namedtuple's is C-speed."""
    if not rows:
        return []
    make = _plain_row_type(tuple(rows[0]._fields))._make
    return [make(row) for row in rows]


def item_view(item: Item | Row, pack_count: int | None) -> dict:
    """An Item; `pack_count` None leaves it out (public views show no owner data)."""
    doc = {
        "id": item.id,
        "name": item.name,
        "category": item.category,
        "description": item.description,
        "weight": float(weight_in_unit(item.weight_mg, item.weight_unit)),
        "weight_unit": item.weight_unit,
        "weight_grams": item.weight_mg / 1000,
        "price": None if item.price is None else float(item.price),
        "currency": item.currency,
        "url": item.url,
        "image_url": item.image_url,
        "pack_count": pack_count,
        "created_at": timestamp(item.created_at),
        "updated_at": timestamp(item.updated_at),
    }
    if pack_count is None:
        del doc["pack_count"]
    return doc


def entry_view(row: Row, public: bool = False) -> dict:
    """An entry from a row of `pmp.gear.packs.entry_rows` (entry and item columns)."""
    doc = {
        "id": row.entry_id,
        "item_id": row.item_id,
        "item": item_view(row, None if public else row.pack_count),
        "quantity": number(row.quantity),
        "worn": row.worn,
        "consumable": row.consumable,
        "worn_quantity": None if row.worn_quantity is None else number(row.worn_quantity),
        "position": row.position,
        "category_id": row.category_id,
        "category": row.category_name,
        "star": row.star,
        "checked": row.checked,
    }
    if public:
        del doc["checked"]
    return doc


def totals_entry(row: Row) -> TotalsEntry:
    return TotalsEntry(row.weight_mg, row.quantity, row.worn, row.consumable,
                       row.worn_quantity, row.category_id, row.price, row.currency)


def pack_summary(pack: Pack, entries: Iterable[TotalsEntry], unit: str, checked: int = 0
                 ) -> dict:
    """A pack in lists: totals without categories, and how much of it is ticked."""
    entries = list(entries)
    doc = _pack_head(pack, len(entries), pack_totals(entries, unit, categories=False))
    doc["checked_count"] = checked
    return doc


def pack_detail(pack: Pack, categories: list[Row], rows: list[Row], unit: str,
                public: bool = False) -> dict:
    """The full pack: its categories in order, entries in display order with their items,
    totals per category (empty categories included) and the packing checklist's progress."""
    rows = plain_rows(rows)
    order = [CategoryInfo(c.id, c.name, c.color) for c in categories]
    doc = _pack_head(pack, len(rows), pack_totals(map(totals_entry, rows), unit, order=order))
    counts = Counter(row.category_id for row in rows)
    doc["categories"] = [{"id": c.id, "name": c.name, "position": c.position,
                          "color": c.color, "entry_count": counts[c.id]} for c in categories]
    doc["entries"] = [entry_view(row, public) for row in rows]
    if not public:
        doc["checked_count"] = sum(1 for row in rows if row.checked)
    return doc


def _pack_head(pack: Pack, entry_count: int, totals: dict) -> dict:
    return {
        "id": pack.id,
        "name": pack.name,
        "description": pack.description,
        "share_code": pack.share_code,
        "entry_count": entry_count,
        "totals": totals,
        "created_at": timestamp(pack.created_at),
        "updated_at": timestamp(pack.updated_at),
    }
