"""Export and import of a user's custom exercises and workouts (part of /api/me/export).

Exercises are referred to by name (``custom`` says whether it is the user's own or a built-in),
so that a document imports into another account or another installation.
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validates_schema
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pmp.auth.models import User
from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.workouts.calc import training_unit
from pmp.workouts.exercises import name_key
from pmp.workouts.models import Exercise, Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.schemas import (
    NAME,
    NOTES,
    BaseSchema,
    ExerciseSchema,
    SetSchema,
    WorkoutSchema,
    bounded_int,
)

CustomExerciseSchema = ExerciseSchema(only=("name", "category", "muscle_group"))
SET_FIELDS = ("set_number", "reps", "weight", "weight_unit", "rpe", "rir", "duration_seconds",
              "distance_meters", "is_warmup")
ORDER = bounded_int(0, 10_000, load_default=0)


class _EntryDocSchema(BaseSchema):
    exercise_name = fields.String(required=True, validate=NAME)
    custom = fields.Boolean(load_default=False)
    exercise_order = ORDER
    notes = fields.String(allow_none=True, load_default=None, validate=NOTES)
    sets = fields.List(fields.Nested(SetSchema(only=SET_FIELDS)), load_default=list)

    @validates_schema
    def _unique_set_numbers(self, data, **kwargs):
        numbers = [row["set_number"] for row in data.get("sets", []) if "set_number" in row]
        if len(numbers) != len(set(numbers)):
            raise ValidationError("Set numbers must be unique within an exercise.", "sets")


class _WorkoutDocSchema(WorkoutSchema):
    exercises = fields.List(fields.Nested(_EntryDocSchema), load_default=list)


class WorkoutsDocSchema(BaseSchema):
    custom_exercises = fields.List(fields.Nested(CustomExerciseSchema), load_default=list)
    workouts = fields.List(
        fields.Nested(_WorkoutDocSchema(exclude=("id", "created_at", "updated_at"))),
        load_default=list,
    )


def export_data(user_id: int) -> dict[str, Any]:
    """Custom exercises and workouts (with entries and sets) as JSON-ready data."""
    exercises = db.session.scalars(
        select(Exercise).filter_by(user_id=user_id).order_by(Exercise.name_key)
    ).all()
    workouts = db.session.scalars(
        select(Workout)
        .filter_by(user_id=user_id)
        .order_by(Workout.performed_at, Workout.id)
        .options(selectinload(Workout.exercises).selectinload(WorkoutExercise.sets))
    ).all()
    return {
        "custom_exercises": CustomExerciseSchema.dump(exercises, many=True),
        "workouts": [_export_workout(workout) for workout in workouts],
    }


def _export_workout(workout: Workout) -> dict[str, Any]:
    doc = WorkoutSchema(only=("performed_at", "duration_minutes", "notes")).dump(workout)
    doc["exercises"] = [
        {
            "exercise_name": entry.exercise.name,
            "custom": entry.exercise.user_id is not None,
            "exercise_order": entry.exercise_order,
            "notes": entry.notes,
            "sets": SetSchema(only=SET_FIELDS).dump(entry.sets, many=True),
        }
        for entry in workout.exercises
    ]
    return doc


def import_data(user_id: int, data: dict) -> dict[str, int]:
    """Validate and add the document's exercises and workouts; flushes, never commits.

    A custom exercise whose name the user already has is reused, not duplicated.
    """
    try:
        doc = WorkoutsDocSchema().load(data)
    except ValidationError as error:
        raise ValidationFailed("The workouts document did not validate.", error.messages) from None
    unit = training_unit(db.session.get(User, user_id).weight_unit)
    exercises, created = _import_exercises(user_id, doc["custom_exercises"])
    counts = {"custom_exercises": created, "workouts": 0, "workout_exercises": 0, "sets": 0}
    for index, workout_doc in enumerate(doc["workouts"]):
        entries = workout_doc.pop("exercises")
        workout = Workout(user_id=user_id, **workout_doc)
        for number, entry_doc in enumerate(entries):
            exercise = _exercise_for(exercises, entry_doc, f"workouts.{index}.exercises.{number}")
            sets = _numbered_sets(entry_doc.pop("sets"), unit)
            entry_doc.pop("exercise_name"), entry_doc.pop("custom")
            workout.exercises.append(WorkoutExercise(exercise=exercise, sets=sets, **entry_doc))
            counts["workout_exercises"] += 1
            counts["sets"] += len(sets)
        db.session.add(workout)
        counts["workouts"] += 1
    db.session.flush()
    return counts


def _numbered_sets(rows: list[dict], unit: str) -> list[WorkoutSet]:
    """Sets of a document entry; those without a number get the next free ones."""
    last = max((row["set_number"] for row in rows if "set_number" in row), default=0)
    sets = []
    for row in rows:
        if "set_number" not in row:
            last += 1
            row = {**row, "set_number": last}
        sets.append(WorkoutSet(**{"weight_unit": unit, **row}))
    return sets


def _import_exercises(user_id: int, docs: list[dict]) -> tuple[dict, int]:
    """Map (custom, name key) to the exercises visible to the user, adding missing custom ones."""
    visible = db.session.scalars(
        select(Exercise).where((Exercise.user_id == user_id) | Exercise.user_id.is_(None))
    ).all()
    known = {(e.user_id is not None, e.name_key): e for e in visible}
    created = 0
    for doc in docs:
        key = (True, name_key(doc["name"]))
        if key not in known:
            known[key] = Exercise(user_id=user_id, name=" ".join(doc["name"].split()),
                                  name_key=key[1], category=doc["category"],
                                  muscle_group=doc.get("muscle_group"))
            db.session.add(known[key])
            created += 1
    return known, created


def _exercise_for(known: dict, entry_doc: dict, where: str) -> Exercise:
    exercise = known.get((entry_doc["custom"], name_key(entry_doc["exercise_name"])))
    if exercise is None:
        raise ValidationFailed("The workouts document names an unknown exercise.",
                               {where: [f"Unknown exercise {entry_doc['exercise_name']!r}."]})
    return exercise
