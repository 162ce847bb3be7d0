"""An exercise over time: its history paged, its progress series, and "last time".

Every use case runs a fixed number of statements whatever the account's size, and reads
aggregates (one row per workout) or one page of sets, never the whole history.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_, select

from pmp.auth.models import User
from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.core.pagination import paginate
from pmp.workouts import aggregates, calc
from pmp.workouts.exercises import get_visible_exercise
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.records import exercise_records
from pmp.workouts.workout_log import get_workout

BUCKETS = ("session", "week", "month")
DEFAULT_SPAN = timedelta(days=365)
# the longest range per bucket: the number of points stays bounded
MAX_SPAN = {"session": timedelta(days=2 * 366), "week": timedelta(days=25 * 366),
            "month": timedelta(days=25 * 366)}


def _set_row(row: WorkoutSet) -> calc.SetRow:
    return calc.SetRow(row.reps, row.weight, row.weight_unit, row.is_warmup)


def _has_sets(exercise_id: int):
    """Filter: the workout has at least one set of the exercise."""
    return exists().where(WorkoutExercise.workout_id == Workout.id,
                          WorkoutExercise.exercise_id == exercise_id,
                          WorkoutSet.workout_exercise_id == WorkoutExercise.id)


def _sets_of(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], list[WorkoutSet]]:
    """The sets of each (workout id, exercise id), in workout order: one statement."""
    return _sets_and_times(pairs)[0]


def _sets_and_times(pairs: list[tuple[int, int]]
                    ) -> tuple[dict[tuple[int, int], list[WorkoutSet]], dict[int, datetime]]:
    """`_sets_of`, and when each of those workouts was performed."""
    found: dict[tuple[int, int], list[WorkoutSet]] = {pair: [] for pair in pairs}
    if not pairs:
        return found, {}
    rows = db.session.execute(
        select(WorkoutSet, WorkoutExercise.workout_id, WorkoutExercise.exercise_id,
               Workout.performed_at)
        .join(WorkoutSet.workout_exercise)
        .join(WorkoutExercise.workout)
        .where(WorkoutExercise.workout_id.in_({w for w, _ in pairs}),
               WorkoutExercise.exercise_id.in_({e for _, e in pairs}))
        .order_by(WorkoutExercise.exercise_order, WorkoutExercise.id, WorkoutSet.set_number)
    ).all()
    when = {}
    for row, workout_id, exercise_id, performed_at in rows:
        if (workout_id, exercise_id) in found:
            found[(workout_id, exercise_id)].append(row)
            when[workout_id] = performed_at
    return found, when


def exercise_history(user: User, exercise_id: int, limit: int, offset: int
                     ) -> tuple[dict[str, Any], int]:
    """One page of the workouts with sets of the exercise, newest first, and its records."""
    exercise = get_visible_exercise(user.id, exercise_id)
    page, total = paginate(
        select(Workout).where(Workout.user_id == user.id, _has_sets(exercise.id))
        .order_by(Workout.performed_at.desc(), Workout.id.desc()), limit, offset)
    sets = _sets_of([(workout.id, exercise.id) for workout in page])
    unit = calc.training_unit(user.weight_unit)
    sessions = [_session(workout, sets[(workout.id, exercise.id)], unit) for workout in page]
    return {"exercise": exercise, "volume_unit": unit, "sessions": sessions,
            "personal_records": exercise_records(user, exercise.id)}, total


def _session(workout: Workout, sets: list[WorkoutSet], unit: str) -> dict[str, Any]:
    summary = calc.session_summary(tuple(_set_row(r) for r in sets), unit)
    best = summary["best_index"]
    return {"workout_id": workout.id, "performed_at": workout.performed_at, "sets": sets,
            "best_set": None if best is None else sets[best],
            "estimated_1rm": summary["estimated_1rm"], "volume": summary["volume"]}


def progress_range(start: date | None, end: date | None, bucket: str,
                   today: date | None = None) -> tuple[date, date]:
    """The range asked for with its defaults (to: today, from: a year before), checked."""
    end = end or today or datetime.now(UTC).date()
    start = start or end - DEFAULT_SPAN
    if start > end:
        raise ValidationFailed("The range is empty.", {"to": ["Must not be before 'from'."]})
    if end - start > MAX_SPAN[bucket]:
        years = MAX_SPAN[bucket].days // 366
        raise ValidationFailed(f"A {bucket} series spans at most {years} years.",
                               {"from": [f"At most {years} years before 'to'."]})
    return start, end


def _bucket_start(moment: datetime, bucket: str) -> date:
    day = moment.date()
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def exercise_progress(user: User, exercise_id: int, start: date | None, end: date | None,
                      bucket: str) -> dict[str, Any]:
    """Per session, ISO week or month of ``[from, to]`` (whole days, UTC): the best e1RM and
    weight, volume, sets and reps; oldest first, buckets without sets left out."""
    exercise = get_visible_exercise(user.id, exercise_id)
    start, end = progress_range(start, end, bucket)
    unit = calc.training_unit(user.weight_unit)
    since = datetime.combine(start, time(), UTC)
    until = datetime.combine(end + timedelta(days=1), time(), UTC)
    rows = db.session.execute(
        aggregates.exercise_sessions(user.id, exercise.id)
        .where(Workout.performed_at >= since, Workout.performed_at < until)
        .order_by(Workout.performed_at, Workout.id))
    points: dict[Any, dict[str, Any]] = {}
    for row in rows:
        one = aggregates.session(row, unit)
        key = one.workout_id if bucket == "session" else _bucket_start(one.performed_at, bucket)
        _add(points.setdefault(key, _point(one, bucket)), one)
    return {"exercise": exercise, "start": start, "end": end, "bucket": bucket, "unit": unit,
            "points": [_rounded(point) for point in points.values()]}


def _point(first: aggregates.Session, bucket: str) -> dict[str, Any]:
    single = bucket == "session"
    return {"start": _bucket_start(first.performed_at, bucket),
            "workout_id": first.workout_id if single else None,
            "performed_at": first.performed_at if single else None,
            "sessions": 0, "estimated_1rm": None, "max_weight": None, "volume": 0,
            "sets": 0, "reps": 0}


def _add(point: dict[str, Any], one: aggregates.Session) -> None:
    point["sessions"] += 1
    point["sets"] += one.sets
    point["reps"] += one.reps
    point["volume"] += one.volume
    for name in ("estimated_1rm", "max_weight"):
        value = getattr(one, name)
        if value is not None and (point[name] is None or value > point[name]):
            point[name] = value


def _rounded(point: dict[str, Any]) -> dict[str, Any]:
    return {**point, **{name: calc.round2(point[name])
                        for name in ("estimated_1rm", "max_weight", "volume")}}


def last_sets(user: User, exercise_ids: list[int], before: Workout | None
              ) -> list[dict[str, Any]]:
    """For each exercise, its sets of the latest workout (before ``before``) that has some:
    two statements whatever the number of exercises."""
    if not exercise_ids:
        return []
    latest = {}
    for exercise_id in exercise_ids:
        stmt = (select(Workout.id).where(Workout.user_id == user.id, _has_sets(exercise_id))
                .order_by(Workout.performed_at.desc(), Workout.id.desc()).limit(1))
        if before is not None:
            stmt = stmt.where(or_(Workout.performed_at < before.performed_at,
                                  and_(Workout.performed_at == before.performed_at,
                                       Workout.id < before.id)))
        latest[exercise_id] = stmt.scalar_subquery()
    found = db.session.execute(select(*latest.values())).one()
    workout_of = dict(zip(exercise_ids, found, strict=True))
    sets, when = _sets_and_times([(w, e) for e, w in workout_of.items() if w is not None])
    return [{"exercise_id": e, "workout_id": w, "performed_at": when.get(w),
             "sets": sets.get((w, e), [])} for e, w in workout_of.items()]


def exercise_last(user: User, exercise_id: int, before_id: int | None) -> dict[str, Any]:
    exercise = get_visible_exercise(user.id, exercise_id)
    before = get_workout(user.id, before_id) if before_id is not None else None
    return last_sets(user, [exercise.id], before)[0]


def workout_last(user: User, workout_id: int) -> list[dict[str, Any]]:
    """"Last time" of every distinct exercise of a workout, in the workout's order."""
    workout = get_workout(user.id, workout_id)
    ordered = db.session.execute(
        select(WorkoutExercise.exercise_id).where(WorkoutExercise.workout_id == workout.id)
        .order_by(WorkoutExercise.exercise_order, WorkoutExercise.id)).scalars()
    return last_sets(user, list(dict.fromkeys(ordered)), workout)
