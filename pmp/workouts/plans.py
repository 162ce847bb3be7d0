"""Use cases of plans and their exercises; every query is owner-scoped.

A plan's exercises have dense positions (0..n-1): every add, move and removal locks the plan's
row and rewrites the positions that changed (pmp.workouts.ordering), so concurrent requests
take turns and the order never gets gaps or duplicates.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import selectinload

from pmp.core.errors import NotFound, ValidationFailed
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.core.pagination import paginate
from pmp.workouts import ordering
from pmp.workouts.exercises import visible
from pmp.workouts.models import Exercise
from pmp.workouts.plan_models import Plan, PlanDate, PlanExercise, weekday_mask
from pmp.workouts.plan_schemas import MAX_PLAN_EXERCISES
from pmp.workouts.workout_log import preferred_unit

HEAD = ("name", "notes")
TOO_MANY = f"A plan holds at most {MAX_PLAN_EXERCISES} exercises."


def _with_children(stmt):
    """Plans with their exercises (exercise joined) and dates: two more queries per page."""
    return stmt.options(selectinload(Plan.exercises), selectinload(Plan.dates))


def list_plans(user_id: int, limit: int, offset: int) -> tuple[list[Plan], int]:
    stmt = select(Plan).where(Plan.user_id == user_id)
    stmt = _with_children(stmt.order_by(func.lower(Plan.name), Plan.id))
    return paginate(stmt, limit, offset)


def owned_plan(user_id: int, plan_id: int, lock: bool = False, children: bool = False) -> Plan:
    stmt = select(Plan).filter_by(id=plan_id, user_id=user_id)
    if lock:
        stmt = stmt.with_for_update()
    if children:
        stmt = _with_children(stmt)
    plan = db.session.scalar(stmt)
    if plan is None:
        raise NotFound("Plan not found.")
    return plan


def get_plan(user_id: int, plan_id: int) -> Plan:
    return owned_plan(user_id, plan_id, children=True)


def create_plan(user_id: int, data: dict) -> Plan:
    plan = Plan(user_id=user_id)
    _assign(plan, data)
    db.session.add(plan)
    if "exercises" in data:
        _replace_exercises(user_id, plan, data["exercises"])
    db.session.commit()
    return plan


def update_plan(user_id: int, plan_id: int, data: dict) -> Plan:
    """PATCH sends some fields, PUT all but maybe `exercises`; given `exercises` replace the
    plan's list (new ids), omitted ones stay."""
    plan = owned_plan(user_id, plan_id, lock=True, children=True)
    _assign(plan, data)
    if "exercises" in data:
        _replace_exercises(user_id, plan, data["exercises"])
    plan.updated_at = utcnow()
    db.session.commit()
    return plan


def delete_plan(user_id: int, plan_id: int) -> None:
    db.session.delete(owned_plan(user_id, plan_id))
    db.session.commit()


def _assign(plan: Plan, data: dict) -> None:
    for field in HEAD:
        if field in data:
            value = data[field]
            setattr(plan, field, " ".join(value.split()) if field == "name" else value)
    if "weekdays" in data:
        plan.weekdays = weekday_mask(data["weekdays"])
    if "dates" in data:
        kept = {row.day: row for row in plan.dates}
        plan.dates = [kept.get(day) or PlanDate(day=day) for day in sorted(data["dates"])]


def _replace_exercises(user_id: int, plan: Plan, items: list[dict]) -> None:
    exercises = _visible_exercises(user_id, [item["exercise_id"] for item in items])
    unit = preferred_unit(user_id)
    plan.exercises = [
        PlanExercise(position=n, exercise=exercises[item["exercise_id"]],
                     **{"target_weight_unit": unit, **item})
        for n, item in enumerate(items)
    ]


def _visible_exercises(user_id: int, ids: list[int]) -> dict[int, Exercise]:
    """The exercises by id, in one query; one the user cannot see is a 404 (as when adding
    it to a workout), naming its place in the list."""
    if not ids:
        return {}
    found = {e.id: e for e in db.session.scalars(
        select(Exercise).where(Exercise.id.in_(set(ids)), visible(user_id)))}
    missing = [n for n, exercise_id in enumerate(ids) if exercise_id not in found]
    if missing:
        raise NotFound(f"Exercise not found (exercises.{missing[0]}.exercise_id).")
    return found


# Exercises of a plan


def _own_exercise(user_id: int, plan_exercise_id: int) -> PlanExercise:
    row = db.session.scalar(
        select(PlanExercise).join(Plan)
        .where(PlanExercise.id == plan_exercise_id, Plan.user_id == user_id)
    )
    if row is None:
        raise NotFound("Plan exercise not found.")
    return row


def add_exercise(user_id: int, plan_id: int, data: dict) -> PlanExercise:
    plan = owned_plan(user_id, plan_id, lock=True)
    exercise = _visible_exercises(user_id, [data["exercise_id"]])[data["exercise_id"]]
    before = _positions(plan.id)
    if len(before) >= MAX_PLAN_EXERCISES:
        raise ValidationFailed(TOO_MANY, {"exercise_id": [TOO_MANY]})
    position = data.pop("position", None)
    row = PlanExercise(plan_id=plan.id, exercise=exercise, position=len(before),
                       **{"target_weight_unit": preferred_unit(user_id), **data})
    db.session.add(row)
    db.session.flush()
    _save(ordering.place(list(before), row.id, position), {**before, row.id: len(before)})
    plan.updated_at = utcnow()
    db.session.commit()
    db.session.refresh(row)
    return row


def update_exercise(user_id: int, plan_exercise_id: int, data: dict) -> PlanExercise:
    row = _own_exercise(user_id, plan_exercise_id)
    plan = owned_plan(user_id, row.plan_id, lock=True)
    position = data.pop("position", None)
    for field, value in data.items():
        setattr(row, field, value)
    if position is not None:
        db.session.flush()
        before = _positions(plan.id)
        _save(ordering.place(list(before), row.id, position), before)
        db.session.refresh(row)
    plan.updated_at = utcnow()
    db.session.commit()
    return row


def delete_exercise(user_id: int, plan_exercise_id: int) -> None:
    row = _own_exercise(user_id, plan_exercise_id)
    plan = owned_plan(user_id, row.plan_id, lock=True)
    db.session.delete(row)
    db.session.flush()
    before = _positions(plan.id)
    _save(list(before), before)
    plan.updated_at = utcnow()
    db.session.commit()


def _positions(plan_id: int) -> dict[int, int]:
    """id -> stored position of the plan's exercises, in order (ties by id)."""
    return dict(db.session.execute(
        select(PlanExercise.id, PlanExercise.position).where(PlanExercise.plan_id == plan_id)
        .order_by(PlanExercise.position, PlanExercise.id)).all())


def _save(order: list[int], before: dict[int, int]) -> None:
    moved = [{"row": i, "new_position": n} for i, n in ordering.changes(order, before).items()]
    if moved:
        db.session.execute(
            update(PlanExercise.__table__).where(PlanExercise.id == bindparam("row"))
            .values(position=bindparam("new_position")), moved)

