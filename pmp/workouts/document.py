"""The workouts part of an account document on import: its shape and its validation.

Pure: no database. `load_document` checks every record (custom exercises, workouts, their
exercise entries and sets) before the import writes anything, one level at a time
(pmp.core.records). Sets and entries are most of a document (a ten-year log: 60,000 sets), so
each has a fast path that takes the plain records and leaves every other one to its schema;
tests/workouts/test_workouts_document.py checks that the fast paths never disagree with them.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from marshmallow import fields

from pmp.core.records import RecordErrors, load, plain_text, records, set_apart
from pmp.core.schemas import Timestamp
from pmp.workouts.plan_schemas import MAX_PLAN_EXERCISES, PlanInSchema
from pmp.workouts.schemas import (
    MAX_EXERCISE_ORDER,
    MAX_SET_NUMBER,
    NAME,
    NOTES,
    ExerciseSchema,
    SetSchema,
    TargetsSchema,
    WorkoutSchema,
    bounded_int,
    valid_rpe,
)

SET_FIELDS = ("set_number", "reps", "weight", "weight_unit", "rpe", "rir", "duration_seconds",
              "distance_meters", "is_warmup")  # fmt: skip
TARGET_FIELDS = ("target_sets", "target_reps", "target_weight", "target_weight_unit",
                 "target_rpe")  # fmt: skip
KEYS = ("custom_exercises", "workouts", "plans")


class WorkoutDocSchema(WorkoutSchema):
    """A workout without its entries; its timestamps are kept when the document has them."""

    created_at = Timestamp()
    updated_at = Timestamp()


class PlanExerciseDocSchema(TargetsSchema):
    """An exercise of a plan, named like an entry's; its place in the list is its position.
    Without ``target_weight_unit`` the user's unit is taken (as for sets)."""

    exercise_name = fields.String(required=True, validate=NAME)
    custom = fields.Boolean(load_default=False)
    notes = fields.String(allow_none=True, load_default=None, validate=NOTES)


class EntryDocSchema(PlanExerciseDocSchema):
    """An exercise entry without its sets; the exercise is named (``custom``: the user's own)."""

    exercise_order = bounded_int(0, MAX_EXERCISE_ORDER, load_default=0)


class PlanDocSchema(PlanInSchema):
    """A plan without its exercises; its timestamps are kept when the document has them."""

    created_at = Timestamp()
    updated_at = Timestamp()


CUSTOM_EXERCISE = ExerciseSchema(only=("name", "category", "muscle_group"))
WORKOUT = WorkoutDocSchema(exclude=("id",))
ENTRY = EntryDocSchema()
SET = SetSchema(only=SET_FIELDS)
PLAN = PlanDocSchema(exclude=("exercises",))
PLAN_EXERCISE = PlanExerciseDocSchema()


def load_document(data: Any, errors: RecordErrors | None = None) -> dict[str, list[dict]]:
    """The validated ``custom_exercises`` and ``workouts`` (entries under ``exercises``, sets
    under ``sets``), or ValidationFailed with every problem by path (the first 100). Given
    ``errors``, problems are added there instead, for the caller to raise."""
    own = errors is None
    errors = RecordErrors() if own else errors
    if not isinstance(data, dict):
        errors.add("_schema", ["Invalid input type."])
        data = {}
    for key in data.keys() - set(KEYS):
        errors.add(str(key), ["Unknown field."])
    customs = [load(CUSTOM_EXERCISE, raw, f"custom_exercises.{n}", errors)
               for n, raw in enumerate(records(data, "custom_exercises", "custom_exercises",
                                               errors))]  # fmt: skip
    workouts = []
    for n, raw in enumerate(records(data, "workouts", "workouts", errors)):
        workouts.append(_workout(raw, f"workouts.{n}", errors))
        if errors.full():
            break
    plans = [_plan(raw, f"plans.{n}", errors)
             for n, raw in enumerate(records(data, "plans", "plans", errors))]
    if own:
        errors.raise_if_any("The workouts data did not validate.")
    return {"custom_exercises": customs, "workouts": workouts, "plans": plans}


def _plan(raw: Any, path: str, errors: RecordErrors) -> dict | None:
    head, children = set_apart(raw, "exercises")
    plan = load(PLAN, head, path, errors)
    rows = records(children, "exercises", f"{path}.exercises", errors)
    if len(rows) > MAX_PLAN_EXERCISES:
        errors.add(f"{path}.exercises", [f"Longer than maximum length {MAX_PLAN_EXERCISES}."])
        rows = []
    exercises = [load(PLAN_EXERCISE, row, f"{path}.exercises.{n}", errors)
                 for n, row in enumerate(rows)]  # fmt: skip
    if plan is not None:
        plan["exercises"] = exercises
    return plan


def _workout(raw: Any, path: str, errors: RecordErrors) -> dict | None:
    head, children = set_apart(raw, "exercises")
    workout = load(WORKOUT, head, path, errors)
    entries = [_entry(entry, f"{path}.exercises.{n}", errors) for n, entry in
               enumerate(records(children, "exercises", f"{path}.exercises", errors))]
    if workout is not None:
        workout["exercises"] = entries
    return workout


def _entry(raw: Any, path: str, errors: RecordErrors) -> dict | None:
    head, children = set_apart(raw, "sets")
    entry = load(ENTRY, head, path, errors, fast=fast_entry)
    rows = records(children, "sets", f"{path}.sets", errors)
    loaded = [load(SET, row, f"{path}.sets.{n}", errors, fast=fast_set)
              for n, row in enumerate(rows)]  # fmt: skip
    if entry is not None and None not in loaded:
        entry["sets"] = _numbered(loaded, f"{path}.sets", errors)
    return entry


def _numbered(sets: list[dict], path: str, errors: RecordErrors) -> list[dict]:
    """Sets without a number get the next ones after the highest, never past the cap."""
    given = [row["set_number"] for row in sets if "set_number" in row]
    if len(given) != len(set(given)):
        errors.add(path, ["Set numbers must be unique within an exercise."])
        return sets
    last = max(given, default=0)
    numbered = []
    for n, row in enumerate(sets):
        if "set_number" not in row:
            last += 1
            if last > MAX_SET_NUMBER:
                errors.add(f"{path}.{n}.set_number",
                           [f"No number is left after {MAX_SET_NUMBER}; give a free one."])
            row = {**row, "set_number": last}
        numbered.append(row)
    return numbered


# -- fast paths: plain records only; None sends a record to its schema ----------------------

_INVALID = object()


def _whole(name: str, schema=SET) -> Callable[[Any], Any]:
    """A strict integer within the field's range (null if the field allows it)."""
    bounds, nullable = schema.fields[name].validators[0], schema.fields[name].allow_none
    low, high = bounds.min, bounds.max

    def check(value):
        if value is None:
            return None if nullable else _INVALID
        return value if type(value) is int and low <= value <= high else _INVALID

    return check


def _amount(name: str, schema=SET) -> Callable[[Any], Any]:
    """What the field's Amount makes of a JSON number in its range: Decimal(str(n)),
    quantized to its places (NaN fails the comparison)."""
    places, high = schema.fields[name].places, schema.fields[name].validators[0].max

    def check(value):
        if value is None:
            return None
        if type(value) not in (int, float) or not 0 <= value <= high:
            return _INVALID
        return Decimal(str(value)).quantize(places)

    return check


_UNITS = frozenset(SET.fields["weight_unit"].validators[0].choices)
_SET_CHECKS: dict[str, Callable[[Any], Any]] = {
    **{name: _whole(name) for name in ("set_number", "reps", "rir", "duration_seconds")},
    **{name: _amount(name) for name in ("weight", "rpe", "distance_meters")},
    "weight_unit": lambda value: value if type(value) is str and value in _UNITS else _INVALID,
    "is_warmup": lambda value: value if type(value) is bool else _INVALID,
}


def fast_set(raw: Any) -> dict | None:
    """A set as SetSchema loads it, when every value is plainly valid; else None."""
    if type(raw) is not dict:
        return None
    out = {}
    for key, value in raw.items():
        check = _SET_CHECKS.get(key)
        if check is None:
            return None
        value = check(value)
        if value is _INVALID:
            return None
        out[key] = value
    if not valid_rpe(out.get("rpe")):  # SetSchema's own rule
        return None
    return out


_TARGET_CHECKS: dict[str, Callable[[Any], Any]] = {
    "target_sets": _whole("target_sets", ENTRY), "target_reps": _whole("target_reps", ENTRY),
    "target_weight": _amount("target_weight", ENTRY),
    "target_rpe": _amount("target_rpe", ENTRY),
    "target_weight_unit": _SET_CHECKS["weight_unit"],
}


_ENTRY_DEFAULTS = {"custom": False, "exercise_order": 0, "notes": None}


def fast_entry(raw: Any) -> dict | None:
    """An entry as EntryDocSchema loads it, when every value is plainly valid; else None."""
    if type(raw) is not dict or not plain_text(raw.get("exercise_name"), 1, 200):
        return None
    out = {"exercise_name": raw["exercise_name"], **_ENTRY_DEFAULTS}
    for key, value in raw.items():
        if key == "custom":
            if type(value) is not bool:
                return None
        elif key == "exercise_order":
            if type(value) is not int or not 0 <= value <= MAX_EXERCISE_ORDER:
                return None
        elif key == "notes":
            if value is not None and not plain_text(value, 0, 10_000):
                return None
        elif key in _TARGET_CHECKS:
            value = _TARGET_CHECKS[key](value)
            if value is _INVALID:
                return None
        elif key != "exercise_name":
            return None
        out[key] = value
    return out if valid_rpe(out.get("target_rpe")) else None
