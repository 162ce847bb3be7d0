"""Read-only use cases that aggregate: workout report and stats summary (the exercise's own
history, progress and records: pmp.workouts.progress, pmp.workouts.records).

Each loads plain rows in a fixed number of queries (whatever the number of workouts) and
hands them to the pure functions of ``calc``.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select

from pmp.auth.models import User
from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.workouts import aggregates, calc, records
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.workout_log import get_workout_details, in_range

DEFAULT_WEEKS = 12
MAX_SUMMARY_SPAN = timedelta(days=5 * 366)


def _set_row(row: WorkoutSet) -> calc.SetRow:
    return calc.SetRow(row.reps, row.weight, row.weight_unit, row.is_warmup)


def workout_report(user: User, workout_id: int) -> dict[str, Any]:
    """Totals per exercise and the personal records the workout set: five statements."""
    workout = get_workout_details(user.id, workout_id)
    entries = [
        calc.ExerciseRows(
            entry.id, entry.exercise_id, entry.exercise_name,
            tuple(_set_row(row) for row in entry.sets),
        )
        for entry in workout.exercises
    ]
    unit = calc.training_unit(user.weight_unit)
    return {
        "workout_id": workout.id,
        "performed_at": workout.performed_at,
        "duration_minutes": workout.duration_minutes,
        "notes": workout.notes,
        **calc.workout_report(entries, unit),
        "personal_records": records.workout_records(workout, entries, unit),
    }


def summary_range(start: datetime | None, end: datetime | None,
                  now: datetime | None = None) -> tuple[datetime, datetime]:
    """The summary's range: by default the last 12 ISO weeks (from the Monday 11 weeks before
    this week to now); at most MAX_SUMMARY_SPAN."""
    end = end or now or utcnow()
    if start is None:
        day = (end - timedelta(microseconds=1)).date()
        monday = day - timedelta(days=day.weekday(), weeks=DEFAULT_WEEKS - 1)
        start = datetime.combine(monday, time(), UTC)
    if start >= end:
        raise ValidationFailed("The range is empty.", {"to": ["Must be later than 'from'."]})
    if end - start > MAX_SUMMARY_SPAN:
        raise ValidationFailed("The summary spans at most 5 years.",
                               {"from": ["At most 5 years before 'to'."]})
    return start, end


def stats_summary(user: User, start: datetime | None, end: datetime | None) -> dict[str, Any]:
    """Totals and ISO-week buckets (every week of the range, zeros included) over the workouts
    in ``[start, end)`` (defaults: `summary_range`): one query.

    The working sets are summed in SQL, one row per workout (a workout without sets still
    counts), oldest first: the grouping follows the (user, performed_at) index, so the database
    streams the groups instead of sorting the sets. Volumes come as integer thousandths per
    weight unit, exact on every backend. Before: two queries and a sort of every set
    (docs/PERFORMANCE.md).
    """
    start, end = summary_range(start, end)
    milli = aggregates.MILLI

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
                           aggregates.volume(dict(zip(calc.WEIGHT_UNITS, volumes, strict=True)),
                                             unit))
        for performed_at, duration, count, reps, *volumes
        in db.session.execute(in_range(stmt, start, end))
    ]
    return {"start": start, "end": end,
            **calc.summary_of_totals(sessions, unit, calc.iso_weeks(start, end))}
