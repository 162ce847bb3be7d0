"""Ids are never reused: every SQLite table with an integer id gets AUTOINCREMENT.

Revision ID: 0004_ids_never_reused
Revises: 0003_workouts
Create Date: 2026-12-03 15:00:00

Without AUTOINCREMENT, SQLite gives a new row the largest id + 1, so after the newest account
was deleted the next registrant got its user id and session id, and the deleted account's
still-valid access token (same `sub`, same `sid`) worked on the new account. PostgreSQL's
sequences never hand a value out twice, so there is nothing to do there.

Each table is rebuilt (batch mode, with foreign keys off: see env.py); the copied rows set
sqlite_sequence to the current largest id, so ids continue from there.
"""
from alembic import op


revision = '0004_ids_never_reused'
down_revision = '0003_workouts'
branch_labels = None
depends_on = None

# Parents before children, as they were created.
TABLES = ('users', 'auth_sessions', 'items', 'packs', 'pack_entries', 'exercises',
          'workouts', 'workout_exercises', 'workout_sets')


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': autoincrement}):
            pass


def upgrade():
    _rebuild(True)


def downgrade():
    _rebuild(False)
