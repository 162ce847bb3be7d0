"""Idempotency keys of offline-replayed POSTs, and indexes for the exercise progress queries.

Revision ID: 0010_idempotency_keys
Revises: 0009_plans
Create Date: 2026-12-03 18:00:00

`idempotency_keys`: per user, for 24 h, the request digest and first answer of a POST sent with
an Idempotency-Key header (pmp.core.idempotency). `ix_workout_exercises_workout_id_exercise_id`
lets "last time", history and progress walk one user's workouts newest first (by
ix_workouts_user_id_performed_at) and test each for the exercise with one index probe, instead
of scanning every user's entries of a built-in exercise.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_idempotency_keys'
down_revision = '0009_plans'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'idempotency_keys',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('status', sa.Integer(), nullable=True),
        sa.Column('body', sa.Text(), nullable=True),
        sa.Column('location', sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_idempotency_keys_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_keys')),
        sa.UniqueConstraint('user_id', 'key', name='uq_idempotency_keys_user_id_key'),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.create_index('ix_idempotency_keys_created_at', ['created_at'], unique=False)
    with op.batch_alter_table('workout_exercises', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.create_index('ix_workout_exercises_workout_id_exercise_id',
                              ['workout_id', 'exercise_id'], unique=False)


def downgrade():
    with op.batch_alter_table('workout_exercises', schema=None) as batch_op:
        batch_op.drop_index('ix_workout_exercises_workout_id_exercise_id')
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_index('ix_idempotency_keys_created_at')
    op.drop_table('idempotency_keys')
