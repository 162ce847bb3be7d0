"""SQL aggregates of working sets, exact on every backend, and their conversion to one unit.

Weights are summed and compared in SQL as integer thousandths per weight unit (``milli``), so
SQLite's floats never round them; Python then converts each unit's figure with ``calc``'s exact
factor and rounds the way the report does. A session's aggregate is one row per workout: the
progress chart and the history read those rows, never every set (the records read the record
book, pmp.workouts.record_book).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Select, and_, case, cast, func, select

from pmp.workouts import calc
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet

MILLI = cast(func.round(WorkoutSet.weight * 1000), BigInteger)
WORKING = WorkoutSet.is_warmup.is_(False)
# 30 × Epley's estimate = weight × EPLEY_30 (one rep: the weight itself)
EPLEY_30 = case((WorkoutSet.reps == 1, 30), else_=30 + WorkoutSet.reps)


def per_unit(expression, aggregate) -> list:
    """``aggregate(expression)`` over the sets logged in each unit, in WEIGHT_UNITS order."""
    return [aggregate(case((WorkoutSet.weight_unit == unit, expression)))
            for unit in calc.WEIGHT_UNITS]


def session_columns() -> list:
    """Working sets, reps, then per unit: volume, heaviest weight and best 30 × e1RM."""
    return [
        func.count(WorkoutSet.id), func.sum(WorkoutSet.reps),
        *per_unit(WorkoutSet.reps * MILLI, func.sum),
        *per_unit(MILLI, func.max),
        *per_unit(case((WorkoutSet.reps >= 1, MILLI * EPLEY_30)), func.max),
    ]


def exercise_sessions(user_id: int, exercise_id: int) -> Select:
    """(workout id, performed_at, *session_columns) of each workout with working sets of the
    exercise; callers add the range and order."""
    return (
        select(Workout.id, Workout.performed_at, *session_columns())
        .join(WorkoutExercise, and_(WorkoutExercise.workout_id == Workout.id,
                                    WorkoutExercise.exercise_id == exercise_id))
        .join(WorkoutSet, and_(WorkoutSet.workout_exercise_id == WorkoutExercise.id, WORKING))
        .where(Workout.user_id == user_id)
        .group_by(Workout.id, Workout.performed_at)
    )


def _units(values) -> dict[str, int | None]:
    return dict(zip(calc.WEIGHT_UNITS, values, strict=True))


def best_of(milli_by_unit: dict[str, int | None], unit: str, scale: int = 1000) -> Decimal | None:
    """The largest of per-unit maxima (integers of 1/scale) converted to ``unit``, exact."""
    found = [calc.convert_weight(Decimal(value) / scale, weight_unit, unit)
             for weight_unit, value in milli_by_unit.items() if value is not None]
    return max(found) if found else None


def volume(milli_by_unit: dict[str, int | None], unit: str) -> Decimal:
    """A volume in ``unit`` from per-unit thousandths, rounded to 2 decimals like a report's."""
    if not any(milli for weight_unit, milli in milli_by_unit.items() if weight_unit != unit):
        # Everything logged in the wanted unit (the usual case): half-up to hundredths in
        # integers, exact because a volume is never negative.
        return Decimal(((milli_by_unit.get(unit) or 0) + 5) // 10).scaleb(-2)
    total = Decimal(0)
    for weight_unit, milli in milli_by_unit.items():
        if milli:
            total += calc.convert_weight(Decimal(milli) / 1000, weight_unit, unit)
    return Decimal(str(calc.round2(total)))


@dataclass(frozen=True, slots=True)
class Session:
    """One workout's working sets of one exercise, weights in one unit (exact, unrounded)."""

    workout_id: int
    performed_at: datetime
    sets: int
    reps: int
    volume: Decimal
    max_weight: Decimal | None
    estimated_1rm: Decimal | None


def session(row, unit: str) -> Session:
    """A `Session` from a row of ``exercise_sessions``."""
    workout_id, performed_at, count, reps, *units = row
    n = len(calc.WEIGHT_UNITS)
    return Session(workout_id, performed_at, count, reps or 0,
                   volume(_units(units[:n]), unit), best_of(_units(units[n:2 * n]), unit),
                   best_of(_units(units[2 * n:]), unit, 30_000))
