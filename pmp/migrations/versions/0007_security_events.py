"""Security events: what an account holder can read about their account's security.

Revision ID: 0007_security_events
Revises: 0006_pack_categories
Create Date: 2026-12-10 10:00:00

Sign-ins, refresh-token reuse the server detected, password and email changes, sessions ended;
reuse events are alerts until acknowledged (GET /api/me/security-events).
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_security_events'
down_revision = '0006_pack_categories'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'security_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('ip', sa.String(length=64), nullable=False),
        sa.Column('user_agent', sa.String(length=300), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=True),
        sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_security_events_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_security_events')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('security_events', schema=None) as batch_op:
        batch_op.create_index('ix_security_events_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_security_events_user_id_id', ['user_id', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('security_events', schema=None) as batch_op:
        batch_op.drop_index('ix_security_events_user_id_id')
        batch_op.drop_index('ix_security_events_created_at')
    op.drop_table('security_events')
