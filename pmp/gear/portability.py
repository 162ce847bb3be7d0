"""The gear part of the account export (GET /api/me/export) and its import.

Weights travel as exact milligrams (with the typed value and unit beside them), prices and
quantities as decimal strings, so an export imported again gives identical totals. Entries
refer to items by the `id` the item has in the same document. The import checks the whole
document first (pmp.gear.document), then writes it with a bulk INSERT per table.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

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
    """Every item and pack of the user, with each pack's categories in order (empty ones too),
    JSON-ready: four queries."""
    items = db.session.scalars(select_owned(Item, user_id)).all()
    packs = db.session.scalars(select_owned(Pack, user_id)).all()
    categories: dict[int, list[dict]] = {}
    names: dict[int, str] = {}
    for row in db.session.execute(
        select(PackCategory.id, PackCategory.pack_id, PackCategory.name, PackCategory.color)
        .join(Pack, PackCategory.pack_id == Pack.id).where(Pack.user_id == user_id)
        .order_by(PackCategory.pack_id, PackCategory.position, PackCategory.id)
    ):  # fmt: skip
        categories.setdefault(row.pack_id, []).append({"name": row.name, "color": row.color})
        names[row.id] = row.name
    entries: dict[int, list[dict]] = {}
    for entry in db.session.scalars(
        select(PackEntry).join(Pack, PackEntry.pack_id == Pack.id)
        .where(Pack.user_id == user_id).order_by(PackEntry.position, PackEntry.id)
    ):  # fmt: skip
        entries.setdefault(entry.pack_id, []).append(_entry_doc(entry, names[entry.category_id]))
    return {
        "items": [_item_doc(item) for item in items],
        "packs": [{"name": p.name, "description": p.description,
                   "created_at": timestamp(p.created_at), "updated_at": timestamp(p.updated_at),
                   "categories": categories.get(p.id, []), "entries": entries.get(p.id, [])}
                  for p in packs],
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
        "url": item.url, "image_url": item.image_url,
        "created_at": timestamp(item.created_at), "updated_at": timestamp(item.updated_at),
    }  # fmt: skip


def _entry_doc(entry: PackEntry, category: str) -> dict:
    return {
        "item_id": entry.item_id, "category": category, "quantity": str(entry.quantity),
        "worn": entry.worn, "consumable": entry.consumable,
        "worn_quantity": None if entry.worn_quantity is None else str(entry.worn_quantity),
        "position": entry.position, "star": entry.star, "checked": entry.checked,
    }  # fmt: skip


def import_data(user_id: int, data: dict) -> dict:
    """Add the document's items and packs to the user (validated, flushed, not committed)."""
    user = db.session.get(User, user_id)
    return write_document(user, load_document(data, user.weight_unit))


def write_document(user: User, doc: dict[str, list[dict]]) -> dict[str, int]:
    """Add a document checked by `load_document`; never commits. Each pack gets its
    categories in the document's order, then any other its entries name, in first appearance;
    its entries are numbered in display order (grouped by category), as the pack model keeps
    them."""
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
    layouts = [_layout(pack, item_category) for pack in packs]
    categories = [(pack_id, position, category)
                  for pack_id, (pack_categories, _) in zip(pack_ids, layouts, strict=True)
                  for position, category in enumerate(pack_categories)]  # fmt: skip
    category_ids = insert_ids(PackCategory, [
        {"pack_id": pack_id, "position": position, **category}
        for pack_id, position, category in categories
    ])  # fmt: skip
    category_id = {(pack_id, category["name"]): new for (pack_id, _, category), new in
                   zip(categories, category_ids, strict=True)}  # fmt: skip
    entries = [_entry_row(pack_id, new_ids, category_id[(pack_id, name)], position, entry)
               for pack_id, (_, placed) in zip(pack_ids, layouts, strict=True)
               for position, (entry, name) in enumerate(placed)]  # fmt: skip
    insert_rows(PackEntry, entries)
    return {"items": len(item_ids), "packs": len(pack_ids), "pack_entries": len(entries)}


def _layout(pack: dict, item_category: dict[int, str]
            ) -> tuple[list[dict], list[tuple[dict, str]]]:
    """(the pack's categories in order, each with its colour; (entry, category name) in display
    order). Entries go by the document's position, then grouped by category."""
    ordered = [entry for _, entry in sorted(
        enumerate(pack["entries"]), key=lambda pair: (pair[1].get("position", pair[0]), pair[0]))]
    placed = [(entry, entry.get("category", item_category[entry["item_id"]]))
              for entry in ordered]  # fmt: skip
    colors = {c["name"]: c.get("color") for c in pack["categories"]}
    names = list(dict.fromkeys([*colors, *(name for _, name in placed)]))
    used: list[str] = []
    for name in names:
        used.append(colors.get(name) or next_color(used))
    rank = {name: index for index, name in enumerate(names)}
    return ([{"name": name, "color": color} for name, color in zip(names, used, strict=True)],
            sorted(placed, key=lambda pair: rank[pair[1]]))


def _item_row(user: User, raw: dict, now) -> dict:
    return {
        "user_id": user.id, "name": raw["name"], "category": raw.get("category", ""),
        "description": raw.get("description", ""), "weight_mg": raw["weight_mg"],
        "weight_unit": raw.get("weight_unit") or user.weight_unit, "price": raw.get("price"),
        "currency": raw.get("currency") or user.currency, "url": raw.get("url", ""),
        "image_url": raw.get("image_url", ""), **{k: raw.get(k, now) for k in TIMESTAMPS},
    }  # fmt: skip


def _entry_row(pack_id: int, new_ids: dict[int, int], category_id: int, position: int,
               entry: dict) -> dict:
    return {
        "pack_id": pack_id, "item_id": new_ids[entry["item_id"]], "category_id": category_id,
        "quantity": Decimal(entry["quantity"]), "worn": entry.get("worn", False),
        "consumable": entry.get("consumable", False),
        "worn_quantity": entry.get("worn_quantity"), "position": position,
        "star": entry.get("star", 0), "checked": entry.get("checked", False),
    }  # fmt: skip
