"""Personal records of an exercise, and the records a workout set, from SQL aggregates.

The earliest workout wins a tie (it set the record first); warm-ups never count. Values are
compared exactly (``Decimal`` in the user's unit) and rounded to 2 decimals on the way out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, and_, cast, func, or_, select

from pmp.auth.models import User
from pmp.core.extensions import db
from pmp.workouts import aggregates, calc
from pmp.workouts.aggregates import MILLI, WORKING, per_unit
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet

KINDS = ("heaviest_weight", "best_estimated_1rm", "best_session_volume", "most_reps")
REP_RECORDS = range(1, 13)  # Strong's rep records: the heaviest weight for 1 to 12 reps
# 10⁻¹¹ kg per unit thousandth: compares volumes of both units in one exact integer
NANO_KG = {"kg": 100_000_000, "lb": 45_359_237}


def _where(record: dict | None, value, workout_id, performed_at) -> dict | None:
    """The record improved by ``value`` (strictly: on a tie the earlier one stays)."""
    if value is None or (record is not None and value <= record["value"]):
        return record
    return {"value": value, "workout_id": workout_id, "performed_at": performed_at}


def _out(record: dict | None) -> dict | None:
    if record is None:
        return None
    return {key: calc.round2(v) if isinstance(v, Decimal) else v for key, v in record.items()}


def exercise_records(user: User, exercise_id: int) -> dict[str, Any]:
    """`GET /api/exercises/<id>/records` (the exercise already checked): two statements."""
    unit = calc.training_unit(user.weight_unit)
    sessions = db.session.execute(
        aggregates.exercise_sessions(user.id, exercise_id)
        .order_by(Workout.performed_at, Workout.id))
    records: dict[str, dict | None] = dict.fromkeys(KINDS)
    for row in sessions:
        one = aggregates.session(row, unit)
        where = (one.workout_id, one.performed_at)
        records["heaviest_weight"] = _where(records["heaviest_weight"], one.max_weight, *where)
        records["best_estimated_1rm"] = _where(records["best_estimated_1rm"],
                                               one.estimated_1rm, *where)
        records["best_session_volume"] = _where(records["best_session_volume"],
                                                one.volume or None, *where)
    most, by_reps = _rep_records(user.id, exercise_id, unit)
    return {"exercise_id": exercise_id, "unit": unit,
            **{kind: _out(record) for kind, record in records.items()},
            "most_reps": _out(most),
            "rep_records": [_out(by_reps[reps]) for reps in sorted(by_reps)]}


def _rep_records(user_id: int, exercise_id: int, unit: str) -> tuple[dict | None, dict]:
    """(the set with the most reps, the heaviest of them; heaviest weight per 1-12 reps)."""
    top = (select(func.max(WorkoutSet.reps)).join(WorkoutSet.workout_exercise)
           .join(WorkoutExercise.workout)
           .where(Workout.user_id == user_id, WorkoutExercise.exercise_id == exercise_id,
                  WORKING).scalar_subquery())
    rows = db.session.execute(
        select(Workout.id, Workout.performed_at, WorkoutSet.reps, *per_unit(MILLI, func.max))
        .join(WorkoutExercise, and_(WorkoutExercise.workout_id == Workout.id,
                                    WorkoutExercise.exercise_id == exercise_id))
        .join(WorkoutSet, and_(WorkoutSet.workout_exercise_id == WorkoutExercise.id, WORKING))
        .where(Workout.user_id == user_id, WorkoutSet.reps >= 1,
               or_(WorkoutSet.reps <= REP_RECORDS[-1], WorkoutSet.reps == top))
        .group_by(Workout.id, Workout.performed_at, WorkoutSet.reps)
        .order_by(Workout.performed_at, Workout.id))
    most: dict | None = None
    by_reps: dict[int, dict] = {}
    for workout_id, performed_at, reps, *maxima in rows:
        weight = aggregates.best_of(dict(zip(calc.WEIGHT_UNITS, maxima, strict=True)), unit)
        if most is None or (reps, weight or -1) > (most["value"], most["weight"] or -1):
            most = {"value": reps, "weight": weight, "workout_id": workout_id,
                    "performed_at": performed_at}
        best = by_reps.get(reps)
        if reps in REP_RECORDS and weight is not None and (best is None or
                                                           weight > best["weight"]):
            by_reps[reps] = {"reps": reps, "weight": weight, "workout_id": workout_id,
                             "performed_at": performed_at}
    return most, by_reps


def _before(workout: Workout):
    return and_(Workout.user_id == workout.user_id, or_(
        Workout.performed_at < workout.performed_at,
        and_(Workout.performed_at == workout.performed_at, Workout.id < workout.id)))


def _previous_bests(workout: Workout, exercise_ids: list[int], unit: str) -> dict[int, dict]:
    """Each exercise's best figures over the workouts performed before this one: two
    statements, one row per exercise."""
    n = len(calc.WEIGHT_UNITS)
    best: dict[int, dict] = {e: dict.fromkeys(KINDS) for e in exercise_ids}

    def joined(stmt):
        return (stmt.join(WorkoutSet.workout_exercise).join(WorkoutExercise.workout)
                .where(_before(workout), WorkoutExercise.exercise_id.in_(exercise_ids), WORKING))

    sets = db.session.execute(joined(select(
        WorkoutExercise.exercise_id, func.max(WorkoutSet.reps), *per_unit(MILLI, func.max),
        *per_unit(aggregates.MILLI * aggregates.EPLEY_30, func.max),
    )).group_by(WorkoutExercise.exercise_id))
    for exercise_id, reps, *units in sets:
        best[exercise_id].update(
            most_reps=Decimal(reps) if reps else None,
            heaviest_weight=aggregates.best_of(
                dict(zip(calc.WEIGHT_UNITS, units[:n], strict=True)), unit),
            best_estimated_1rm=aggregates.best_of(
                dict(zip(calc.WEIGHT_UNITS, units[n:], strict=True)), unit, 30_000))
    volumes = joined(select(
        WorkoutExercise.exercise_id.label("exercise_id"),
        sum((func.coalesce(volume, 0) * NANO_KG[u] for u, volume in zip(
            calc.WEIGHT_UNITS, per_unit(cast(WorkoutSet.reps * MILLI, Numeric(38, 0)),
                                        func.sum), strict=True)), start=0).label("nano"),
    )).group_by(Workout.id, WorkoutExercise.exercise_id).subquery()
    for exercise_id, nano in db.session.execute(
            select(volumes.c.exercise_id, func.max(volumes.c.nano))
            .group_by(volumes.c.exercise_id)):
        if nano:
            kg = Decimal(int(nano)) / Decimal(100_000_000_000)
            best[exercise_id]["best_session_volume"] = Decimal(
                str(calc.round2(calc.convert_weight(kg, "kg", unit))))
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
