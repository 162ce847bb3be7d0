"""Read-only use cases that aggregate: workout report, stats summary, exercise history.

Each loads plain rows in a fixed number of queries (whatever the number of workouts) and
hands them to the pure functions of ``calc``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, cast, func, select

from pmp.auth.models import User
from pmp.extensions import db
from pmp.workouts import calc
from pmp.workouts.exercise_service import get_visible_exercise
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.service import get_workout_details, in_range


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
    """Totals and ISO-week buckets over the workouts in ``[start, end)``: two queries.

    The sets are summed in SQL per workout and weight unit, weights as integer thousandths so
    the sums are exact on every backend; loading two years of sets row by row took 100 ms.
    """
    workouts = db.session.execute(
        in_range(
            select(Workout.id, Workout.performed_at, Workout.duration_minutes)
            .where(Workout.user_id == user.id),
            start, end,
        )
    ).all()
    milli = cast(func.round(WorkoutSet.weight * 1000), BigInteger)
    sums = db.session.execute(
        in_range(
            select(WorkoutExercise.workout_id, WorkoutSet.weight_unit, func.count(),
                   func.sum(WorkoutSet.reps), func.sum(WorkoutSet.reps * milli))
            .join(WorkoutExercise.workout)
            .join(WorkoutSet, WorkoutSet.workout_exercise_id == WorkoutExercise.id)
            .where(Workout.user_id == user.id, WorkoutSet.is_warmup.is_(False))
            .group_by(WorkoutExercise.workout_id, WorkoutSet.weight_unit),
            start, end,
        )
    ).all()
    unit = calc.training_unit(user.weight_unit)
    by_workout: dict[int, list] = defaultdict(lambda: [0, 0, Decimal(0)])
    for workout_id, weight_unit, count, reps, volume_milli in sums:
        figures = by_workout[workout_id]
        figures[0] += count
        figures[1] += reps or 0
        if volume_milli:
            figures[2] += calc.convert_weight(Decimal(volume_milli) / 1000, weight_unit, unit)
    sessions = []
    for wid, performed_at, duration in workouts:
        count, reps, volume = by_workout.get(wid) or (0, 0, Decimal(0))
        volume = Decimal(str(calc.round2(volume)))
        sessions.append(calc.SessionTotals(performed_at, duration, count, reps, volume))
    return {"start": start, "end": end, **calc.summary_of_totals(sessions, unit)}


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
