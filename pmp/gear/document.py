"""The gear part of an account document on import: its shape and its validation.

Pure: no database. `load_document` checks every item, pack, pack category and pack entry, and
every entry's reference to an item of the document, before the import writes anything (one
level at a time, pmp.core.records). Pack entries have a fast path for plain records; every
other record goes through its schema, and tests/gear/test_gear_document.py checks that the two
never disagree.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from marshmallow import fields, validate

from pmp.core.records import RecordErrors, load, plain_text, records, set_apart
from pmp.core.schemas import BaseSchema, Timestamp
from pmp.gear.lighterpack import MAX_QUANTITY, MAX_WEIGHT_MG
from pmp.gear.models import NAME_MAX, TEXT_MAX
from pmp.gear.schemas import (
    Color,
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
    """An entry of a pack in the document: its item is the document's item with that id, its
    category the pack's category of that name (default: the item's category)."""

    item_id = fields.Integer(required=True, strict=True)
    quantity = Quantity(load_default=1)
    category = Text(NAME_MAX)


class CategoryImportSchema(BaseSchema):
    """A category of a pack; the name may be empty, as an item's category may be."""

    name = Text(NAME_MAX, required=True)
    color = Color(allow_none=True)


class PackImportSchema(BaseSchema):
    """A pack without its categories and entries."""

    name = Name(required=True)
    description = Text(TEXT_MAX)
    created_at = Timestamp()
    updated_at = Timestamp()


ITEM = ItemImportSchema()
PACK = PackImportSchema()
CATEGORY = CategoryImportSchema()
# A document places an entry by its position and names its category; ids are the database's.
ENTRY = EntryImportSchema(exclude=("category_id", "index"))


def load_document(data: dict, default_unit: str,
                  errors: RecordErrors | None = None) -> dict[str, list[dict]]:
    """The validated ``items`` (each with its ``weight_mg``) and ``packs`` (with their
    ``categories`` and ``entries``), or ValidationFailed with every problem by path (the
    first 100). Keys other than ``items`` and ``packs`` are another domain's and left alone.
    Given ``errors``, problems are added there instead, for the caller to raise."""
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
    head, entries = set_apart(raw, "entries")
    head, categories = set_apart(head, "categories")
    pack = load(PACK, head, path, errors)
    names: set[str] = set()
    loaded_categories = []
    for n, raw_category in enumerate(records(categories, "categories", f"{path}.categories",
                                             errors)):
        category = load(CATEGORY, raw_category, f"{path}.categories.{n}", errors)
        if category is not None and category["name"] in names:
            errors.add(f"{path}.categories.{n}.name", ["Duplicate: the pack has it already."])
        elif category is not None:
            names.add(category["name"])
            loaded_categories.append(category)
    loaded_entries = _entries(records(entries, "entries", f"{path}.entries", errors),
                              f"{path}.entries", item_ids, errors)
    if pack is not None:
        pack.update(categories=loaded_categories, entries=loaded_entries)
    return pack


def _entries(raw_entries: list, path: str, item_ids: set[int], errors: RecordErrors
             ) -> list[dict]:
    """A pack's entries; an item may be in a pack twice, as a Lighterpack import leaves it."""
    entries = []
    for n, raw_entry in enumerate(raw_entries):
        entry = load(ENTRY, raw_entry, f"{path}.{n}", errors, fast=fast_entry)
        if entry is None:
            continue
        if entry["item_id"] not in item_ids:
            errors.add(f"{path}.{n}.item_id", ["Unknown item: not in the document's items."])
        entries.append(entry)
    return entries


# -- fast path: plain records only; None sends a record to its schema -----------------------

_BOUNDED = {key: ENTRY.fields[key].validators[0].max for key in ("position", "star")}
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
        elif key in ("worn", "consumable", "checked"):
            if type(value) is not bool:
                return None
        elif key in _BOUNDED:
            if type(value) is not int or not 0 <= value <= _BOUNDED[key]:
                return None
        elif key == "category":
            if not plain_text(value, 0, NAME_MAX):
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
