"""Use cases of the exercise catalogue: built-ins for everyone, custom ones per user."""

from __future__ import annotations

from sqlalchemy import exists, or_, select
from sqlalchemy.exc import IntegrityError

from pmp.core.errors import Conflict, Forbidden, NotFound
from pmp.core.extensions import db
from pmp.workouts.models import Exercise, WorkoutExercise
from pmp.workouts.plan_models import PlanExercise

TAKEN = "You already have an exercise with this name."
IN_USE = "The exercise is used in a workout; remove it from its workouts first."
IN_PLAN = "The exercise is used in a plan; remove it from its plans first."


def name_key(name: str) -> str:
    """The key that makes exercise names unique per owner regardless of case and spacing."""
    return " ".join(name.split()).casefold()


def visible(user_id: int):
    """Filter for the exercises a user can see: the built-in catalogue and their own."""
    return or_(Exercise.user_id.is_(None), Exercise.user_id == user_id)


def list_exercises(user_id: int, q: str | None = None, category: str | None = None,
                   muscle_group: str | None = None) -> list[Exercise]:
    stmt = select(Exercise).where(visible(user_id))
    if q:
        stmt = stmt.where(Exercise.name_key.contains(name_key(q), autoescape=True))
    if category:
        stmt = stmt.where(Exercise.category == category)
    if muscle_group:
        stmt = stmt.where(Exercise.muscle_group == muscle_group)
    return list(db.session.scalars(stmt.order_by(Exercise.name_key, Exercise.id)))


def get_visible_exercise(user_id: int, exercise_id: int) -> Exercise:
    exercise = db.session.scalar(
        select(Exercise).where(Exercise.id == exercise_id, visible(user_id))
    )
    if exercise is None:
        raise NotFound("Exercise not found.")
    return exercise


def _own_exercise(user_id: int, exercise_id: int) -> Exercise:
    exercise = get_visible_exercise(user_id, exercise_id)
    if exercise.user_id is None:
        raise Forbidden("Built-in exercises are read-only.")
    return exercise


def create_exercise(user_id: int, data: dict) -> Exercise:
    exercise = Exercise(user_id=user_id)
    _assign(exercise, data)
    db.session.add(exercise)
    _commit_or_conflict(TAKEN)
    return exercise


def update_exercise(user_id: int, exercise_id: int, data: dict) -> Exercise:
    exercise = _own_exercise(user_id, exercise_id)
    _assign(exercise, data)
    _commit_or_conflict(TAKEN)
    return exercise


def delete_exercise(user_id: int, exercise_id: int) -> None:
    exercise = _own_exercise(user_id, exercise_id)
    in_use = db.session.scalar(
        select(exists().where(WorkoutExercise.exercise_id == exercise.id))
    )
    if in_use:
        raise Conflict(IN_USE)
    if db.session.scalar(select(exists().where(PlanExercise.exercise_id == exercise.id))):
        raise Conflict(IN_PLAN)
    db.session.delete(exercise)
    _commit_or_conflict(IN_USE)  # the (deferred) foreign key backs the check


def _assign(exercise: Exercise, data: dict) -> None:
    if "name" in data:
        exercise.name = " ".join(data["name"].split())
        exercise.name_key = name_key(data["name"])
    for field in ("category", "muscle_group"):
        if field in data:
            setattr(exercise, field, data[field])


def _commit_or_conflict(message: str) -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(message) from None
