"""Entries of a pack: add an item, change how it is packed, move it, tick it, take it out.

Every change locks the pack (see pmp.gear.categories) so that the order stays dense and the
"already in this pack" check holds under concurrent requests.
"""

from __future__ import annotations

from sqlalchemy import select, update

from pmp.auth.models import User
from pmp.core.errors import Conflict, NotFound, ValidationFailed
from pmp.core.extensions import db
from pmp.gear.categories import (
    ensure_categories,
    load_order,
    locked_pack,
    owned_category,
    save_order,
)
from pmp.gear.changes import touch_pack
from pmp.gear.items import new_item, owned_item
from pmp.gear.models import Item, Pack, PackEntry
from pmp.gear.packs import detail, entry_rows, owned_pack
from pmp.gear.views import entry_view

PLACEMENT = ("category_id", "category", "index", "position")
IN_PACK = "The item is already in this pack."


def add_entry(user: User, pack_id: int, data: dict) -> dict:
    """Put an existing item (`item_id`) or a new one (`item`) into the pack, in the category
    named by `category_id` or `category`, else the one named like the item's category."""
    pack = locked_pack(user.id, pack_id)
    if "item" in data:
        item = new_item(user, data.pop("item"))
    else:
        item = owned_item(user.id, data.pop("item_id"))
        if db.session.scalar(select(PackEntry.id).filter_by(pack_id=pack.id, item_id=item.id)):
            raise Conflict(IN_PACK)
    placement = {key: data.pop(key) for key in PLACEMENT if key in data}
    category_id = _target_category(user.id, pack, item, placement)
    order, before, categories_before = load_order(pack.id)
    entry = PackEntry(pack_id=pack.id, item_id=item.id, category_id=category_id,
                      position=len(before), **data)
    _check_entry(entry)
    db.session.add(entry)
    db.session.flush()
    if placement.get("position") is not None and "index" not in placement:
        order.add_entry(entry.id, category_id)
        order.move_entry_to_position(entry.id, placement["position"])
    else:
        order.add_entry(entry.id, category_id, placement.get("index"))
    save_order(order, before, categories_before)
    touch_pack(pack)
    db.session.commit()
    return entry_view(entry_rows(pack.id, entry.id)[0])


def _target_category(user_id: int, pack: Pack, item: Item, placement: dict) -> int:
    if placement.get("category_id") is not None:
        return owned_category(user_id, pack.id, placement["category_id"]).id
    name = placement.get("category")
    if name is None:
        name = item.category
    return ensure_categories(pack.id, [name])[name]


def owned_entry(user_id: int, pack_id: int, entry_id: int, lock: bool = False
                ) -> tuple[PackEntry, Pack]:
    pack = owned_pack(user_id, pack_id, lock=lock)
    entry = db.session.scalar(select(PackEntry).filter_by(id=entry_id, pack_id=pack.id))
    if entry is None:
        raise NotFound("Entry not found.")
    return entry, pack


def update_entry(user_id: int, pack_id: int, entry_id: int, data: dict) -> dict:
    """Change how the entry is packed, its star or tick; move it (`category_id` and/or
    `index` within the category, or the pack-wide `position`)."""
    entry, pack = owned_entry(user_id, pack_id, entry_id, lock=True)
    placement = {key: data.pop(key) for key in PLACEMENT if key in data}
    for name, value in data.items():
        setattr(entry, name, value)
    _check_entry(entry)
    if placement:
        _move(user_id, pack, entry, placement)
    # A tick on the packing checklist does not show on the shared page.
    touch_pack(pack, shown_when_shared=bool(placement or data.keys() - {"checked"}))
    db.session.commit()
    return entry_view(entry_rows(pack.id, entry.id)[0])


def _move(user_id: int, pack: Pack, entry: PackEntry, placement: dict) -> None:
    order, before, categories_before = load_order(pack.id)
    if placement.get("category_id") is not None or "index" in placement:
        target = entry.category_id
        if placement.get("category_id") is not None:
            target = owned_category(user_id, pack.id, placement["category_id"]).id
        order.move_entry(entry.id, target, placement.get("index"))
    elif placement.get("position") is not None:
        order.move_entry_to_position(entry.id, placement["position"])
    db.session.flush()
    save_order(order, before, categories_before)
    db.session.refresh(entry)


def delete_entry(user_id: int, pack_id: int, entry_id: int) -> None:
    entry, pack = owned_entry(user_id, pack_id, entry_id, lock=True)
    order, before, categories_before = load_order(pack.id)
    order.remove_entry(entry.id)
    db.session.delete(entry)
    db.session.flush()
    save_order(order, {k: v for k, v in before.items() if k != entry.id}, categories_before)
    touch_pack(pack)
    db.session.commit()


def reset_checklist(user: User, pack_id: int, unit: str | None) -> dict:
    """Untick every entry of the pack (start packing again)."""
    pack = owned_pack(user.id, pack_id)
    db.session.execute(update(PackEntry).where(PackEntry.pack_id == pack.id,
                                               PackEntry.checked.is_(True))
                       .values(checked=False).execution_options(synchronize_session=False))
    touch_pack(pack, shown_when_shared=False)
    db.session.commit()
    return detail(pack, unit or user.weight_unit)


def _check_entry(entry: PackEntry) -> None:
    """Rules across fields, checked on the merged entry (a PATCH sends only some fields)."""
    fields = {}
    if entry.worn and entry.consumable:
        fields["consumable"] = ["An entry cannot be both worn and consumable."]
    quantity = entry.quantity if entry.quantity is not None else 1
    if entry.worn_quantity is not None and entry.worn_quantity > quantity:
        fields["worn_quantity"] = ["Must not be more than quantity."]
    if fields:
        raise ValidationFailed("The entry is not consistent.", fields)
