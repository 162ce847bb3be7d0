"""The one-line summary of each workout of a `GET /api/workouts` page, for the History list.

One statement for the whole page, whatever its size and however many sets its workouts have:
one row per exercise entry with its working sets and its volume per weight unit (integer
thousandths, summed in SQL by ``aggregates``). Each entry's volume is converted and rounded
like a report's entry (``aggregates.volume``), and the workout's total is their sum rounded
like the report's ``total_volume``, so the list and the report always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select

from pmp.core.extensions import db
from pmp.workouts import aggregates, calc
from pmp.workouts.models import Exercise, Workout, WorkoutExercise, WorkoutSet

SHOWN_NAMES = 4


class ListedWorkout:
    """A workout of the list with its ``summary``; every other attribute is the workout's."""

    def __init__(self, workout: Workout, summary: dict[str, Any]):
        self._workout = workout
        self.summary = summary

    def __getattr__(self, name: str) -> Any:
        return getattr(self._workout, name)


def _entries(user_id: int, workout_ids: Sequence[int]):
    """(workout id, exercise id, name, working sets, *volume per unit) of each entry of the
    workouts, in workout order."""
    return db.session.execute(
        select(WorkoutExercise.workout_id, Exercise.id, Exercise.name, func.count(WorkoutSet.id),
               *aggregates.per_unit(WorkoutSet.reps * aggregates.MILLI, func.sum))
        .join(Workout, Workout.id == WorkoutExercise.workout_id)
        .join(Exercise, Exercise.id == WorkoutExercise.exercise_id)
        .outerjoin(WorkoutSet, and_(WorkoutSet.workout_exercise_id == WorkoutExercise.id,
                                    aggregates.WORKING))
        .where(Workout.user_id == user_id, WorkoutExercise.workout_id.in_(workout_ids))
        .group_by(WorkoutExercise.workout_id, WorkoutExercise.exercise_order,
                  WorkoutExercise.id, Exercise.id, Exercise.name)
        .order_by(WorkoutExercise.workout_id, WorkoutExercise.exercise_order,
                  WorkoutExercise.id)
    )


def _empty() -> dict[str, Any]:
    return {"names": {}, "sets": 0, "volume": Decimal(0)}


def summaries(user_id: int, workouts: Sequence[Workout], unit: str) -> list[ListedWorkout]:
    """The workouts with their summaries: the first SHOWN_NAMES distinct exercise names in
    workout order, the number of distinct exercises, working sets and volume in ``unit``."""
    found: dict[int, dict[str, Any]] = {w.id: _empty() for w in workouts}
    if found:
        for workout_id, exercise_id, name, sets, *volumes in _entries(user_id, list(found)):
            totals = found[workout_id]
            totals["names"].setdefault(exercise_id, name)
            totals["sets"] += sets
            totals["volume"] += aggregates.volume(
                dict(zip(calc.WEIGHT_UNITS, volumes, strict=True)), unit)
    return [ListedWorkout(w, _summary(found[w.id], unit)) for w in workouts]


def _summary(totals: dict[str, Any], unit: str) -> dict[str, Any]:
    names = list(totals["names"].values())
    return {
        "exercises": names[:SHOWN_NAMES],
        "exercise_count": len(names),
        "set_count": totals["sets"],
        "volume": calc.round2(totals["volume"]),
        "volume_unit": unit,
    }
