"""JSON documents of items, entries and packs, built directly from rows.

A pack of 200 entries is serialised here without a schema per row: plain dicts of plain
values, so the detail view stays fast. `pmp.gear.schemas` documents these shapes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal

from pmp.gear.models import Item, Pack, PackEntry
from pmp.gear.totals import TotalsEntry, number, pack_totals
from pmp.gear.units import weight_in_unit


def timestamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def item_view(item: Item, pack_count: int | None) -> dict:
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
        "pack_count": pack_count,
        "created_at": timestamp(item.created_at),
        "updated_at": timestamp(item.updated_at),
    }
    if pack_count is None:
        del doc["pack_count"]
    return doc


def entry_view(entry: PackEntry, item: Item, pack_count: int | None) -> dict:
    return {
        "id": entry.id,
        "item_id": entry.item_id,
        "item": item_view(item, pack_count),
        "quantity": number(entry.quantity),
        "worn": entry.worn,
        "consumable": entry.consumable,
        "worn_quantity": None if entry.worn_quantity is None else number(entry.worn_quantity),
        "position": entry.position,
    }


def totals_entry(entry: PackEntry, item: Item) -> TotalsEntry:
    return TotalsEntry(item.weight_mg, Decimal(entry.quantity), entry.worn, entry.consumable,
                       entry.worn_quantity, item.category, item.price, item.currency)


def pack_summary(pack: Pack, entries: Iterable[TotalsEntry], unit: str) -> dict:
    """A pack in lists: totals without categories."""
    entries = list(entries)
    return _pack_head(pack, len(entries), pack_totals(entries, unit, categories=False))


def pack_detail(pack: Pack, rows: list[tuple[PackEntry, Item, int]], unit: str,
                public: bool = False) -> dict:
    """The full pack: entries (ordered by the caller) with their items, totals by category."""
    totals = pack_totals((totals_entry(entry, item) for entry, item, _ in rows), unit)
    doc = _pack_head(pack, len(rows), totals)
    doc["entries"] = [entry_view(entry, item, None if public else count)
                      for entry, item, count in rows]  # fmt: skip
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
