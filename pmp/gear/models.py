"""Items (the gear a user owns), packs (packing lists) and pack entries (item in a pack)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    CHAR,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pmp.core.extensions import db
from pmp.core.models import NEVER_REUSED_IDS, TimestampMixin

NAME_MAX = 200
TEXT_MAX = 10_000
URL_MAX = 2000


class Item(TimestampMixin, db.Model):
    """A piece of gear. The weight is kept in milligrams plus the unit the user typed it in."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("weight_mg >= 0", name="weight_mg_non_negative"),
        CheckConstraint("weight_unit IN ('g', 'kg', 'oz', 'lb')", name="weight_unit"),
        CheckConstraint("price IS NULL OR price >= 0", name="price_non_negative"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX), nullable=False)
    category: Mapped[str] = mapped_column(String(NAME_MAX), nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    weight_mg: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    weight_unit: Mapped[str] = mapped_column(String(2), nullable=False, default="g")
    price: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    currency: Mapped[str] = mapped_column(CHAR(3), nullable=False, default="EUR")
    url: Mapped[str] = mapped_column(String(URL_MAX), nullable=False, default="")
    # A picture of the item for the editor's thumbnails (http/https only).
    image_url: Mapped[str] = mapped_column(String(URL_MAX), nullable=False, default="")


class Pack(TimestampMixin, db.Model):
    """A packing list; `share_code` is set while it is shared publicly."""

    __tablename__ = "packs"
    __table_args__ = (NEVER_REUSED_IDS,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    share_code: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    # One more for every change a reader of the pack sees: its own fields, its categories, its
    # entries and the items in it (pmp.gear.changes). The public share page is cached under it
    # (pmp.web.share).
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class PackCategory(db.Model):
    """A category of one pack: its name, its place in the pack and its colour.

    Categories belong to the pack (as in Lighterpack), so the same item can sit in different
    categories in different packs, a category can be empty, and renaming it touches no other
    pack. The colour is always stored: a new category takes the first unused colour of the
    default palette (pmp.gear.categories).
    """

    __tablename__ = "pack_categories"
    __table_args__ = (
        UniqueConstraint("pack_id", "name", name="uq_pack_categories_pack_id_name"),
        CheckConstraint("position >= 0", name="position_non_negative"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pack_id: Mapped[int] = mapped_column(
        ForeignKey("packs.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    color: Mapped[str] = mapped_column(String(7), nullable=False)


class PackEntry(db.Model):
    """An item in a pack, in one of the pack's categories, with how many and whether it is
    worn or consumed; `position` is its place in the whole pack (dense, in display order:
    categories in their order, entries in theirs)."""

    __tablename__ = "pack_entries"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_non_negative"),
        CheckConstraint("worn_quantity IS NULL OR worn_quantity >= 0",
                        name="worn_quantity_non_negative"),
        CheckConstraint("NOT (worn AND consumable)", name="not_worn_and_consumable"),
        CheckConstraint("position >= 0", name="position_non_negative"),
        CheckConstraint("star >= 0 AND star <= 3", name="star_range"),
        Index("ix_pack_entries_pack_id_position", "pack_id", "position"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pack_id: Mapped[int] = mapped_column(
        ForeignKey("packs.id", ondelete="CASCADE"), nullable=False
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True, nullable=False
    )
    # Deleting a category takes its entries out of the pack (the items stay).
    category_id: Mapped[int] = mapped_column(
        ForeignKey("pack_categories.id", ondelete="CASCADE"), index=True, nullable=False
    )
    quantity: Mapped[Decimal] = mapped_column(Numeric(10, 3), nullable=False, default=Decimal(1))
    worn: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    consumable: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    worn_quantity: Mapped[Decimal | None] = mapped_column(Numeric(10, 3), nullable=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Lighterpack's 0-3 stars (to buy, to check, ...).
    star: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Ticked on the packing checklist.
    checked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    item: Mapped[Item] = relationship(lazy="raise")
