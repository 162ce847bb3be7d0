"""The record book: each (user, exercise)'s personal-record progression, filled from the sets.

Revision ID: 0011_record_book
Revises: 0010_idempotency_keys
Create Date: 2026-12-10 18:00:00

`record_book` has one row each time a workout beat, for one kind of record, every workout of the
user performed before it (pmp.workouts.record_book, which keeps it up to date with the sets).
The upgrade fills it from the existing sets, one user at a time, with its own copy of the
computation (a migration must not import the application's models): exact kilograms, warm-ups
left out, a tie keeps the earlier workout, workouts ordered by performed_at then id.
"""
from decimal import Decimal
from itertools import groupby

from alembic import op
import sqlalchemy as sa


revision = '0011_record_book'
down_revision = '0010_idempotency_keys'
branch_labels = None
depends_on = None

KINDS = ("heaviest_weight", "best_estimated_1rm", "best_session_volume", "most_reps",
         *(f"reps_{n}" for n in range(1, 13)))
KG_PER_LB = Decimal("0.45359237")
VOLUME = "best_session_volume"


def upgrade():
    op.create_table(
        'record_book',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('exercise_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('workout_id', sa.Integer(), nullable=False),
        sa.Column('performed_at', sa.DateTime(), nullable=False),
        sa.Column('reps', sa.Integer(), nullable=True),
        sa.Column('weight', sa.Numeric(precision=9, scale=3), nullable=True),
        sa.Column('weight_unit', sa.String(length=2), nullable=True),
        sa.Column('volume_kg', sa.BigInteger(), nullable=True),
        sa.Column('volume_lb', sa.BigInteger(), nullable=True),
        sa.CheckConstraint("kind IN (" + ", ".join(repr(k) for k in KINDS) + ")",
                           name=op.f('ck_record_book_kind')),
        sa.CheckConstraint("weight_unit IN ('kg', 'lb')", name=op.f('ck_record_book_weight_unit')),
        sa.ForeignKeyConstraint(['exercise_id'], ['exercises.id'],
                                name=op.f('fk_record_book_exercise_id_exercises'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_record_book_user_id_users'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['workout_id'], ['workouts.id'],
                                name=op.f('fk_record_book_workout_id_workouts'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_record_book')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('record_book', schema=None) as batch_op:
        batch_op.create_index('ix_record_book_progression',
                              ['user_id', 'exercise_id', 'kind', 'performed_at', 'workout_id'],
                              unique=True)
        batch_op.create_index(batch_op.f('ix_record_book_workout_id'), ['workout_id'],
                              unique=False)
    fill(op.get_bind())


def downgrade():
    with op.batch_alter_table('record_book', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_book_workout_id'))
        batch_op.drop_index('ix_record_book_progression')
    op.drop_table('record_book')


# -- the fill: a frozen copy of pmp.workouts.record_book's computation ------------------------

workouts = sa.table('workouts', sa.column('id'), sa.column('user_id'),
                    sa.column('performed_at', sa.DateTime()))
entries = sa.table('workout_exercises', sa.column('id'), sa.column('workout_id'),
                   sa.column('exercise_id'), sa.column('exercise_order'))
sets = sa.table('workout_sets', sa.column('workout_exercise_id'), sa.column('set_number'),
                sa.column('reps'),
                sa.column('weight', sa.Numeric(9, 3)), sa.column('weight_unit'),
                sa.column('is_warmup', sa.Boolean()))
book = sa.table('record_book', *(sa.column(name) for name in (
    'user_id', 'exercise_id', 'kind', 'workout_id', 'reps', 'weight_unit', 'volume_kg',
    'volume_lb')), sa.column('performed_at', sa.DateTime()), sa.column('weight', sa.Numeric(9, 3)))


def fill(bind) -> None:
    """Every user's book, one user (one statement, one executemany) at a time."""
    user_ids = bind.execute(sa.select(workouts.c.user_id).distinct()).scalars().all()
    for user_id in user_ids:
        rows = bind.execute(
            sa.select(entries.c.exercise_id, workouts.c.id, workouts.c.performed_at,
                      sets.c.reps, sets.c.weight, sets.c.weight_unit)
            .select_from(workouts.join(entries, entries.c.workout_id == workouts.c.id)
                         .join(sets, sets.c.workout_exercise_id == entries.c.id))
            .where(workouts.c.user_id == user_id, sets.c.is_warmup.is_(False))
            .order_by(entries.c.exercise_id, workouts.c.performed_at, workouts.c.id,
                      entries.c.exercise_order, entries.c.id, sets.c.set_number))
        found = []
        for exercise_id, of_exercise in groupby(rows, key=lambda row: row[0]):
            state = {}
            for (workout_id, performed_at), of_workout in groupby(
                    of_exercise, key=lambda row: (row[1], row[2])):
                for kind, best in _session_bests([row[3:] for row in of_workout]).items():
                    if kind not in state or _key(kind, best) > _key(kind, state[kind]):
                        state[kind] = best
                        found.append({"user_id": user_id, "exercise_id": exercise_id,
                                      "kind": kind, "workout_id": workout_id,
                                      "performed_at": performed_at, **best})
        if found:
            bind.execute(book.insert(), found)


def _best(reps=None, weight=None, weight_unit=None, volume_kg=None, volume_lb=None) -> dict:
    return {"reps": reps, "weight": weight, "weight_unit": weight_unit,
            "volume_kg": volume_kg, "volume_lb": volume_lb}


def _kg(best: dict) -> Decimal:
    weight = Decimal(best["weight"])
    return weight * KG_PER_LB if best["weight_unit"] == "lb" else weight


def _key(kind: str, best: dict) -> tuple:
    if kind == VOLUME:
        return (Decimal(best["volume_kg"]) + best["volume_lb"] * KG_PER_LB,)
    if kind == "most_reps":
        return (best["reps"], Decimal(-1) if best["weight"] is None else _kg(best))
    if kind == "best_estimated_1rm":
        return (_kg(best) * (30 if best["reps"] == 1 else 30 + best["reps"]),)
    return (_kg(best),)


def _session_bests(rows) -> dict:
    found = {}
    milli = {"kg": 0, "lb": 0}
    for reps, weight, unit in rows:
        one = _best(reps, weight, unit)
        kinds = []
        if reps is not None and reps >= 1:
            kinds.append("most_reps")
        if weight is not None:
            kinds.append("heaviest_weight")
            if reps is not None and reps >= 1:
                kinds.append("best_estimated_1rm")
                if reps <= 12:
                    kinds.append(f"reps_{reps}")
            if reps is not None:
                milli[unit] += reps * int((Decimal(weight) * 1000).to_integral_value())
        for kind in kinds:
            if kind not in found or _key(kind, one) > _key(kind, found[kind]):
                found[kind] = one
    volume = _best(volume_kg=milli["kg"], volume_lb=milli["lb"])
    if _key(VOLUME, volume)[0] > 0:
        found[VOLUME] = volume
    return found
