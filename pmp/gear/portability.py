"""The gear part of the account export (GET /api/me/export) and its import.

Weights travel as exact milligrams (with the typed value and unit beside them), prices and
quantities as decimal strings, so an export imported again gives identical totals. Entries
refer to items by the `id` the item has in the same document.
"""

from __future__ import annotations

from decimal import Decimal

from marshmallow import ValidationError, fields, validate

from pmp.auth.models import User
from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.core.schemas import BaseSchema, Timestamp
from pmp.gear.categories import insert_entries
from pmp.gear.items import weight_mg
from pmp.gear.lighterpack import MAX_QUANTITY, MAX_WEIGHT_MG
from pmp.gear.models import TEXT_MAX, Item, Pack, PackEntry
from pmp.gear.schemas import (
    DecimalNumber,
    EntryChangeSchema,
    ItemSchema,
    Name,
    Text,
    max_places,
)
from pmp.gear.units import weight_in_unit
from pmp.gear.views import timestamp

MAX_ITEMS = 20_000
MAX_PACKS = 2_000
MAX_ENTRIES = 5_000


class ItemImportSchema(ItemSchema):
    id = fields.Integer(required=True, strict=True)
    weight_mg = fields.Integer(strict=True, validate=validate.Range(min=0, max=MAX_WEIGHT_MG))
    created_at = Timestamp()
    updated_at = Timestamp()


class EntryImportSchema(EntryChangeSchema):
    item_id = fields.Integer(required=True, strict=True)
    quantity = DecimalNumber(
        allow_nan=False, load_default=1,
        validate=[validate.Range(min=0, max=MAX_QUANTITY, min_inclusive=False), max_places(3)],
    )  # fmt: skip


class PackImportSchema(BaseSchema):
    name = Name(required=True)
    description = Text(TEXT_MAX)
    created_at = Timestamp()
    updated_at = Timestamp()
    entries = fields.List(fields.Nested(EntryImportSchema), load_default=list,
                          validate=validate.Length(max=MAX_ENTRIES))


class GearImportSchema(BaseSchema):
    items = fields.List(fields.Nested(ItemImportSchema), load_default=list,
                        validate=validate.Length(max=MAX_ITEMS))
    packs = fields.List(fields.Nested(PackImportSchema), load_default=list,
                        validate=validate.Length(max=MAX_PACKS))


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
    try:
        doc = GearImportSchema().load(
            {k: data.get(k) for k in ("items", "packs") if data.get(k) is not None}
        )
    except ValidationError as exc:
        raise ValidationFailed("The gear data did not validate.", exc.messages) from None
    user = db.session.get(User, user_id)
    items = {}
    for index, raw in enumerate(doc["items"]):
        if raw["id"] in items:
            raise ValidationFailed("Item ids repeat.", {f"items.{index}.id": ["Duplicate id."]})
        items[raw["id"]] = _new_item(user, raw)
    db.session.add_all(items.values())
    db.session.flush()
    entry_count = sum(_add_pack(user, index, raw, items) for index, raw in
                      enumerate(doc["packs"]))  # fmt: skip
    db.session.flush()
    return {"items": len(items), "packs": len(doc["packs"]), "pack_entries": entry_count}


def _new_item(user: User, raw: dict) -> Item:
    unit = raw.get("weight_unit") or user.weight_unit
    mg = raw.get("weight_mg")
    if mg is None:
        mg = weight_mg(raw.get("weight", 0), unit)
    return Item(
        user_id=user.id, name=raw["name"], category=raw.get("category", ""),
        description=raw.get("description", ""), weight_mg=mg, weight_unit=unit,
        price=raw.get("price"), currency=raw.get("currency") or user.currency,
        url=raw.get("url", ""),
        **{k: raw[k] for k in ("created_at", "updated_at") if k in raw},
    )  # fmt: skip


def _add_pack(user: User, index: int, raw: dict, items: dict[int, Item]) -> int:
    pack = Pack(user_id=user.id, name=raw["name"], description=raw.get("description", ""),
                **{k: raw[k] for k in ("created_at", "updated_at") if k in raw})  # fmt: skip
    db.session.add(pack)
    db.session.flush()
    seen, rows = set(), []
    for number, entry in enumerate(raw["entries"]):
        where = f"packs.{index}.entries.{number}.item_id"
        item = items.get(entry["item_id"])
        if item is None:
            raise ValidationFailed("An entry refers to an unknown item.", {where: ["Unknown."]})
        if item.id in seen:
            raise ValidationFailed("An item is twice in a pack.", {where: ["Duplicate."]})
        seen.add(item.id)
        rows.append({
            "item_id": item.id, "category": item.category,
            "quantity": Decimal(entry["quantity"]),
            "worn": entry.get("worn", False), "consumable": entry.get("consumable", False),
            "worn_quantity": entry.get("worn_quantity"),
        })  # fmt: skip
    rows = [row for _, row in sorted(
        enumerate(rows), key=lambda pair: raw["entries"][pair[0]].get("position", pair[0]))]
    insert_entries(pack.id, rows)
    return len(rows)
