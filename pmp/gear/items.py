"""Items: the user's gear inventory. Every query is scoped to the owner."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import distinct, func, select

from pmp.auth.models import User
from pmp.core.errors import NotFound, ValidationFailed
from pmp.core.extensions import db
from pmp.gear.changes import touch_packs_with_item
from pmp.gear.lighterpack import MAX_WEIGHT_MG
from pmp.gear.models import Item, PackEntry
from pmp.gear.units import to_milligrams
from pmp.gear.views import item_view, plain_rows, raw_timestamp

ITEM_COLUMNS = [
    *(getattr(Item, name) for name in ("id", "name", "category", "description", "weight_mg",
                                       "weight_unit", "price", "currency", "url", "image_url")),
    raw_timestamp(Item.created_at), raw_timestamp(Item.updated_at),
]

_SORTS = {
    "name": lambda: (func.lower(Item.name),),
    "weight": lambda: (Item.weight_mg,),
    "category": lambda: (func.lower(Item.category), func.lower(Item.name)),
    "created_at": lambda: (Item.created_at,),
}


def owned_item(user_id: int, item_id: int) -> Item:
    item = db.session.scalar(select(Item).filter_by(id=item_id, user_id=user_id))
    if item is None:
        raise NotFound("Item not found.")
    return item


def pack_counts(item_ids: list[int]) -> dict[int, int]:
    """In how many packs each item is, in one query (an item a pack holds twice, as an import
    may do, counts once)."""
    if not item_ids:
        return {}
    rows = db.session.execute(
        select(PackEntry.item_id, func.count(distinct(PackEntry.pack_id)))
        .where(PackEntry.item_id.in_(item_ids))
        .group_by(PackEntry.item_id)
    )
    return {item_id: count for item_id, count in rows}


def list_items(user_id: int, args: dict) -> tuple[list[dict], int]:
    """One page of items, filtered and sorted, with the full count."""
    stmt = select(*ITEM_COLUMNS).where(Item.user_id == user_id)
    if args.get("category") is not None:
        stmt = stmt.where(Item.category == args["category"])
    if args.get("q"):
        pattern = "%" + _escape_like(args["q"]) + "%"
        stmt = stmt.where(
            Item.name.ilike(pattern, escape="\\")
            | Item.category.ilike(pattern, escape="\\")
            | Item.description.ilike(pattern, escape="\\")
        )
    sort = args.get("sort", "name")
    columns = _SORTS[sort.lstrip("-")]()
    if sort.startswith("-"):
        columns = tuple(c.desc() for c in columns)
    stmt = stmt.order_by(*columns, Item.id.desc() if sort.startswith("-") else Item.id)
    # Plain columns on the connection, not ORM objects: 200 Items through the identity map
    # cost more than the rest of the request.
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    page = stmt.limit(args["limit"]).offset(args["offset"])
    items = plain_rows(db.session.connection().execute(page).all())
    counts = pack_counts([item.id for item in items])
    return [item_view(item, counts.get(item.id, 0)) for item in items], int(total or 0)


def list_categories(user_id: int) -> list[str]:
    """The distinct categories of the user's items, case-insensitively sorted; "" stands for
    items without one."""
    return list(db.session.scalars(
        select(Item.category).where(Item.user_id == user_id).group_by(Item.category)
        .order_by(func.lower(Item.category), Item.category)
    ))  # fmt: skip


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def weight_mg(weight: Decimal, unit: str) -> int:
    mg = to_milligrams(weight, unit)
    if mg > MAX_WEIGHT_MG:
        raise ValidationFailed("The item is too heavy.", {"weight": ["Must be at most 1000 kg."]})
    return mg


def new_item(user: User, data: dict) -> Item:
    """Add an item with the user's defaults (unit, currency) and flush; the caller commits."""
    unit = data.get("weight_unit") or user.weight_unit
    item = Item(
        user_id=user.id,
        name=data["name"],
        category=data.get("category", ""),
        description=data.get("description", ""),
        weight_mg=weight_mg(data.get("weight", Decimal(0)), unit),
        weight_unit=unit,
        price=data.get("price"),
        currency=data.get("currency") or user.currency,
        url=data.get("url", ""),
        image_url=data.get("image_url", ""),
    )
    db.session.add(item)
    db.session.flush()
    return item


def create_item(user: User, data: dict) -> dict:
    item = new_item(user, data)
    db.session.commit()
    return item_view(item, 0)


def get_item(user_id: int, item_id: int) -> dict:
    item = owned_item(user_id, item_id)
    return item_view(item, pack_counts([item.id]).get(item.id, 0))


def update_item(user_id: int, item_id: int, data: dict) -> dict:
    """Change the fields sent. `weight_unit` alone re-expresses the same weight in that unit."""
    item = owned_item(user_id, item_id)
    unit = data.pop("weight_unit", item.weight_unit)
    if "weight" in data:
        item.weight_mg = weight_mg(data.pop("weight"), unit)
    item.weight_unit = unit
    for name, value in data.items():
        setattr(item, name, value)
    touch_packs_with_item(item.id)
    db.session.commit()
    return item_view(item, pack_counts([item.id]).get(item.id, 0))


def delete_item(user_id: int, item_id: int) -> None:
    """Delete an item; the database cascade takes it out of every pack."""
    item = owned_item(user_id, item_id)
    touch_packs_with_item(item.id)
    db.session.delete(item)
    db.session.commit()
