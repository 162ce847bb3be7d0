"""Personal records of an exercise, and the records a workout set, read from the record book.

The book (pmp.workouts.record_book) keeps each exercise's record progression with the sets, so
the current records are the latest row of each kind and the bests a workout is measured against
the latest rows before it: one statement each, whatever the history's size. The earliest
workout wins a tie (it set the record first); warm-ups never count. Values are computed exactly
(``Decimal`` in the user's unit) from the rows and rounded to 2 decimals on the way out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from pmp.auth.models import User
from pmp.workouts import aggregates, calc, record_book
from pmp.workouts.models import RecordBookEntry, Workout
from pmp.workouts.record_book import REP_COUNTS, rep_kind

KINDS = ("heaviest_weight", "best_estimated_1rm", "best_session_volume", "most_reps")


def _out(record: dict | None) -> dict | None:
    if record is None:
        return None
    return {key: calc.round2(v) if isinstance(v, Decimal) else v for key, v in record.items()}


def value_of(row: RecordBookEntry, unit: str) -> Decimal:
    """A row's record in ``unit``, exact (a volume: rounded like a report's)."""
    weight = calc.convert_weight(row.weight, row.weight_unit or unit, unit)
    if row.kind == "best_session_volume":
        return aggregates.volume({"kg": row.volume_kg, "lb": row.volume_lb}, unit)
    if row.kind == "best_estimated_1rm":
        return calc.epley_1rm(weight, row.reps)
    if row.kind == "most_reps":
        return Decimal(row.reps)
    return weight


def exercise_records(user: User, exercise_id: int) -> dict[str, Any]:
    """`GET /api/exercises/<id>/records` (the exercise already checked): one statement."""
    unit = calc.training_unit(user.weight_unit)
    rows = {row.kind: row for row in record_book.latest(user.id, [exercise_id])}

    def record(kind: str) -> dict | None:
        row = rows.get(kind)
        if row is None:
            return None
        found = {"value": value_of(row, unit), "workout_id": row.workout_id,
                 "performed_at": row.performed_at}
        if kind == "most_reps":
            found["weight"] = calc.convert_weight(row.weight, row.weight_unit or unit, unit)
        return _out(found)

    return {
        "exercise_id": exercise_id, "unit": unit,
        **{kind: record(kind) for kind in KINDS},
        "rep_records": [
            _out({"reps": reps, "weight": value_of(row, unit), "workout_id": row.workout_id,
                  "performed_at": row.performed_at})
            for reps in REP_COUNTS if (row := rows.get(rep_kind(reps))) is not None],
    }


def _previous_bests(workout: Workout, exercise_ids: list[int], unit: str) -> dict[int, dict]:
    """Each exercise's best figures over the workouts performed before this one: the latest
    rows of the book before it, one statement."""
    best: dict[int, dict] = {e: dict.fromkeys(KINDS) for e in exercise_ids}
    for row in record_book.latest(workout.user_id, exercise_ids, KINDS,
                                  before=record_book.position(workout)):
        best[row.exercise_id][row.kind] = value_of(row, unit)
    return best


def workout_records(workout: Workout, entries: Iterable[calc.ExerciseRows], unit: str
                    ) -> list[dict[str, Any]]:
    """The records ``workout`` set, against every workout performed before it."""
    mine: dict[int, dict[str, Any]] = {}
    for entry in entries:
        now = mine.setdefault(entry.exercise_id, {"name": entry.exercise_name, "sets": []})
        now["sets"].extend(row for row in entry.sets if not row.is_warmup)
    if not mine:
        return []
    previous = _previous_bests(workout, list(mine), unit)
    found = []
    for exercise_id, now in mine.items():
        current = _current(now["sets"], unit)
        for kind in KINDS:
            # compared as shown: conversions in another order differ past the 20th digit
            value = calc.round2(current[kind])
            before = calc.round2(previous[exercise_id][kind])
            if value and (before is None or value > before):
                found.append({"exercise_id": exercise_id, "exercise_name": now["name"],
                              "kind": kind, "value": value, "previous": before})
    return found


def _current(sets: list[calc.SetRow], unit: str) -> dict[str, Decimal | None]:
    weights = [(row.reps, row.weight_in(unit)) for row in sets]
    present = lambda values: max((v for v in values if v is not None), default=None)  # noqa: E731
    total = sum((calc.set_volume(r, w) for r, w in weights), Decimal(0))
    return {
        "heaviest_weight": present(w for _, w in weights),
        "best_estimated_1rm": present(calc.epley_1rm(w, r) for r, w in weights),
        "best_session_volume": Decimal(str(calc.round2(total))) if total else None,
        "most_reps": present(Decimal(r) if r else None for r, _ in weights),
    }
