"""The gear part of an account document on import: its shape and its validation.

Pure: no database. `load_document` checks every item, pack and pack entry, and every entry's
reference to an item of the document, before the import writes anything (one level at a time,
pmp.core.records). Pack entries have a fast path for plain records; every other record goes
through its schema, and tests/gear/test_gear_document.py checks that the two never disagree.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from marshmallow import fields, validate

from pmp.core.records import RecordErrors, load, records, set_apart
from pmp.core.schemas import BaseSchema, Timestamp
from pmp.gear.lighterpack import MAX_QUANTITY, MAX_WEIGHT_MG
from pmp.gear.models import TEXT_MAX
from pmp.gear.schemas import (
    EntryChangeSchema,
    ItemSchema,
    Name,
    Quantity,
    Text,
)
from pmp.gear.units import to_milligrams

KEYS = ("items", "packs")
TOO_HEAVY = "Must be at most 1000 kg."


class ItemImportSchema(ItemSchema):
    id = fields.Integer(required=True, strict=True)
    weight_mg = fields.Integer(strict=True, validate=validate.Range(min=0, max=MAX_WEIGHT_MG))
    created_at = Timestamp()
    updated_at = Timestamp()


class EntryImportSchema(EntryChangeSchema):
    """An entry of a pack in the document; its item is the document's item with that id."""

    item_id = fields.Integer(required=True, strict=True)
    quantity = Quantity(load_default=1)


class PackImportSchema(BaseSchema):
    """A pack without its entries."""

    name = Name(required=True)
    description = Text(TEXT_MAX)
    created_at = Timestamp()
    updated_at = Timestamp()


ITEM = ItemImportSchema()
PACK = PackImportSchema()
# A document places an entry by its position; category ids are the database's own.
ENTRY = EntryImportSchema(exclude=("category_id", "index", "star", "checked"))
MAX_POSITION = ENTRY.fields["position"].validators[0].max


def load_document(data: dict, default_unit: str,
                  errors: RecordErrors | None = None) -> dict[str, list[dict]]:
    """The validated ``items`` (each with its ``weight_mg``) and ``packs`` (entries under
    ``entries``), or ValidationFailed with every problem by path (the first 100). Keys other
    than ``items`` and ``packs`` are another domain's and left alone. Given ``errors``,
    problems are added there instead, for the caller to raise."""
    own = errors is None
    errors = RecordErrors() if own else errors
    if not isinstance(data, dict):
        errors.add("_schema", ["Invalid input type."])
        data = {}
    raw_items = records(data, "items", "items", errors)
    items = [_item(raw, f"items.{n}", default_unit, errors) for n, raw in enumerate(raw_items)]
    ids: set[int] = set()
    for n, item in enumerate(items):
        if item is not None and item["id"] in ids:
            errors.add(f"items.{n}.id", ["Duplicate id."])
        elif item is not None:
            ids.add(item["id"])
    # an entry naming an item that failed for another reason is not reported once more
    ids |= {raw["id"] for raw in raw_items if isinstance(raw, dict) and type(raw.get("id")) is int}
    packs = []
    for n, raw in enumerate(records(data, "packs", "packs", errors)):
        packs.append(_pack(raw, f"packs.{n}", ids, errors))
        if errors.full():
            break
    if own:
        errors.raise_if_any("The gear data did not validate.")
    return {"items": items, "packs": packs}


def _item(raw: Any, path: str, default_unit: str, errors: RecordErrors) -> dict | None:
    item = load(ITEM, raw, path, errors)
    if item is None or "weight_mg" in item:
        return item
    mg = to_milligrams(item.get("weight", 0), item.get("weight_unit") or default_unit)
    if mg > MAX_WEIGHT_MG:
        errors.add(f"{path}.weight", [TOO_HEAVY])
        return None
    return {**item, "weight_mg": mg}


def _pack(raw: Any, path: str, item_ids: set[int], errors: RecordErrors) -> dict | None:
    head, children = set_apart(raw, "entries")
    pack = load(PACK, head, path, errors)
    entries, seen = [], set()
    for n, raw_entry in enumerate(records(children, "entries", f"{path}.entries", errors)):
        entry = load(ENTRY, raw_entry, f"{path}.entries.{n}", errors, fast=fast_entry)
        if entry is None:
            continue
        where = f"{path}.entries.{n}.item_id"
        if entry["item_id"] not in item_ids:
            errors.add(where, ["Unknown item: not in the document's items."])
        elif entry["item_id"] in seen:
            errors.add(where, ["Duplicate: the item is already in this pack."])
        seen.add(entry["item_id"])
        entries.append(entry)
    if pack is not None:
        pack["entries"] = entries
    return pack


# -- fast path: plain records only; None sends a record to its schema -----------------------

_PLAIN_DECIMAL = re.compile(r"[0-9]{1,7}(\.[0-9]{1,3})?", re.ASCII)


def fast_entry(raw: Any) -> dict | None:
    """A pack entry as EntryImportSchema loads it, when every value is plainly valid."""
    if type(raw) is not dict or type(raw.get("item_id")) is not int:
        return None
    out: dict[str, Any] = {"quantity": 1}
    for key, value in raw.items():
        if key == "quantity" or (key == "worn_quantity" and value is not None):
            value = _decimal(value)
            if value is None:
                return None
        elif key in ("worn", "consumable"):
            if type(value) is not bool:
                return None
        elif key == "position":
            if type(value) is not int or not 0 <= value <= MAX_POSITION:
                return None
        elif key not in ("item_id", "worn_quantity"):
            return None
        out[key] = value
    worn_quantity = out.get("worn_quantity")
    if (out.get("worn") and out.get("consumable")) or (
            worn_quantity is not None and worn_quantity > out["quantity"]):
        return None
    return out


def _decimal(value: Any) -> Decimal | None:
    """What DecimalNumber makes of a plain quantity in [0, MAX_QUANTITY], 3 decimals at most."""
    if type(value) is int or (type(value) is str and _PLAIN_DECIMAL.fullmatch(value)):
        number = Decimal(value)
    else:
        return None
    return number if 0 <= number <= MAX_QUANTITY else None
