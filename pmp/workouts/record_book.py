"""The record book: each (user, exercise)'s personal-record progression, kept with the sets.

For each kind (heaviest weight, best estimated 1RM, best session volume, most reps, and the
heaviest weight for 1 to 12 reps) the book has one row each time a workout beat every workout
performed before it (ordered by performed_at, then id). Warm-ups never count and a tie keeps the
earlier record, so the latest row of a kind is the current record and the latest row before a
workout is the best that workout was measured against: reads are one index probe per kind.

Writes keep the book in the transaction that changes the sets (`refresh`): the rows from the
earliest workout touched onwards are recomputed from the best rows before it and the sets from
it on. Adding a set to the latest workout recomputes that workout alone; editing a workout in
the past recomputes the exercise's later workouts too. Comparisons are exact (``Decimal``
kilograms); the rows keep the set as logged and readers convert it to the user's unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from itertools import groupby

from sqlalchemy import and_, bindparam, delete, or_, select

from pmp.auth.models import User
from pmp.core.bulk import insert_rows
from pmp.core.extensions import db
from pmp.core.models import UTCDateTime
from pmp.workouts.calc import KG_PER_LB
from pmp.workouts.models import (
    RECORD_KINDS,
    RecordBookEntry,
    Workout,
    WorkoutExercise,
    WorkoutSet,
)

REP_COUNTS = range(1, 13)  # Strong's rep records: the heaviest weight for 1 to 12 reps
VOLUME = "best_session_volume"

Position = tuple[datetime, int]  # a workout's place in the history: (performed_at, id)
SetFigures = tuple[int | None, Decimal | None, str]  # a working set: reps, weight, unit


@dataclass(frozen=True, slots=True)
class Best:
    """What a row keeps of a record: its set, or its session's volume in thousandths per unit."""

    reps: int | None = None
    weight: Decimal | None = None
    weight_unit: str | None = None
    volume_kg: int | None = None
    volume_lb: int | None = None


def rep_kind(reps: int) -> str:
    return f"reps_{reps}"


def _kg(best: Best) -> Decimal:
    weight = Decimal(best.weight)
    return weight * KG_PER_LB if best.weight_unit == "lb" else weight


def key(kind: str, best: Best) -> tuple:
    """What a record of ``kind`` is compared by (exactly, in kilograms)."""
    if kind == VOLUME:
        return (Decimal(best.volume_kg or 0) + (best.volume_lb or 0) * KG_PER_LB,)
    if kind == "most_reps":  # the most reps, then the heaviest such set
        return (best.reps, Decimal(-1) if best.weight is None else _kg(best))
    if kind == "best_estimated_1rm":  # 30 × Epley's estimate
        return (_kg(best) * (30 if best.reps == 1 else 30 + best.reps),)
    return (_kg(best),)


def _milli(weight: Decimal) -> int:
    return int((Decimal(weight) * 1000).to_integral_value())


def _kinds_of(reps: int | None, weight: Decimal | None) -> list[str]:
    """The kinds a working set competes in."""
    kinds = []
    if reps is not None and reps >= 1:
        kinds.append("most_reps")
    if weight is not None:
        kinds.append("heaviest_weight")
        if reps is not None and reps >= 1:
            kinds.append("best_estimated_1rm")
            if reps in REP_COUNTS:
                kinds.append(rep_kind(reps))
    return kinds


def session_bests(sets: Iterable[SetFigures]) -> dict[str, Best]:
    """The best of one workout's working sets of an exercise, per kind it has a figure for."""
    found: dict[str, Best] = {}
    milli = {"kg": 0, "lb": 0}
    for reps, weight, unit in sets:
        one = Best(reps, weight, unit)
        for kind in _kinds_of(reps, weight):
            if kind not in found or key(kind, one) > key(kind, found[kind]):
                found[kind] = one
        if reps is not None and weight is not None:
            milli[unit] += reps * _milli(weight)
    volume = Best(volume_kg=milli["kg"], volume_lb=milli["lb"])
    if key(VOLUME, volume)[0] > 0:
        found[VOLUME] = volume
    return found


@dataclass(frozen=True, slots=True)
class Step:
    """A row of the progression: ``workout_id`` set a record of ``kind``."""

    kind: str
    workout_id: int
    performed_at: datetime
    best: Best


def progression(sessions: Iterable[tuple[int, datetime, Iterable[SetFigures]]],
                state: dict[str, Best] | None = None) -> Iterator[Step]:
    """The records set by ``sessions`` (workout id, performed_at, working sets; in history
    order), each against the bests before it, starting from ``state`` (kind -> best so far)."""
    state = dict(state or {})
    for workout_id, performed_at, sets in sessions:
        for kind, best in session_bests(sets).items():
            if kind not in state or key(kind, best) > key(kind, state[kind]):
                state[kind] = best
                yield Step(kind, workout_id, performed_at, best)


# -- the table --------------------------------------------------------------------------------

def _before(position: Position):
    performed_at, workout_id = position
    return and_(RecordBookEntry.performed_at <= performed_at, or_(
        RecordBookEntry.performed_at < performed_at, RecordBookEntry.workout_id < workout_id))


def _from(position: Position):
    performed_at, workout_id = position
    return and_(Workout.performed_at >= performed_at, or_(
        Workout.performed_at > performed_at, Workout.id >= workout_id))


CHUNK = 8  # exercises per statement: few statement shapes, each cheap to build


def latest(user_id: int, exercise_ids: Iterable[int], kinds: Iterable[str] = RECORD_KINDS,
           before: Position | None = None) -> list[RecordBookEntry]:
    """The latest row of each kind of each exercise (of those before ``before``): the current
    records (the best before that workout). One index probe per pair, CHUNK exercises per
    statement, so a workout of many exercises neither builds one huge statement nor caches a
    shape per exercise count."""
    exercise_ids, kinds = list(exercise_ids), tuple(kinds)
    rows: list[RecordBookEntry] = []
    for start in range(0, len(exercise_ids) if kinds else 0, CHUNK):
        chunk = exercise_ids[start:start + CHUNK]
        params = {"user_id": user_id, **{f"e{n}": e for n, e in enumerate(chunk)}}
        if before is not None:
            params.update(at=before[0], workout_id=before[1])
        rows.extend(db.session.scalars(
            _latest_statement(len(chunk), kinds, before is not None), params))
    return rows


@lru_cache(maxsize=64)
def _latest_statement(exercises: int, kinds: tuple[str, ...], before: bool):
    """`latest`'s statement, built once per shape (building 16 subqueries cost more than
    running them): the ids and the position are bound parameters."""
    probes = []
    for n in range(exercises):
        for kind in kinds:
            probe = select(RecordBookEntry.id).where(
                RecordBookEntry.user_id == bindparam("user_id"),
                RecordBookEntry.exercise_id == bindparam(f"e{n}"), RecordBookEntry.kind == kind)
            if before:
                probe = probe.where(_before((bindparam("at", type_=UTCDateTime()),
                                             bindparam("workout_id"))))
            probes.append(probe.order_by(RecordBookEntry.performed_at.desc(),
                                         RecordBookEntry.workout_id.desc())
                          .limit(1).scalar_subquery())
    return select(RecordBookEntry).where(RecordBookEntry.id.in_(probes))


def best_of(row: RecordBookEntry) -> Best:
    return Best(row.reps, row.weight, row.weight_unit, row.volume_kg, row.volume_lb)


def _lock(user_id: int) -> None:
    """Serialise the book's writers per user (PostgreSQL; SQLite has one writer anyway): the
    second waits, then reads the first one's committed sets. FOR NO KEY UPDATE lets inserts
    that reference the user go on."""
    db.session.execute(select(User.id).where(User.id == user_id)
                       .with_for_update(key_share=True))


def working_sets(user_id: int, exercise_ids: list[int], since: Position | None = None):
    """(exercise id, workout id, performed_at, reps, weight, unit) of the working sets, by
    exercise then in history order, each workout's in its order (the first of equal sets
    is the one kept): one statement."""
    stmt = (select(WorkoutExercise.exercise_id, Workout.id, Workout.performed_at,
                   WorkoutSet.reps, WorkoutSet.weight, WorkoutSet.weight_unit)
            .join(WorkoutExercise, WorkoutExercise.workout_id == Workout.id)
            .join(WorkoutSet, and_(WorkoutSet.workout_exercise_id == WorkoutExercise.id,
                                   WorkoutSet.is_warmup.is_(False)))
            .where(Workout.user_id == user_id, WorkoutExercise.exercise_id.in_(exercise_ids))
            .order_by(WorkoutExercise.exercise_id, Workout.performed_at, Workout.id,
                      WorkoutExercise.exercise_order, WorkoutExercise.id, WorkoutSet.set_number))
    if since is not None:
        stmt = stmt.where(_from(since))
    return db.session.execute(stmt)


def sessions_of(rows) -> Iterator[tuple[int, Iterator[tuple[int, datetime, Iterator]]]]:
    """Rows of `working_sets` grouped: (exercise id, its sessions for `progression`)."""
    for exercise_id, of_exercise in groupby(rows, key=lambda row: row[0]):
        yield exercise_id, (
            (workout_id, performed_at, ((r, w, u) for *_, r, w, u in sets))
            for (workout_id, performed_at), sets in groupby(of_exercise,
                                                            key=lambda row: (row[1], row[2])))


def refresh(user_id: int, exercise_ids: Iterable[int], since: Position | None = None) -> None:
    """Recompute the book of these exercises from the workout at ``since`` on (None: all of
    it), after a change of their sets there; flushes, never commits (the caller's transaction
    holds the change and the book together)."""
    exercise_ids = sorted(set(exercise_ids))
    if not exercise_ids:
        return
    db.session.flush()
    _lock(user_id)
    states: dict[int, dict[str, Best]] = {e: {} for e in exercise_ids}
    if since is not None:
        for row in latest(user_id, exercise_ids, before=since):
            states[row.exercise_id][row.kind] = best_of(row)
    gone = delete(RecordBookEntry).where(RecordBookEntry.user_id == user_id,
                                         RecordBookEntry.exercise_id.in_(exercise_ids))
    if since is not None:
        gone = gone.where(RecordBookEntry.performed_at >= since[0], or_(
            RecordBookEntry.performed_at > since[0], RecordBookEntry.workout_id >= since[1]))
    db.session.execute(gone, execution_options={"synchronize_session": False})
    rows = [_row(user_id, exercise_id, step)
            for exercise_id, sessions in sessions_of(working_sets(user_id, exercise_ids, since))
            for step in progression(sessions, states[exercise_id])]
    insert_rows(RecordBookEntry, rows)


def _row(user_id: int, exercise_id: int, step: Step) -> dict:
    best = step.best
    return {"user_id": user_id, "exercise_id": exercise_id, "kind": step.kind,
            "workout_id": step.workout_id, "performed_at": step.performed_at,
            "reps": best.reps, "weight": best.weight, "weight_unit": best.weight_unit,
            "volume_kg": best.volume_kg, "volume_lb": best.volume_lb}


def rebuild(user_id: int) -> None:
    """The whole book of a user, from scratch (after sets were written in bulk)."""
    used = db.session.scalars(
        select(WorkoutExercise.exercise_id).join(Workout).where(Workout.user_id == user_id)
        .distinct())
    refresh(user_id, list(used))


def position(workout: Workout) -> Position:
    return workout.performed_at, workout.id


def exercises_of(workout_id: int) -> list[int]:
    return list(db.session.scalars(select(WorkoutExercise.exercise_id)
                                   .where(WorkoutExercise.workout_id == workout_id).distinct()))
