"""Personal records of an exercise, and the records a workout set, from SQL aggregates.

The earliest workout wins a tie (it set the record first); warm-ups never count. SQL orders
the sets (by kilograms, a float: exact between sets of one unit) and returns the best row only,
so the cost in Python does not grow with the history; the value is then computed exactly
(``Decimal`` in the user's unit) from that row and rounded to 2 decimals on the way out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from pmp.auth.models import User
from pmp.core.extensions import db
from pmp.workouts import aggregates, calc
from pmp.workouts.aggregates import MILLI, WORKING, per_unit
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet

KINDS = ("heaviest_weight", "best_estimated_1rm", "best_session_volume", "most_reps")
REP_RECORDS = range(1, 13)  # Strong's rep records: the heaviest weight for 1 to 12 reps


def _out(record: dict | None) -> dict | None:
    if record is None:
        return None
    return {key: calc.round2(v) if isinstance(v, Decimal) else v for key, v in record.items()}


# For ordering only (the value returned is computed exactly from the chosen row): kilograms.
KG = WorkoutSet.weight * case((WorkoutSet.weight_unit == "lb", 0.45359237), else_=1.0)


def _working_sets(user_id: int, exercise_id: int, *columns):
    return (select(Workout.id, Workout.performed_at, *columns)
            .join(WorkoutExercise, and_(WorkoutExercise.workout_id == Workout.id,
                                        WorkoutExercise.exercise_id == exercise_id))
            .join(WorkoutSet, and_(WorkoutSet.workout_exercise_id == WorkoutExercise.id,
                                   WORKING))
            .where(Workout.user_id == user_id))


def _first(stmt, *order):
    """The best row by ``order``, the earliest workout on a tie."""
    return db.session.execute(
        stmt.order_by(*order, Workout.performed_at, Workout.id).limit(1)).first()


def exercise_records(user: User, exercise_id: int) -> dict[str, Any]:
    """`GET /api/exercises/<id>/records` (the exercise already checked): five statements, each
    ordering the exercise's sets in SQL and returning one row (rep records: up to 12)."""
    unit = calc.training_unit(user.weight_unit)
    sets = _working_sets(user.id, exercise_id, WorkoutSet.weight, WorkoutSet.weight_unit,
                         WorkoutSet.reps)
    weighed = sets.where(WorkoutSet.weight.is_not(None))
    heaviest = _first(weighed, KG.desc())
    strongest = _first(weighed.where(WorkoutSet.reps >= 1),
                       (KG * aggregates.EPLEY_30).desc())
    most = _first(sets.where(WorkoutSet.reps >= 1), WorkoutSet.reps.desc(),
                  func.coalesce(KG, -1).desc())
    return {
        "exercise_id": exercise_id, "unit": unit,
        "heaviest_weight": _record(heaviest, lambda w: w.weight_in(unit)),
        "best_estimated_1rm": _record(strongest,
                                      lambda w: calc.epley_1rm(w.weight_in(unit), w.reps)),
        "best_session_volume": _best_volume(user.id, exercise_id, unit),
        "most_reps": _record(most, lambda w: Decimal(w.reps), with_weight=unit),
        "rep_records": _rep_records(user.id, exercise_id, unit),
    }


def _record(row, value, with_weight: str | None = None) -> dict | None:
    if row is None:
        return None
    workout_id, performed_at, weight, weight_unit, reps = row
    one = calc.SetRow(reps, weight, weight_unit)
    record = {"value": value(one), "workout_id": workout_id, "performed_at": performed_at}
    if with_weight:
        record["weight"] = one.weight_in(with_weight)
    return _out(record)


def _best_volume(user_id: int, exercise_id: int, unit: str) -> dict | None:
    sessions = _working_sets(user_id, exercise_id, func.sum(WorkoutSet.reps * KG).label("kg"),
                             *per_unit(WorkoutSet.reps * MILLI, func.sum)) \
        .group_by(Workout.id, Workout.performed_at).subquery()
    row = db.session.execute(
        select(sessions).where(sessions.c.kg > 0)
        .order_by(sessions.c.kg.desc(), sessions.c.performed_at, sessions.c.id).limit(1)).first()
    if row is None:
        return None
    workout_id, performed_at, _, *volumes = row
    value = aggregates.volume(dict(zip(calc.WEIGHT_UNITS, volumes, strict=True)), unit)
    return _out({"value": value, "workout_id": workout_id, "performed_at": performed_at})


def _rep_records(user_id: int, exercise_id: int, unit: str) -> list[dict]:
    """The heaviest weight for each of 1-12 reps (earliest on a tie), lightest reps first."""
    rank = func.row_number().over(partition_by=WorkoutSet.reps, order_by=(
        KG.desc(), Workout.performed_at, Workout.id))
    ranked = _working_sets(user_id, exercise_id, WorkoutSet.reps, WorkoutSet.weight,
                           WorkoutSet.weight_unit, rank.label("rank")) \
        .where(WorkoutSet.weight.is_not(None), WorkoutSet.reps.between(1, REP_RECORDS[-1])) \
        .subquery()
    rows = db.session.execute(select(ranked).where(ranked.c.rank == 1).order_by(ranked.c.reps))
    return [_out({"reps": reps, "weight": calc.convert_weight(weight, weight_unit, unit),
                  "workout_id": workout_id, "performed_at": performed_at})
            for workout_id, performed_at, reps, weight, weight_unit, _ in rows]


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
    sessions = joined(select(
        WorkoutExercise.exercise_id.label("exercise_id"),
        func.sum(WorkoutSet.reps * KG).label("kg"),
        *per_unit(WorkoutSet.reps * MILLI, func.sum),
    )).group_by(Workout.id, WorkoutExercise.exercise_id).subquery()
    rank = func.row_number().over(partition_by=sessions.c.exercise_id,
                                  order_by=sessions.c.kg.desc())
    ranked = select(sessions, rank.label("rank")).where(sessions.c.kg > 0).subquery()
    for exercise_id, _, *volumes, _ in db.session.execute(
            select(ranked).where(ranked.c.rank == 1)):
        best[exercise_id]["best_session_volume"] = aggregates.volume(
            dict(zip(calc.WEIGHT_UNITS, volumes, strict=True)), unit)
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
