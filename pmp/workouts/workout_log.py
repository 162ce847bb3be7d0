"""Use cases of workouts, their exercise entries and their sets; every query is owner-scoped.

A write that can change an exercise's records (its sets, a workout's date, a deletion) brings
the record book up to date in its own transaction (`record_book.refresh`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from pmp.auth.models import User
from pmp.core.errors import Conflict, NotFound, ValidationFailed
from pmp.core.extensions import db
from pmp.core.pagination import paginate
from pmp.workouts import record_book
from pmp.workouts.calc import training_unit
from pmp.workouts.exercises import get_visible_exercise
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.schemas import MAX_EXERCISE_ORDER, MAX_SET_NUMBER

DUPLICATE_SET = "This exercise already has a set with that number."
SET_NUMBER_ATTEMPTS = 3
RECORD_FIELDS = {"reps", "weight", "weight_unit", "is_warmup"}  # what records are made of


def in_range(stmt: Select, start: datetime | None, end: datetime | None) -> Select:
    """Restrict to workouts performed in ``[start, end)``; either bound may be open."""
    if start and end and start >= end:
        raise ValidationFailed("The range is empty.", {"to": ["Must be later than 'from'."]})
    if start:
        stmt = stmt.where(Workout.performed_at >= start)
    if end:
        stmt = stmt.where(Workout.performed_at < end)
    return stmt


def list_workouts(user_id: int, args: dict) -> tuple[list[Workout], int]:
    stmt = select(Workout).where(Workout.user_id == user_id)
    stmt = in_range(stmt, args.get("start"), args.get("end"))
    stmt = stmt.order_by(Workout.performed_at.desc(), Workout.id.desc())
    return paginate(stmt, args["limit"], args["offset"])


def get_workout(user_id: int, workout_id: int) -> Workout:
    workout = db.session.scalar(select(Workout).filter_by(id=workout_id, user_id=user_id))
    if workout is None:
        raise NotFound("Workout not found.")
    return workout


def get_workout_details(user_id: int, workout_id: int) -> Workout:
    """The workout with its entries (exercise joined) and their sets, in three queries."""
    workout = db.session.scalar(
        select(Workout)
        .filter_by(id=workout_id, user_id=user_id)
        .options(selectinload(Workout.exercises).selectinload(WorkoutExercise.sets))
    )
    if workout is None:
        raise NotFound("Workout not found.")
    return workout


def create_workout(user_id: int, data: dict) -> Workout:
    workout = Workout(user_id=user_id, **data)
    db.session.add(workout)
    db.session.commit()
    return workout


def update_workout(user_id: int, workout_id: int, data: dict) -> Workout:
    """PATCH sends only some fields; PUT's schema fills the missing ones with null."""
    workout = get_workout(user_id, workout_id)
    before = record_book.position(workout)
    for field, value in data.items():
        setattr(workout, field, value)
    if record_book.position(workout) != before:  # moved in the history: records may move
        record_book.refresh(user_id, record_book.exercises_of(workout.id),
                            min(before, record_book.position(workout)))
    db.session.commit()
    return workout


def delete_workout(user_id: int, workout_id: int) -> None:
    workout = get_workout(user_id, workout_id)
    exercise_ids, since = record_book.exercises_of(workout.id), record_book.position(workout)
    db.session.delete(workout)
    record_book.refresh(user_id, exercise_ids, since)
    db.session.commit()


def get_entry(user_id: int, entry_id: int) -> WorkoutExercise:
    return _own_entry(user_id, entry_id)


def _own_entry(user_id: int, entry_id: int) -> WorkoutExercise:
    entry = db.session.scalar(
        select(WorkoutExercise)
        .join(Workout)
        .where(WorkoutExercise.id == entry_id, Workout.user_id == user_id)
    )
    if entry is None:
        raise NotFound("Workout exercise not found.")
    return entry


def add_entry(user_id: int, workout_id: int, data: dict) -> WorkoutExercise:
    workout = get_workout(user_id, workout_id)
    exercise = get_visible_exercise(user_id, data["exercise_id"])
    if "exercise_order" not in data:
        data = {**data, "exercise_order": _next_exercise_order(workout.id)}
    data = {"target_weight_unit": preferred_unit(user_id), **data}
    entry = WorkoutExercise(workout=workout, exercise=exercise, **data)
    db.session.add(entry)
    db.session.commit()
    return entry


def preferred_unit(user_id: int) -> str:
    """The user's training unit (the guard loaded the user: no query)."""
    return training_unit(db.session.get(User, user_id).weight_unit)


def _next_exercise_order(workout_id: int) -> int:
    """After the workout's last entry, never past the highest order accepted.

    At the cap the new entry shares the last order; entries are listed by (order, id), so it
    still comes last, and the value stays one that PATCH and the import accept.
    """
    last = db.session.scalar(
        select(func.max(WorkoutExercise.exercise_order)).filter_by(workout_id=workout_id)
    )
    return min((last or 0) + 1, MAX_EXERCISE_ORDER)


def update_entry(user_id: int, entry_id: int, data: dict) -> WorkoutExercise:
    entry = _own_entry(user_id, entry_id)
    for field, value in data.items():
        setattr(entry, field, value)
    db.session.commit()
    return entry


def delete_entry(user_id: int, entry_id: int) -> None:
    entry = _own_entry(user_id, entry_id)
    exercise_id, since = entry.exercise_id, record_book.position(entry.workout)
    db.session.delete(entry)
    record_book.refresh(user_id, [exercise_id], since)
    db.session.commit()


def _sets_changed(user_id: int, entry: WorkoutExercise) -> None:
    """The entry's sets changed: its exercise's records from its workout on."""
    record_book.refresh(user_id, [entry.exercise_id], record_book.position(entry.workout))


def get_set(user_id: int, set_id: int) -> WorkoutSet:
    return _own_set(user_id, set_id)


def _own_set(user_id: int, set_id: int) -> WorkoutSet:
    row = db.session.scalar(
        select(WorkoutSet)
        .join(WorkoutExercise)
        .join(Workout)
        .where(WorkoutSet.id == set_id, Workout.user_id == user_id)
    )
    if row is None:
        raise NotFound("Set not found.")
    return row


def add_set(user: User, entry_id: int, data: dict) -> WorkoutSet:
    """Add a set; without ``set_number`` it gets the next free one (retried on a race)."""
    data = {"weight_unit": training_unit(user.weight_unit), **data}
    for _ in range(SET_NUMBER_ATTEMPTS):
        entry = _own_entry(user.id, entry_id)
        number = data.get("set_number") or _next_set_number(entry.id)
        row = WorkoutSet(workout_exercise_id=entry.id, **{**data, "set_number": number})
        db.session.add(row)
        try:
            db.session.flush()
            _sets_changed(user.id, entry)
            db.session.commit()
            return row
        except IntegrityError:
            db.session.rollback()
            if "set_number" in data:
                raise Conflict(DUPLICATE_SET) from None
    raise Conflict("Another set was added at the same time; please retry.")


def _next_set_number(entry_id: int) -> int:
    """After the entry's last set; set numbers are unique, so past the cap there is none."""
    last = db.session.scalar(
        select(func.max(WorkoutSet.set_number)).where(WorkoutSet.workout_exercise_id == entry_id)
    )
    if (last or 0) >= MAX_SET_NUMBER:
        raise ValidationFailed(
            f"The last set is number {MAX_SET_NUMBER}, the highest allowed.",
            {"set_number": [f"No number is left after {MAX_SET_NUMBER}; give a free one."]},
        )
    return (last or 0) + 1


def update_set(user_id: int, set_id: int, data: dict) -> WorkoutSet:
    row = _own_set(user_id, set_id)
    for field, value in data.items():
        setattr(row, field, value)
    try:
        db.session.flush()
        if data.keys() & RECORD_FIELDS:
            _sets_changed(user_id, row.workout_exercise)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(DUPLICATE_SET) from None
    return row


def delete_set(user_id: int, set_id: int) -> None:
    row = _own_set(user_id, set_id)
    entry = row.workout_exercise
    db.session.delete(row)
    _sets_changed(user_id, entry)
    db.session.commit()
