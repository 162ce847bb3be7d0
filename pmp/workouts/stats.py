"""Read-only use cases that aggregate: workout report, stats summary, exercise history.

Each loads plain rows in a fixed number of queries (whatever the number of workouts) and
hands them to the pure functions of ``calc``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, and_, case, cast, func, select

from pmp.auth.models import User
from pmp.core.extensions import db
from pmp.workouts import calc
from pmp.workouts.exercises import get_visible_exercise
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.workout_log import get_workout_details, in_range


def _set_row(row: WorkoutSet) -> calc.SetRow:
    return calc.SetRow(row.reps, row.weight, row.weight_unit, row.is_warmup)


def workout_report(user: User, workout_id: int) -> dict[str, Any]:
    workout = get_workout_details(user.id, workout_id)
    entries = [
        calc.ExerciseRows(
            entry.id, entry.exercise_id, entry.exercise_name,
            tuple(_set_row(row) for row in entry.sets),
        )
        for entry in workout.exercises
    ]
    return {
        "workout_id": workout.id,
        "performed_at": workout.performed_at,
        "duration_minutes": workout.duration_minutes,
        "notes": workout.notes,
        **calc.workout_report(entries, calc.training_unit(user.weight_unit)),
    }


def stats_summary(user: User, start: datetime | None, end: datetime | None) -> dict[str, Any]:
    """Totals and ISO-week buckets over the workouts in ``[start, end)``: one query.

    The working sets are summed in SQL, one row per workout (a workout without sets still
    counts), oldest first: the grouping follows the (user, performed_at) index, so the database
    streams the groups instead of sorting the sets. Volumes come as integer thousandths per
    weight unit, exact on every backend. Before: two queries and a sort of every set
    (docs/PERFORMANCE.md).
    """
    milli = cast(func.round(WorkoutSet.weight * 1000), BigInteger)

    def volume_in(weight_unit: str):
        return func.sum(case((WorkoutSet.weight_unit == weight_unit, WorkoutSet.reps * milli)))

    stmt = (
        select(Workout.performed_at, Workout.duration_minutes, func.count(WorkoutSet.id),
               func.sum(WorkoutSet.reps), *(volume_in(u) for u in calc.WEIGHT_UNITS))
        .outerjoin(WorkoutExercise, WorkoutExercise.workout_id == Workout.id)
        .outerjoin(WorkoutSet, and_(WorkoutSet.workout_exercise_id == WorkoutExercise.id,
                                    WorkoutSet.is_warmup.is_(False)))
        .where(Workout.user_id == user.id)
        .group_by(Workout.performed_at, Workout.id)
    )
    unit = calc.training_unit(user.weight_unit)
    sessions = [
        calc.SessionTotals(performed_at, duration, count, reps or 0,
                           _volume(dict(zip(calc.WEIGHT_UNITS, volumes, strict=True)), unit))
        for performed_at, duration, count, reps, *volumes
        in db.session.execute(in_range(stmt, start, end))
    ]
    return {"start": start, "end": end, **calc.summary_of_totals(sessions, unit)}


def _volume(milli_by_unit: dict[str, int | None], unit: str) -> Decimal:
    """One workout's volume in ``unit``, rounded to 2 decimals like its report's."""
    if not any(milli for weight_unit, milli in milli_by_unit.items() if weight_unit != unit):
        # Everything logged in the summary's unit (the usual case): half-up to hundredths in
        # integers, exact because a volume is never negative.
        return Decimal(((milli_by_unit.get(unit) or 0) + 5) // 10).scaleb(-2)
    volume = Decimal(0)
    for weight_unit, milli in milli_by_unit.items():
        if milli:
            volume += calc.convert_weight(Decimal(milli) / 1000, weight_unit, unit)
    return Decimal(str(calc.round2(volume)))


def exercise_history(user: User, exercise_id: int) -> dict[str, Any]:
    """Every logged set of one exercise, grouped per workout, oldest first: two queries."""
    exercise = get_visible_exercise(user.id, exercise_id)
    rows = db.session.execute(
        select(WorkoutSet, Workout.id, Workout.performed_at)
        .join(WorkoutSet.workout_exercise)
        .join(WorkoutExercise.workout)
        .where(WorkoutExercise.exercise_id == exercise.id, Workout.user_id == user.id)
        .order_by(Workout.performed_at, Workout.id, WorkoutExercise.exercise_order,
                  WorkoutExercise.id, WorkoutSet.set_number)
    ).all()
    grouped: dict[int, dict[str, Any]] = {}
    for row, workout_id, performed_at in rows:
        session = grouped.setdefault(
            workout_id, {"workout_id": workout_id, "performed_at": performed_at, "sets": []}
        )
        session["sets"].append(row)
    unit = calc.training_unit(user.weight_unit)
    sessions = [_session(session, unit) for session in grouped.values()]
    records = calc.personal_records(
        (calc.SessionRows(s["workout_id"], s["performed_at"], None,
                          tuple(_set_row(r) for r in s["sets"])) for s in sessions),
        unit,
    )
    return {"exercise": exercise, "volume_unit": unit, "sessions": sessions,
            "personal_records": records}


def _session(session: dict[str, Any], unit: str) -> dict[str, Any]:
    summary = calc.session_summary(tuple(_set_row(r) for r in session["sets"]), unit)
    best = summary["best_index"]
    return {
        **session,
        "best_set": None if best is None else session["sets"][best],
        "estimated_1rm": summary["estimated_1rm"],
        "volume": summary["volume"],
    }
