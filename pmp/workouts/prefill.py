"""New workouts prefilled with exercises and targets: from a plan ("start") or from a past
workout ("duplicate"). Neither copies sets: the targets say what to do, the sets are logged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pmp.auth.models import User
from pmp.core.bulk import insert_rows
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.workouts.calc import convert_weight
from pmp.workouts.models import Workout, WorkoutExercise
from pmp.workouts.plans import owned_plan
from pmp.workouts.workout_log import get_workout_details

TARGETS = ("target_sets", "target_reps", "target_weight", "target_weight_unit", "target_rpe")


def start_plan(user: User, plan_id: int, data: dict) -> Workout:
    """A workout now (or at `performed_at`) with the plan's exercises, in order, and their
    targets and notes."""
    plan = owned_plan(user.id, plan_id, children=True)
    entries = [_entry(row, n + 1, {k: getattr(row, k) for k in TARGETS})
               for n, row in enumerate(plan.exercises)]  # fmt: skip
    return _new_workout(user, data, entries)


def duplicate_workout(user: User, workout_id: int, data: dict) -> Workout:
    """A workout with the source's exercises in the same order and notes; targets from the
    source's working sets (or, for an exercise without any, the source's own targets)."""
    source = get_workout_details(user.id, workout_id)
    entries = []
    for row in source.exercises:
        targets = targets_from_sets(row.sets) or {k: getattr(row, k) for k in TARGETS}
        entries.append(_entry(row, row.exercise_order, targets))
    return _new_workout(user, data, entries)


def _entry(row, order: int, targets: dict) -> dict:
    return {"exercise_id": row.exercise_id, "exercise_order": order, "notes": row.notes,
            **targets}


def _new_workout(user: User, data: dict, entries: list[dict]) -> Workout:
    """The workout and its entries (one executemany, whatever their number), as details."""
    workout = Workout(user_id=user.id, performed_at=data.get("performed_at") or utcnow())
    db.session.add(workout)
    db.session.flush()
    insert_rows(WorkoutExercise, [{"workout_id": workout.id, **entry} for entry in entries])
    db.session.commit()
    return get_workout_details(user.id, workout.id)


def targets_from_sets(sets: Iterable[Any]) -> dict | None:
    """Targets that repeat what the working sets did: their count, the most reps, the
    heaviest weight (in the unit it was lifted in, compared in kg) and the highest RPE.
    None when there is no working set. Pure: takes anything with a set's attributes."""
    working = [s for s in sets if not s.is_warmup]
    if not working:
        return None
    weighted = [s for s in working if s.weight is not None]
    top = max(weighted, key=lambda s: convert_weight(s.weight, s.weight_unit, "kg"),
              default=None)
    return {
        "target_sets": len(working),
        "target_reps": max((s.reps for s in working if s.reps is not None), default=None),
        "target_weight": top.weight if top else None,
        "target_weight_unit": top.weight_unit if top else working[0].weight_unit,
        "target_rpe": max((s.rpe for s in working if s.rpe is not None), default=None),
    }
