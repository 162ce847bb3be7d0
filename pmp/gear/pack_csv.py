"""Lighterpack CSV in and out of packs: export (owner or public) and all-or-nothing import."""

from __future__ import annotations

import re

from sqlalchemy import select

from pmp.auth.models import User
from pmp.core.errors import PayloadTooLarge, ValidationFailed
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.gear.categories import insert_entries, next_color
from pmp.gear.lighterpack import CsvCategory, CsvInvalid, CsvRow, CsvTooLarge, write_csv
from pmp.gear.lighterpack_parse import parse_csv
from pmp.gear.models import NAME_MAX, Item, Pack
from pmp.gear.packs import category_rows, detail, entry_rows, owned_pack, shared_pack

DEFAULT_IMPORT_NAME = "Imported pack"
# What makes two items the same (see CsvRow.item_key), with the id.
KEY_COLUMNS = (Item.id, Item.name, Item.category, Item.description, Item.weight_mg,
               Item.weight_unit, Item.url, Item.price, Item.currency)


def csv_rows(pack: Pack) -> list[CsvRow]:
    return [
        CsvRow(r.name, r.category_name, r.description, r.quantity, r.weight_mg, r.weight_unit,
               r.url, r.price, r.currency, r.worn, r.consumable, r.worn_quantity, star=r.star)
        for r in entry_rows(pack.id)
    ]  # fmt: skip


def csv_categories(pack: Pack) -> list[CsvCategory]:
    """The pack's categories in order; a colour only where an import would not pick it again
    by itself (the palette in order), so an ordinary pack keeps Lighterpack's columns."""
    used, categories = [], []
    for row in category_rows(pack.id):
        automatic = next_color(used)
        categories.append(CsvCategory(row.name, None if row.color == automatic else row.color))
        used.append(row.color)
    return categories


def write_pack(pack: Pack, currency: str) -> tuple[str, str]:
    return csv_filename(pack.name), write_csv(csv_rows(pack), currency, csv_categories(pack))


def export_csv(user: User, pack_id: int) -> tuple[str, str]:
    """(file name, CSV text) of an own pack."""
    return write_pack(owned_pack(user.id, pack_id), user.currency)


def export_shared_csv(code: str) -> tuple[str, str]:
    pack, owner = shared_pack(code)
    return write_pack(pack, owner.currency)


def csv_filename(name: str) -> str:
    """A file name safe in a Content-Disposition header on every client."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-_")[:80]
    return f"{stem or 'pack'}.csv"


def pack_name_from_file(filename: str | None) -> str:
    """`Summer_Trip.csv` -> `Summer Trip`: the upload's name without folders or extension,
    underscores as spaces; "Imported pack" when nothing is left (or no name was sent)."""
    base = re.split(r"[/\\]", filename or "")[-1]
    stem = re.sub(r"\.[A-Za-z]{1,4}\Z", "", base)
    # Control characters and lone surrogates (undecodable bytes) cannot be stored.
    name = " ".join(re.sub(r"[_\x00-\x1f\x7f\ud800-\udfff]", " ", stem).split())
    return name[:NAME_MAX].strip() or DEFAULT_IMPORT_NAME


def import_pack(user: User, data: bytes, name: str | None, filename: str | None = None) -> dict:
    """A new pack from a Lighterpack CSV; items are reused when identical, else created.

    Named `name`, else after the uploaded file. All or nothing: any bad row rejects the whole
    file (422, every bad line listed); what was repaired is listed in `warnings`.
    """
    try:
        parsed = parse_csv(data, default_unit=user.weight_unit, currency=user.currency)
    except CsvTooLarge as exc:
        raise PayloadTooLarge(str(exc)) from None
    except CsvInvalid as exc:
        raise ValidationFailed("The CSV file has errors.", exc.errors) from None
    rows = parsed.rows
    pack = Pack(user_id=user.id, name=name or pack_name_from_file(filename), description="")
    db.session.add(pack)
    db.session.flush()
    item_ids = _item_ids(user, rows)
    insert_entries(pack.id, [
        {"item_id": item_ids[row.item_key()], "category": row.category,
         "quantity": row.quantity, "worn": row.worn, "consumable": row.consumable,
         "worn_quantity": row.worn_quantity, "star": row.star}
        for row in rows
    ], [(c.name, c.color) for c in parsed.categories])  # fmt: skip
    db.session.commit()
    warnings = [{"line": w.line, "message": w.message} for w in parsed.warnings]
    return {**detail(pack, user.weight_unit), "warnings": warnings}


def _item_ids(user: User, rows: list[CsvRow]) -> dict[tuple, int]:
    """The id of the user's identical item for each row's item, creating the missing ones.

    A bulk insert and two look-ups, whatever the number of rows (5,000 rows: a few queries).
    """
    names = list({row.name for row in rows})
    ids = _existing_ids(user.id, names)
    # One new item per key: an item can be two entries (once consumable, once not).
    missing = list({row.item_key(): row for row in rows if row.item_key() not in ids}.values())
    if missing:
        # A Core executemany on the table: the ORM's bulk path costs ~0.3 ms a row here.
        now = utcnow()
        db.session.execute(Item.__table__.insert(), [
            {"user_id": user.id, "name": row.name, "category": row.category,
             "description": row.description, "weight_mg": row.weight_mg, "weight_unit": row.unit,
             "url": row.url, "price": row.price, "currency": row.currency,
             "created_at": now, "updated_at": now}
            for row in missing
        ])  # fmt: skip
        ids = _existing_ids(user.id, names)
    return ids


def _existing_ids(user_id: int, names: list[str]) -> dict[tuple, int]:
    """Item key -> id of the user's oldest item with that key, among items with these names."""
    if not names:
        return {}
    found = db.session.execute(
        select(*KEY_COLUMNS).where(Item.user_id == user_id, Item.name.in_(names))
        .order_by(Item.id.desc())
    )  # fmt: skip
    return {_key(*values): item_id for item_id, *values in found}


def _key(name, category, description, weight_mg, unit, url, price, currency) -> tuple:
    return CsvRow(name, category, description, weight_mg=weight_mg, unit=unit, url=url,
                  price=price, currency=currency).item_key()
