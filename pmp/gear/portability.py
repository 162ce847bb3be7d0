"""The gear part of the account export (GET /api/me/export) and its import.

Weights travel as exact milligrams (with the typed value and unit beside them), prices and
quantities as decimal strings, so an export imported again gives identical totals. Entries
refer to items by the `id` the item has in the same document. The import checks the whole
document first (pmp.gear.document), then writes it with a bulk INSERT per table.
"""

from __future__ import annotations

from decimal import Decimal

from pmp.auth.models import User
from pmp.core.bulk import insert_ids, insert_rows
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.gear.categories import next_color
from pmp.gear.document import load_document
from pmp.gear.models import Item, Pack, PackCategory, PackEntry
from pmp.gear.units import weight_in_unit
from pmp.gear.views import timestamp

TIMESTAMPS = ("created_at", "updated_at")


def export_data(user_id: int) -> dict:
    """Every item and pack of the user, JSON-ready: three queries."""
    items = db.session.scalars(select_owned(Item, user_id)).all()
    packs = db.session.scalars(select_owned(Pack, user_id)).all()
    entries = db.session.scalars(
        db.select(PackEntry).join(Pack, PackEntry.pack_id == Pack.id)
        .where(Pack.user_id == user_id).order_by(PackEntry.position, PackEntry.id)
    ).all()  # fmt: skip
    by_pack: dict[int, list[dict]] = {}
    for entry in entries:
        by_pack.setdefault(entry.pack_id, []).append(_entry_doc(entry))
    return {
        "items": [_item_doc(item) for item in items],
        "packs": [{"name": p.name, "description": p.description,
                   "created_at": timestamp(p.created_at), "updated_at": timestamp(p.updated_at),
                   "entries": by_pack.get(p.id, [])} for p in packs],
    }  # fmt: skip


def select_owned(model, user_id: int):
    return db.select(model).where(model.user_id == user_id).order_by(model.id)


def _item_doc(item: Item) -> dict:
    return {
        "id": item.id, "name": item.name, "category": item.category,
        "description": item.description,
        "weight": str(weight_in_unit(item.weight_mg, item.weight_unit)),
        "weight_unit": item.weight_unit, "weight_mg": item.weight_mg,
        "price": None if item.price is None else str(item.price), "currency": item.currency,
        "url": item.url,
        "created_at": timestamp(item.created_at), "updated_at": timestamp(item.updated_at),
    }  # fmt: skip


def _entry_doc(entry: PackEntry) -> dict:
    return {
        "item_id": entry.item_id, "quantity": str(entry.quantity), "worn": entry.worn,
        "consumable": entry.consumable,
        "worn_quantity": None if entry.worn_quantity is None else str(entry.worn_quantity),
        "position": entry.position,
    }  # fmt: skip


def import_data(user_id: int, data: dict) -> dict:
    """Add the document's items and packs to the user (validated, flushed, not committed)."""
    user = db.session.get(User, user_id)
    return write_document(user, load_document(data, user.weight_unit))


def write_document(user: User, doc: dict[str, list[dict]]) -> dict[str, int]:
    """Add a document checked by `load_document`; never commits. A pack's categories are made
    from its entries' items in the order they first appear, as a pack's own entries make them,
    and the entries are numbered in display order (grouped by category)."""
    now = utcnow()
    item_ids = insert_ids(Item, [_item_row(user, raw, now) for raw in doc["items"]])
    new_ids = {raw["id"]: new for raw, new in zip(doc["items"], item_ids, strict=True)}
    item_category = {raw["id"]: raw.get("category", "") for raw in doc["items"]}
    packs = doc["packs"]
    pack_ids = insert_ids(Pack, [
        {"user_id": user.id, "name": p["name"], "description": p.get("description", ""),
         **{k: p.get(k, now) for k in TIMESTAMPS}}
        for p in packs
    ])  # fmt: skip
    layouts = [_layout(pack["entries"], item_category) for pack in packs]
    categories = [(pack_id, name, position, color)
                  for pack_id, (names, _) in zip(pack_ids, layouts, strict=True)
                  for position, (name, color) in enumerate(_colored(names))]  # fmt: skip
    category_ids = insert_ids(PackCategory, [
        {"pack_id": pack_id, "name": name, "position": position, "color": color}
        for pack_id, name, position, color in categories
    ])  # fmt: skip
    category_id = {(pack_id, name): new for (pack_id, name, _, _), new in
                   zip(categories, category_ids, strict=True)}  # fmt: skip
    entries = [_entry_row(pack_id, new_ids, category_id[(pack_id, name)], position, entry)
               for pack_id, (_, placed) in zip(pack_ids, layouts, strict=True)
               for position, (entry, name) in enumerate(placed)]  # fmt: skip
    insert_rows(PackEntry, entries)
    return {"items": len(item_ids), "packs": len(pack_ids), "pack_entries": len(entries)}


def _layout(entries: list[dict], item_category: dict[int, str]
            ) -> tuple[list[str], list[tuple[dict, str]]]:
    """(category names in pack order, (entry, category name) in display order): entries go by
    the document's position, categories in first appearance, entries grouped by category."""
    ordered = [entry for _, entry in sorted(
        enumerate(entries), key=lambda pair: (pair[1].get("position", pair[0]), pair[0]))]
    placed = [(entry, item_category[entry["item_id"]]) for entry in ordered]
    names = list(dict.fromkeys(name for _, name in placed))
    rank = {name: index for index, name in enumerate(names)}
    return names, sorted(placed, key=lambda pair: rank[pair[1]])


def _colored(names: list[str]) -> list[tuple[str, str]]:
    used: list[str] = []
    for _ in names:
        used.append(next_color(used))
    return list(zip(names, used, strict=True))


def _item_row(user: User, raw: dict, now) -> dict:
    return {
        "user_id": user.id, "name": raw["name"], "category": raw.get("category", ""),
        "description": raw.get("description", ""), "weight_mg": raw["weight_mg"],
        "weight_unit": raw.get("weight_unit") or user.weight_unit, "price": raw.get("price"),
        "currency": raw.get("currency") or user.currency, "url": raw.get("url", ""),
        **{k: raw.get(k, now) for k in TIMESTAMPS},
    }  # fmt: skip


def _entry_row(pack_id: int, new_ids: dict[int, int], category_id: int, position: int,
               entry: dict) -> dict:
    return {
        "pack_id": pack_id, "item_id": new_ids[entry["item_id"]], "category_id": category_id,
        "quantity": Decimal(entry["quantity"]), "worn": entry.get("worn", False),
        "consumable": entry.get("consumable", False),
        "worn_quantity": entry.get("worn_quantity"), "position": position,
    }  # fmt: skip
