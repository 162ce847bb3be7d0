"""A pack's categories: create, rename, recolour, move, delete, and the pack's order on disk.

Every change to the order locks the pack row first (PostgreSQL; SQLite has one writer anyway),
reads the order, changes it with `pmp.gear.ordering.PackOrder` and writes back the rows that
moved: two concurrent moves in one pack take turns and positions stay 0..n-1.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from pmp.core.errors import Conflict, NotFound
from pmp.core.extensions import db
from pmp.gear.changes import touch_pack
from pmp.gear.models import Pack, PackCategory, PackEntry
from pmp.gear.ordering import PackOrder
from pmp.gear.packs import category_rows, owned_pack

# Tableau 10, colour-blind-friendly and readable in light and dark themes.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
TAKEN = "The pack already has a category with this name."


def next_color(used: Iterable[str]) -> str:
    """The first palette colour no category of the pack has; cycles once all are taken."""
    used = list(used)
    for color in PALETTE:
        if color not in used:
            return color
    return PALETTE[len(used) % len(PALETTE)]


def locked_pack(user_id: int, pack_id: int) -> Pack:
    """The user's pack, locked for the rest of the transaction (order changes take turns)."""
    return owned_pack(user_id, pack_id, lock=True)


def load_order(pack_id: int) -> tuple[PackOrder, dict[int, tuple[int, int]], dict[int, int]]:
    """The pack's order, with what is stored now: each entry's (category, position) and each
    category's position."""
    categories = db.session.execute(
        select(PackCategory.id, PackCategory.position).where(PackCategory.pack_id == pack_id)
        .order_by(PackCategory.position, PackCategory.id)).all()
    rows = db.session.execute(
        select(PackEntry.id, PackEntry.category_id, PackEntry.position)
        .where(PackEntry.pack_id == pack_id).order_by(PackEntry.position, PackEntry.id)
    ).all()
    order = PackOrder([c.id for c in categories], ((r.id, r.category_id) for r in rows))
    return order, {r.id: (r.category_id, r.position) for r in rows}, dict(categories)


def save_order(order: PackOrder, before: dict[int, tuple[int, int]],
               categories_before: dict[int, int]) -> None:
    """Write the entries and categories whose place changed (one executemany each)."""
    moved = [{"entry_id": entry_id, "new_category": cat, "new_position": pos}
             for entry_id, (cat, pos) in order.positions().items()
             if before.get(entry_id) != (cat, pos)]
    if moved:
        db.session.execute(
            update(PackEntry.__table__).where(PackEntry.id == bindparam("entry_id"))
            .values(category_id=bindparam("new_category"),
                    position=bindparam("new_position")), moved)
    changed = [{"category": c, "new_position": p}
               for c, p in order.category_positions().items() if categories_before.get(c) != p]
    if changed:
        db.session.execute(
            update(PackCategory.__table__).where(PackCategory.id == bindparam("category"))
            .values(position=bindparam("new_position")), changed)


def ensure_categories(pack_id: int, names: Iterable[str], colors: dict[str, str] | None = None,
                      new_pack: bool = False) -> dict[str, int]:
    """Category name -> id for the pack, adding the missing ones at the end.

    `new_pack`: the pack has no categories yet (an import), so there is nothing to look up.
    """
    existing = {} if new_pack else {row.name: row for row in category_rows(pack_id)}
    ids = {name: row.id for name, row in existing.items()}
    used = [row.color for row in existing.values()]
    missing = []
    for name in dict.fromkeys(names):
        if name in existing:
            continue
        color = (colors or {}).get(name) or next_color(used)
        used.append(color)
        missing.append({"pack_id": pack_id, "name": name, "position": len(existing) +
                        len(missing), "color": color})
    if missing:
        # One executemany and one look-up, whatever the number of categories (RETURNING in
        # parameter order would cost a statement per row on SQLite).
        db.session.execute(insert(PackCategory), missing)
        ids.update(db.session.execute(
            select(PackCategory.name, PackCategory.id).where(
                PackCategory.pack_id == pack_id,
                PackCategory.name.in_([row["name"] for row in missing]))).all())
    return ids


def insert_entries(pack_id: int, rows: list[dict],
                   categories: list[tuple[str, str | None]] | None = None) -> None:
    """Fill a new pack with entries given in list order, each naming its category by name
    (`"category"`). The categories are made in the order of `categories` (with their colours;
    empty ones too), then those the rows name in first-appearance order; the entries are
    numbered in display order (grouped by category). Two executemany statements."""
    named = [name for name, _ in categories or ()] + [row["category"] for row in rows]
    colors = {name: color for name, color in categories or () if color}
    ids = ensure_categories(pack_id, named, colors, new_pack=True)
    rank = {name: index for index, name in enumerate(dict.fromkeys(named))}
    ordered = sorted(rows, key=lambda row: rank[row["category"]])
    if ordered:
        db.session.execute(insert(PackEntry), [
            {**{k: v for k, v in row.items() if k != "category"}, "pack_id": pack_id,
             "category_id": ids[row["category"]], "position": position}
            for position, row in enumerate(ordered)
        ])  # fmt: skip


def owned_category(user_id: int, pack_id: int, category_id: int) -> PackCategory:
    category = db.session.scalar(
        select(PackCategory).join(Pack, Pack.id == PackCategory.pack_id)
        .where(PackCategory.id == category_id, Pack.id == pack_id, Pack.user_id == user_id))
    if category is None:
        raise NotFound("Category not found.")
    return category


def category_view(category: PackCategory, entry_count: int) -> dict:
    return {"id": category.id, "name": category.name, "position": category.position,
            "color": category.color, "entry_count": entry_count}


def create_category(user_id: int, pack_id: int, data: dict) -> dict:
    pack = locked_pack(user_id, pack_id)
    order, before, categories_before = load_order(pack.id)
    used = [row.color for row in category_rows(pack.id)]
    category = PackCategory(pack_id=pack.id, name=data["name"], position=len(categories_before),
                            color=data.get("color") or next_color(used))
    db.session.add(category)
    _flush_or_conflict()
    order.add_category(category.id, data.get("position"))
    save_order(order, before, categories_before)
    touch_pack(pack)
    db.session.commit()
    db.session.refresh(category)
    return category_view(category, 0)


def update_category(user_id: int, pack_id: int, category_id: int, data: dict) -> dict:
    """Rename (this pack only), recolour (null: back to a palette colour) or move."""
    pack = locked_pack(user_id, pack_id)
    category = owned_category(user_id, pack.id, category_id)
    if "name" in data:
        category.name = data["name"]
    if "color" in data:
        category.color = data["color"] or next_color(
            row.color for row in category_rows(pack.id) if row.id != category.id)
    _flush_or_conflict()
    if data.get("position") is not None:
        order, before, categories_before = load_order(pack.id)
        order.move_category(category.id, data["position"])
        save_order(order, before, categories_before)
    touch_pack(pack)
    db.session.commit()
    db.session.refresh(category)
    return category_view(category, _entry_count(category.id))


def delete_category(user_id: int, pack_id: int, category_id: int) -> None:
    """The category goes, and its entries leave the pack with it (the items stay)."""
    pack = locked_pack(user_id, pack_id)
    category = owned_category(user_id, pack.id, category_id)
    order, before, categories_before = load_order(pack.id)
    gone = order.remove_category(category.id)
    if gone:
        db.session.execute(delete(PackEntry).where(PackEntry.id.in_(gone)))
    db.session.execute(delete(PackCategory).where(PackCategory.id == category.id))
    save_order(order, {k: v for k, v in before.items() if k not in gone}, categories_before)
    touch_pack(pack)
    db.session.commit()


def list_categories(user_id: int, pack_id: int) -> list[dict]:
    pack = owned_pack(user_id, pack_id)
    counts = dict(db.session.execute(
        select(PackEntry.category_id, func.count()).where(PackEntry.pack_id == pack.id)
        .group_by(PackEntry.category_id)).all())
    return [{"id": r.id, "name": r.name, "position": r.position, "color": r.color,
             "entry_count": counts.get(r.id, 0)} for r in category_rows(pack.id)]


def _entry_count(category_id: int) -> int:
    return db.session.scalar(
        select(func.count()).select_from(PackEntry).where(PackEntry.category_id == category_id))


def _flush_or_conflict() -> None:
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(TAKEN) from None
