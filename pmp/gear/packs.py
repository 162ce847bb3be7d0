"""Packs and their entries. Every query is scoped to the owner; reads are a bounded number of
queries whatever the size of the pack."""

from __future__ import annotations

import re
import secrets
from collections import defaultdict
from functools import lru_cache

from sqlalchemy import Row, Select, bindparam, distinct, func, insert, select
from sqlalchemy.orm import aliased

from pmp.auth.models import User
from pmp.core.errors import NotFound
from pmp.core.extensions import db
from pmp.gear.changes import touch_pack
from pmp.gear.items import ITEM_COLUMNS
from pmp.gear.models import NAME_MAX, Item, Pack, PackCategory, PackEntry
from pmp.gear.totals import TotalsEntry
from pmp.gear.views import pack_detail, pack_summary

SHARE_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")
ENTRY_COPY_FIELDS = ("item_id", "quantity", "worn", "consumable", "worn_quantity", "position",
                     "star")
ENTRY_COLUMNS = [getattr(PackEntry, name) for name in
                 (*ENTRY_COPY_FIELDS, "category_id", "checked")]


def owned_pack(user_id: int, pack_id: int, lock: bool = False) -> Pack:
    """The user's pack or 404; `lock` holds its row for the transaction (order changes)."""
    stmt = select(Pack).filter_by(id=pack_id, user_id=user_id)
    pack = db.session.scalar(stmt.with_for_update() if lock else stmt)
    if pack is None:
        raise NotFound("Pack not found.")
    return pack


def entry_rows(pack_id: int, entry_id: int | None = None) -> list[Row]:
    """Entries joined with their items and each item's pack count, in position order.

    One query of plain columns (no ORM identity map): a row has the Item's attribute names,
    plus `entry_id`, the entry's fields, `category_name` and `pack_count`, as
    `pmp.gear.views` expects. The
    statement is built once and run on the session's connection: building it and the ORM
    result layer took two thirds of the time of a 200-entry pack's query.
    """
    params = {"pack_id": pack_id} if entry_id is None else {"pack_id": pack_id,
                                                             "entry_id": entry_id}
    stmt = _entry_statement(entry_id is not None)
    return db.session.connection().execute(stmt, params).all()


@lru_cache(maxsize=2)
def _entry_statement(one_entry: bool) -> Select:
    other = aliased(PackEntry)
    pack_count = (
        select(func.count(distinct(other.pack_id))).where(other.item_id == Item.id)
        .correlate(Item)
        .scalar_subquery().label("pack_count")
    )  # fmt: skip
    stmt = (
        select(PackEntry.id.label("entry_id"), *ENTRY_COLUMNS,
               PackCategory.name.label("category_name"), *ITEM_COLUMNS, pack_count)
        .join(Item, PackEntry.item_id == Item.id)
        .join(PackCategory, PackEntry.category_id == PackCategory.id)
        .where(PackEntry.pack_id == bindparam("pack_id"))
        .order_by(PackEntry.position, PackEntry.id)
    )
    if one_entry:
        stmt = stmt.where(PackEntry.id == bindparam("entry_id"))
    return stmt


def list_packs(user: User, unit: str | None) -> list[dict]:
    """Every pack of the user with its totals: two queries."""
    packs = db.session.scalars(
        select(Pack).where(Pack.user_id == user.id).order_by(Pack.id)
    ).all()
    entries = db.session.execute(
        select(PackEntry.pack_id, PackEntry.checked, Item.weight_mg, PackEntry.quantity,
               PackEntry.worn, PackEntry.consumable, PackEntry.worn_quantity,
               PackEntry.category_id, Item.price, Item.currency)
        .join(Item, PackEntry.item_id == Item.id)
        .join(Pack, PackEntry.pack_id == Pack.id)
        .where(Pack.user_id == user.id)
    )  # fmt: skip
    by_pack: dict[int, list[TotalsEntry]] = defaultdict(list)
    checked: dict[int, int] = defaultdict(int)
    for pack_id, is_checked, *values in entries:
        by_pack[pack_id].append(TotalsEntry(*values))
        checked[pack_id] += is_checked
    unit = unit or user.weight_unit
    return [pack_summary(pack, by_pack.get(pack.id, ()), unit, checked[pack.id])
            for pack in packs]


def detail(pack: Pack, unit: str, public: bool = False) -> dict:
    """The full pack document: three queries (categories, entries with items, nothing else)."""
    return pack_detail(pack, category_rows(pack.id), entry_rows(pack.id), unit, public)


def category_rows(pack_id: int) -> list[Row]:
    return db.session.execute(
        select(PackCategory.id, PackCategory.name, PackCategory.position, PackCategory.color)
        .where(PackCategory.pack_id == pack_id)
        .order_by(PackCategory.position, PackCategory.id)
    ).all()


def get_pack(user: User, pack_id: int, unit: str | None) -> dict:
    return detail(owned_pack(user.id, pack_id), unit or user.weight_unit)


def create_pack(user: User, data: dict) -> dict:
    pack = Pack(user_id=user.id, name=data["name"], description=data.get("description", ""))
    db.session.add(pack)
    db.session.commit()
    return detail(pack, user.weight_unit)


def update_pack(user: User, pack_id: int, data: dict) -> dict:
    pack = owned_pack(user.id, pack_id)
    for name, value in data.items():
        setattr(pack, name, value)
    if data:
        touch_pack(pack)
    db.session.commit()
    return detail(pack, user.weight_unit)


def delete_pack(user_id: int, pack_id: int) -> None:
    db.session.delete(owned_pack(user_id, pack_id))
    db.session.commit()


def duplicate_pack(user: User, pack_id: int) -> dict:
    """A copy of the pack (never shared, nothing ticked) with the same categories and entries:
    a few queries for any size."""
    pack = owned_pack(user.id, pack_id)
    copy = Pack(user_id=user.id, name=_copy_name(pack.name), description=pack.description)
    db.session.add(copy)
    db.session.flush()
    categories = category_rows(pack.id)
    if categories:
        db.session.execute(insert(PackCategory), [
            {"pack_id": copy.id, "name": c.name, "position": c.position, "color": c.color}
            for c in categories
        ])  # fmt: skip
    new_ids = dict(db.session.execute(
        select(PackCategory.name, PackCategory.id).where(PackCategory.pack_id == copy.id)).all())
    old_names = {c.id: c.name for c in categories}
    entries = db.session.scalars(select(PackEntry).where(PackEntry.pack_id == pack.id)).all()
    if entries:
        db.session.execute(insert(PackEntry), [
            {"pack_id": copy.id, "category_id": new_ids[old_names[e.category_id]],
             **{f: getattr(e, f) for f in ENTRY_COPY_FIELDS}}
            for e in entries
        ])  # fmt: skip
    db.session.commit()
    return detail(copy, user.weight_unit)


def _copy_name(name: str) -> str:
    suffix = " (copy)"
    return name[: NAME_MAX - len(suffix)] + suffix


# -- sharing ---------------------------------------------------------------------------------


def share_pack(user_id: int, pack_id: int) -> str:
    """The pack's share code, made on first use (idempotent)."""
    pack = owned_pack(user_id, pack_id)
    if pack.share_code is None:
        pack.share_code = secrets.token_urlsafe(24)
        db.session.commit()
    return pack.share_code


def unshare_pack(user_id: int, pack_id: int) -> None:
    """Forget the code: it stops working at once."""
    pack = owned_pack(user_id, pack_id)
    pack.share_code = None
    db.session.commit()


def shared_pack(code: str) -> tuple[Pack, User]:
    if not SHARE_CODE.fullmatch(code):
        raise NotFound("No pack is shared with this code.")
    row = db.session.execute(
        select(Pack, User).join(User, User.id == Pack.user_id).where(Pack.share_code == code)
    ).first()
    if row is None:
        raise NotFound("No pack is shared with this code.")
    return row[0], row[1]


def shared_version(code: str) -> Row | None:
    """`(pack_id, version, weight_unit)` of the pack shared with this code and its owner's
    preferred unit, or None: one indexed look-up, what a cached share page costs."""
    if not SHARE_CODE.fullmatch(code):
        return None
    # Built once and run on a connection of its own, without the ORM session: building the
    # statement and the session's bookkeeping cost more than the query, and this query is all
    # that a cached share page costs.
    with db.engine.connect() as connection:
        return connection.execute(_shared_version_statement(), {"code": code}).first()


@lru_cache(maxsize=1)
def _shared_version_statement() -> Select:
    return (
        select(Pack.id.label("pack_id"), Pack.version, User.weight_unit)
        .join(User, User.id == Pack.user_id)
        .where(Pack.share_code == bindparam("code"))
    )


def shared_detail(code: str, unit: str | None) -> dict:
    """The shared pack for anyone with the code: no owner data, no pack counts."""
    pack, owner = shared_pack(code)
    return detail(pack, unit or owner.weight_unit, public=True)
