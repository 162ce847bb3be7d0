"""How a change to a pack is recorded: `updated_at` for the owner, `version` for readers.

`Pack.version` grows by one with every change that the public share page shows, in the same
transaction as the change: the pack's name or description, a category (added, renamed,
recoloured, moved, deleted), an entry (added, changed, moved, removed) or an item that sits in
the pack (edited or deleted, in every pack that holds it). The share page is cached under the
version (pmp.web.share), so a change nobody records here would leave that page stale: every
service of this wing that writes one of those rows calls one of these two functions.
"""

from __future__ import annotations

from sqlalchemy import select, update

from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.gear.models import Pack, PackEntry


def touch_pack(pack: Pack, shown_when_shared: bool = True) -> None:
    """The pack changed: its `updated_at` moves, and its `version` too unless the change is
    one the shared page does not show (the packing checklist's ticks)."""
    pack.updated_at = utcnow()
    if shown_when_shared:
        # In SQL, so that two concurrent changes count twice.
        pack.version = Pack.version + 1


def touch_packs_with_item(item_id: int) -> None:
    """An item changed or is going: every pack holding it reads differently now. Call before
    deleting the item (the entries that say where it sits go with it). The packs keep their
    `updated_at`: that is when the pack itself last changed."""
    db.session.execute(
        update(Pack)
        .where(Pack.id.in_(select(PackEntry.pack_id).where(PackEntry.item_id == item_id)))
        # updated_at names itself, or its onupdate default would move it
        .values(version=Pack.version + 1, updated_at=Pack.updated_at)
        .execution_options(synchronize_session=False)
    )
