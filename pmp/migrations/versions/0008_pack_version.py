"""Packs count their changes: `version`, the share page's cache key.

Revision ID: 0008_pack_version
Revises: 0007_security_events
Create Date: 2026-12-03 17:30:00

Every change a reader of the pack can see (the pack, its categories, its entries, the items in
it) adds one, so the public share page can be served from a cache after one indexed look-up.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_pack_version'
down_revision = '0007_security_events'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('packs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False,
                                      server_default='0'))


def downgrade():
    with op.batch_alter_table('packs', schema=None) as batch_op:
        batch_op.drop_column('version')
