"""Read-only use cases that aggregate: workout report, stats summary, exercise history.

Each loads plain rows in a fixed number of queries (whatever the number of workouts) and
hands them to the pure functions of ``calc``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select

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
    """Totals and ISO-week buckets over the workouts in ``[start, end)``: two queries."""
    workouts = db.session.execute(
        in_range(
            select(Workout.id, Workout.performed_at, Workout.duration_minutes)
            .where(Workout.user_id == user.id),
            start, end,
        )
    ).all()
    set_rows = db.session.execute(
        in_range(
            select(WorkoutExercise.workout_id, WorkoutSet.reps, WorkoutSet.weight,
                   WorkoutSet.weight_unit, WorkoutSet.is_warmup)
            .join(WorkoutExercise.workout)
            .join(WorkoutSet, WorkoutSet.workout_exercise_id == WorkoutExercise.id)
            .where(Workout.user_id == user.id),
            start, end,
        )
    ).all()
    sets_by_workout: dict[int, list[calc.SetRow]] = defaultdict(list)
    for workout_id, *fields in set_rows:
        sets_by_workout[workout_id].append(calc.SetRow(*fields))
    sessions = [
        calc.SessionRows(wid, performed_at, duration, tuple(sets_by_workout[wid]))
        for wid, performed_at, duration in workouts
    ]
    summary = calc.stats_summary(sessions, calc.training_unit(user.weight_unit))
    return {"start": start, "end": end, **summary}


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
