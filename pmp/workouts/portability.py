"""Export and import of a user's custom exercises and workouts (part of /api/me/export).

Exercises are referred to by name (``custom`` says whether it is the user's own or a built-in),
so that a document imports into another account or another installation. The import checks
the whole document first (pmp.workouts.document), then every exercise it names, and only then
writes, with a bulk INSERT per table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from pmp.auth.models import User
from pmp.core.bulk import insert_ids, insert_rows
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.core.records import RecordErrors
from pmp.workouts import record_book
from pmp.workouts.calc import training_unit
from pmp.workouts.document import CUSTOM_EXERCISE, SET_FIELDS, TARGET_FIELDS, load_document
from pmp.workouts.exercises import name_key, visible
from pmp.workouts.models import Exercise, Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.plan_models import Plan, PlanDate, PlanExercise, weekday_mask, weekdays_of
from pmp.workouts.schemas import WorkoutSchema

WORKOUT_FIELDS = ("performed_at", "duration_minutes", "notes", "created_at", "updated_at")
TIMESTAMP = WorkoutSchema().fields["performed_at"]
AMOUNTS = ("weight", "rpe", "distance_meters")
TARGET_AMOUNTS = ("target_weight", "target_rpe")


def export_data(user_id: int) -> dict[str, Any]:
    """Custom exercises and workouts (with entries and sets) as JSON-ready data: four queries
    of plain rows on the connection (no ORM result layer, no schema pass per set), so that ten
    years of training (60,000 sets) export in well under a second."""
    exercises = db.session.scalars(
        select(Exercise).filter_by(user_id=user_id).order_by(Exercise.name_key)
    ).all()
    connection = db.session.connection()
    sets: dict[int, list[dict]] = {}
    for entry_id, *values in connection.execute(_sets_of(user_id)):
        sets.setdefault(entry_id, []).append(set_doc(values))
    entries: dict[int, list[dict]] = {}
    for entry_id, workout_id, order, notes, name, owner, *targets in connection.execute(
            _entries_of(user_id)):
        entries.setdefault(workout_id, []).append({
            "exercise_name": name, "custom": owner is not None, "exercise_order": order,
            "notes": notes, **targets_doc(targets), "sets": sets.get(entry_id, []),
        })  # fmt: skip
    workouts = connection.execute(
        select(Workout.id, *(getattr(Workout, k) for k in WORKOUT_FIELDS))
        .where(Workout.user_id == user_id).order_by(Workout.performed_at, Workout.id)
    )  # fmt: skip
    return {
        "custom_exercises": CUSTOM_EXERCISE.dump(exercises, many=True),
        "workouts": [_workout_doc(values, entries.get(values[0], [])) for values in workouts],
        "plans": export_plans(user_id),
    }  # fmt: skip


def _workout_doc(values, exercises: list[dict]) -> dict[str, Any]:
    """A workout as WorkoutSchema dumps it (timestamps by its Timestamp field), with entries."""
    doc = dict(zip(WORKOUT_FIELDS, values[1:], strict=True))
    for key in ("performed_at", "created_at", "updated_at"):
        doc[key] = TIMESTAMP.serialize(key, doc)
    doc["exercises"] = exercises
    return doc


def _entries_of(user_id: int):
    return (
        select(WorkoutExercise.id, WorkoutExercise.workout_id, WorkoutExercise.exercise_order,
               WorkoutExercise.notes, Exercise.name, Exercise.user_id.label("owner"),
               *(getattr(WorkoutExercise, k) for k in TARGET_FIELDS))
        .join(Workout, WorkoutExercise.workout_id == Workout.id)
        .join(Exercise, WorkoutExercise.exercise_id == Exercise.id)
        .where(Workout.user_id == user_id)
        .order_by(WorkoutExercise.workout_id, WorkoutExercise.exercise_order, WorkoutExercise.id)
    )


def _sets_of(user_id: int):
    return (
        select(WorkoutSet.workout_exercise_id, *(getattr(WorkoutSet, k) for k in SET_FIELDS))
        .join(WorkoutExercise, WorkoutSet.workout_exercise_id == WorkoutExercise.id)
        .join(Workout, WorkoutExercise.workout_id == Workout.id)
        .where(Workout.user_id == user_id)
        .order_by(WorkoutSet.workout_exercise_id, WorkoutSet.set_number)
    )


def set_doc(values) -> dict[str, Any]:
    """A set (its SET_FIELDS values) as SetSchema dumps it, amounts as JSON numbers, without a
    schema pass: 60,000 sets are most of an export."""
    doc = dict(zip(SET_FIELDS, values, strict=True))
    for key in AMOUNTS:
        if doc[key] is not None:
            doc[key] = float(doc[key])
    return doc


def targets_doc(values) -> dict[str, Any]:
    """Targets (their TARGET_FIELDS values) as TargetsSchema dumps them."""
    doc = dict(zip(TARGET_FIELDS, values, strict=True))
    for key in TARGET_AMOUNTS:
        if doc[key] is not None:
            doc[key] = float(doc[key])
    return doc


def import_data(user_id: int, data: dict) -> dict[str, int]:
    """Validate and add the document's exercises and workouts; flushes, never commits.

    A custom exercise whose name the user already has is reused, not duplicated.
    """
    doc = load_document(data)
    plan = plan_exercises(user_id, doc)
    return write_document(db.session.get(User, user_id), doc, plan)


@dataclass
class ExercisePlan:
    """The exercises a document uses: (custom, name key) -> id of those that exist, and the
    custom ones to add (the first of the document's records with each name)."""

    known: dict[tuple[bool, str], int]
    missing: dict[tuple[bool, str], dict]


def plan_exercises(user_id: int, doc: dict) -> ExercisePlan:
    """Read, never write: refuses (422) a document with an entry naming an exercise that is
    neither built in, nor the user's, nor among the document's custom exercises."""
    rows = db.session.execute(
        select(Exercise.id, Exercise.user_id, Exercise.name_key).where(visible(user_id))
    )
    known = {(owner is not None, key): exercise_id for exercise_id, owner, key in rows}
    missing: dict[tuple[bool, str], dict] = {}
    for custom in doc["custom_exercises"]:
        key = (True, name_key(custom["name"]))
        if key not in known:
            missing.setdefault(key, custom)
    references = [(f"workouts.{n}.exercises.{m}", entry)
                  for n, workout in enumerate(doc["workouts"])
                  for m, entry in enumerate(workout["exercises"])]  # fmt: skip
    _check_references(references + plan_references(doc.get("plans", [])),
                      known.keys() | missing.keys())
    return ExercisePlan(known, missing)


def _check_references(references: list[tuple[str, dict]], names: set[tuple[bool, str]]) -> None:
    """Each (path, record naming an exercise) names one of ``names``."""
    errors = RecordErrors()
    for path, entry in references:
        if (entry["custom"], name_key(entry["exercise_name"])) not in names:
            errors.add(f"{path}.exercise_name", [f"Unknown exercise {entry['exercise_name']!r}."])
    errors.raise_if_any("The workouts document names an unknown exercise.")


def exercise_id(exercise_ids: dict, record: dict) -> int:
    """The id of the exercise a checked record names."""
    return exercise_ids[(record["custom"], name_key(record["exercise_name"]))]


def write_document(user: User, doc: dict[str, list[dict]], plan: ExercisePlan) -> dict[str, int]:
    """Add a document checked by `load_document` and `plan_exercises`; never commits."""
    exercise_ids = {**plan.known, **_add_exercises(user.id, plan.missing)}
    now = utcnow()
    workouts = doc["workouts"]
    workout_ids = insert_ids(Workout, [
        {"user_id": user.id, **{k: w.get(k, now) for k in WORKOUT_FIELDS}} for w in workouts
    ])  # fmt: skip
    entries = [(workout_id, entry)
               for workout_id, workout in zip(workout_ids, workouts, strict=True)
               for entry in workout["exercises"]]  # fmt: skip
    unit = training_unit(user.weight_unit)
    entry_ids = insert_ids(WorkoutExercise, [
        {"workout_id": workout_id, "exercise_order": entry["exercise_order"],
         "exercise_id": exercise_id(exercise_ids, entry), "notes": entry["notes"],
         **target_row(entry, unit)}
        for workout_id, entry in entries
    ])  # fmt: skip
    sets = [_set_row(entry_id, row, unit) for entry_id, (_, entry) in
            zip(entry_ids, entries, strict=True) for row in entry["sets"]]  # fmt: skip
    insert_rows(WorkoutSet, sets)
    record_book.refresh(user.id, {exercise_id(exercise_ids, entry) for _, entry in entries})
    plan_counts = write_plans(user.id, doc.get("plans", []), exercise_ids, unit)
    return {"custom_exercises": len(plan.missing), "workouts": len(workouts),
            "workout_exercises": len(entries), "sets": len(sets), **plan_counts}  # fmt: skip


def target_row(record: dict, unit: str) -> dict:
    """The target columns of a checked record (the unit defaults to the user's)."""
    return {key: record.get(key, unit if key == "target_weight_unit" else None)
            for key in TARGET_FIELDS}


def _add_exercises(user_id: int, missing: dict[tuple[bool, str], dict]) -> dict:
    ids = insert_ids(Exercise, [
        {"user_id": user_id, "name": " ".join(c["name"].split()), "name_key": key[1],
         "category": c["category"], "muscle_group": c.get("muscle_group")}
        for key, c in missing.items()
    ])  # fmt: skip
    return dict(zip(missing, ids, strict=True))


def _set_row(entry_id: int, row: dict, unit: str) -> dict:
    return {"workout_exercise_id": entry_id, "set_number": row["set_number"],
            "reps": row.get("reps"), "weight": row.get("weight"),
            "weight_unit": row.get("weight_unit", unit), "rpe": row.get("rpe"),
            "rir": row.get("rir"), "duration_seconds": row.get("duration_seconds"),
            "distance_meters": row.get("distance_meters"),
            "is_warmup": row.get("is_warmup", False)}  # fmt: skip


# Plans: exercises named like entries, in their order (a plan exercise's position is its index)

PLAN_FIELDS = ("name", "notes", "weekdays", "created_at", "updated_at")


def export_plans(user_id: int) -> list[dict[str, Any]]:
    """The user's plans in the order they were made (an import keeps it): three queries."""
    connection = db.session.connection()
    dates: dict[int, list[str]] = {}
    for plan_id, day in connection.execute(
            select(PlanDate.plan_id, PlanDate.day).join(Plan).where(Plan.user_id == user_id)
            .order_by(PlanDate.plan_id, PlanDate.day)):
        dates.setdefault(plan_id, []).append(day.isoformat())
    exercises: dict[int, list[dict]] = {}
    for plan_id, notes, name, owner, *targets in connection.execute(_plan_exercises_of(user_id)):
        exercises.setdefault(plan_id, []).append({
            "exercise_name": name, "custom": owner is not None, "notes": notes,
            **targets_doc(targets)})  # fmt: skip
    plans = []
    for plan_id, *values in connection.execute(
            select(Plan.id, *(getattr(Plan, k) for k in PLAN_FIELDS))
            .where(Plan.user_id == user_id).order_by(Plan.id)):
        doc = dict(zip(PLAN_FIELDS, values, strict=True))
        doc["weekdays"] = weekdays_of(doc["weekdays"])
        for key in ("created_at", "updated_at"):
            doc[key] = TIMESTAMP.serialize(key, doc)
        plans.append({**doc, "dates": dates.get(plan_id, []),
                      "exercises": exercises.get(plan_id, [])})
    return plans


def _plan_exercises_of(user_id: int):
    return (
        select(PlanExercise.plan_id, PlanExercise.notes, Exercise.name,
               Exercise.user_id.label("owner"), *(getattr(PlanExercise, k) for k in TARGET_FIELDS))
        .join(Plan, PlanExercise.plan_id == Plan.id)
        .join(Exercise, PlanExercise.exercise_id == Exercise.id)
        .where(Plan.user_id == user_id)
        .order_by(PlanExercise.plan_id, PlanExercise.position, PlanExercise.id)
    )


def plan_references(plans: list[dict]) -> list[tuple[str, dict]]:
    """(path, record) of every plan exercise of a loaded document, for the exercise check."""
    return [(f"plans.{n}.exercises.{m}", row) for n, plan in enumerate(plans)
            for m, row in enumerate(plan["exercises"])]  # fmt: skip


def write_plans(user_id: int, plans: list[dict], exercise_ids: dict, unit: str) -> dict:
    now = utcnow()
    plan_ids = insert_ids(Plan, [
        {"user_id": user_id, "name": " ".join(p["name"].split()), "notes": p.get("notes"),
         "weekdays": weekday_mask(p.get("weekdays", [])),
         "created_at": p.get("created_at", now), "updated_at": p.get("updated_at", now)}
        for p in plans
    ])  # fmt: skip
    insert_rows(PlanDate, [{"plan_id": plan_id, "day": day}
                           for plan_id, p in zip(plan_ids, plans, strict=True)
                           for day in sorted(p.get("dates", []))])  # fmt: skip
    rows = [{"plan_id": plan_id, "position": position, "notes": row["notes"],
             "exercise_id": exercise_id(exercise_ids, row), **target_row(row, unit)}
            for plan_id, p in zip(plan_ids, plans, strict=True)
            for position, row in enumerate(p["exercises"])]  # fmt: skip
    insert_rows(PlanExercise, rows)
    return {"plans": len(plans), "plan_exercises": len(rows)}
