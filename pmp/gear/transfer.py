"""Lighterpack CSV in and out of packs: export (owner or public) and all-or-nothing import."""

from __future__ import annotations

import re

from sqlalchemy import select

from pmp.auth.models import User
from pmp.errors import PayloadTooLarge, ValidationFailed
from pmp.extensions import db
from pmp.gear.lighterpack import CsvInvalid, CsvRow, CsvTooLarge, write_csv
from pmp.gear.lighterpack_parse import parse_csv
from pmp.gear.models import Item, Pack, PackEntry
from pmp.gear.packs import entry_rows, owned_pack, shared_pack
from pmp.gear.views import pack_detail

DEFAULT_IMPORT_NAME = "Imported pack"


def csv_rows(pack: Pack) -> list[CsvRow]:
    return [
        CsvRow(r.name, r.category, r.description, r.quantity, r.weight_mg, r.weight_unit, r.url,
               r.price, r.currency, r.worn, r.consumable, r.worn_quantity)
        for r in entry_rows(pack.id)
    ]  # fmt: skip


def export_csv(user: User, pack_id: int) -> tuple[str, str]:
    """(file name, CSV text) of an own pack."""
    pack = owned_pack(user.id, pack_id)
    return csv_filename(pack.name), write_csv(csv_rows(pack), user.currency)


def export_shared_csv(code: str) -> tuple[str, str]:
    pack, owner = shared_pack(code)
    return csv_filename(pack.name), write_csv(csv_rows(pack), owner.currency)


def csv_filename(name: str) -> str:
    """A file name safe in a Content-Disposition header on every client."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-_")[:80]
    return f"{stem or 'pack'}.csv"


def import_pack(user: User, data: bytes, name: str | None) -> dict:
    """A new pack from a Lighterpack CSV; items are reused when identical, else created.

    All or nothing: any bad row rejects the whole file (422, every bad line listed).
    """
    try:
        rows = parse_csv(data, default_unit=user.weight_unit, currency=user.currency)
    except CsvTooLarge as exc:
        raise PayloadTooLarge(str(exc)) from None
    except CsvInvalid as exc:
        raise ValidationFailed("The CSV file has errors.", exc.errors) from None
    pack = Pack(user_id=user.id, name=name or DEFAULT_IMPORT_NAME, description="")
    db.session.add(pack)
    items = _items_for(user, rows)
    db.session.flush()
    db.session.add_all(
        PackEntry(pack_id=pack.id, item_id=item.id, quantity=row.quantity, worn=row.worn,
                  consumable=row.consumable, worn_quantity=row.worn_quantity, position=index)
        for index, (row, item) in enumerate(zip(rows, items, strict=True))
    )  # fmt: skip
    db.session.commit()
    return pack_detail(pack, entry_rows(pack.id), user.weight_unit)


def _items_for(user: User, rows: list[CsvRow]) -> list[Item]:
    """The user's identical item for each row, or a new one: one query to look them up."""
    names = {row.name for row in rows}
    existing: dict[tuple, Item] = {}
    if names:
        found = db.session.scalars(
            select(Item).where(Item.user_id == user.id, Item.name.in_(names)).order_by(Item.id)
        )
        for item in found:
            existing.setdefault(_key(item), item)
    items = []
    for row in rows:
        item = existing.get(row.item_key())
        if item is None:
            item = Item(user_id=user.id, name=row.name, category=row.category,
                        description=row.description, weight_mg=row.weight_mg,
                        weight_unit=row.unit, url=row.url, price=row.price,
                        currency=row.currency)  # fmt: skip
            db.session.add(item)
            existing[row.item_key()] = item
        items.append(item)
    return items


def _key(item: Item) -> tuple:
    return CsvRow(item.name, item.category, item.description, weight_mg=item.weight_mg,
                  unit=item.weight_unit, url=item.url, price=item.price,
                  currency=item.currency).item_key()
