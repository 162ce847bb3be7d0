"""Gear: items, packs and pack entries.

Revision ID: 0002_gear
Revises: 0001_accounts
Create Date: 2026-11-27 19:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "0002_gear"
down_revision = "0001_accounts"
branch_labels = None
depends_on = None


def _timestamps():
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade():
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("weight_mg", sa.Integer(), nullable=False),
        sa.Column("weight_unit", sa.String(length=2), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("weight_mg >= 0", name=op.f("ck_items_weight_mg_non_negative")),
        sa.CheckConstraint("weight_unit IN ('g', 'kg', 'oz', 'lb')",
                           name=op.f("ck_items_weight_unit")),
        sa.CheckConstraint("price IS NULL OR price >= 0", name=op.f("ck_items_price_non_negative")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_items_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
    )
    op.create_index(op.f("ix_items_user_id"), "items", ["user_id"], unique=False)

    op.create_table(
        "packs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("share_code", sa.String(length=64), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_packs_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packs")),
        sa.UniqueConstraint("share_code", name=op.f("uq_packs_share_code")),
    )
    op.create_index(op.f("ix_packs_user_id"), "packs", ["user_id"], unique=False)

    op.create_table(
        "pack_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column("worn", sa.Boolean(), nullable=False),
        sa.Column("consumable", sa.Boolean(), nullable=False),
        sa.Column("worn_quantity", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_pack_entries_quantity_positive")),
        sa.CheckConstraint("worn_quantity IS NULL OR worn_quantity >= 0",
                           name=op.f("ck_pack_entries_worn_quantity_non_negative")),
        sa.CheckConstraint("NOT (worn AND consumable)",
                           name=op.f("ck_pack_entries_not_worn_and_consumable")),
        sa.CheckConstraint("position >= 0", name=op.f("ck_pack_entries_position_non_negative")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"],
                                name=op.f("fk_pack_entries_item_id_items"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pack_id"], ["packs.id"],
                                name=op.f("fk_pack_entries_pack_id_packs"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_entries")),
        sa.UniqueConstraint("pack_id", "item_id", name="uq_pack_entries_pack_id_item_id"),
    )
    op.create_index(op.f("ix_pack_entries_item_id"), "pack_entries", ["item_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_pack_entries_item_id"), table_name="pack_entries")
    op.drop_table("pack_entries")
    op.drop_index(op.f("ix_packs_user_id"), table_name="packs")
    op.drop_table("packs")
    op.drop_index(op.f("ix_items_user_id"), table_name="items")
    op.drop_table("items")
