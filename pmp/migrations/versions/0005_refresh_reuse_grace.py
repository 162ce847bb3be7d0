"""Login sessions remember the refresh token rotated away last, and when.

Revision ID: 0005_refresh_reuse_grace
Revises: 0004_ids_never_reused
Create Date: 2026-12-03 15:30:00

Within REFRESH_REUSE_GRACE_SECONDS of a rotation, the token just rotated away is a concurrent
refresh (a second browser tab), not reuse.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_refresh_reuse_grace'
down_revision = '0004_ids_never_reused'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('auth_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_jti', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('rotated_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('auth_sessions', schema=None) as batch_op:
        batch_op.drop_column('rotated_at')
        batch_op.drop_column('previous_jti')
