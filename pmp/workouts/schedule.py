"""The calendar: what is planned and what was done on each day of a range.

Days are calendar dates in UTC: a workout's day is the UTC date of its `performed_at` (the
account has no time zone preference; docs/API-NOTES.md). Two queries whatever the data: the
plans scheduled in the range (their weekdays, and their dates within it), and the workouts
performed in it with their counts of exercises and sets.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, distinct, func, or_, select

from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet
from pmp.workouts.plan_models import Plan, PlanDate
from pmp.workouts.plan_schemas import MAX_CALENDAR_DAYS


def calendar_range(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """`[start, end]`, both days included. Without bounds: the month of `today`; with one,
    the other is the first (or last) day of that bound's month. At most 366 days."""
    if start is None:
        start = (end or today).replace(day=1)
    if end is None:
        end = start.replace(day=monthrange(start.year, start.month)[1])
    if end < start:
        raise ValidationFailed("The range is empty.", {"to": ["Must not be before 'from'."]})
    if (end - start).days + 1 > MAX_CALENDAR_DAYS:
        message = f"At most {MAX_CALENDAR_DAYS} days at once."
        raise ValidationFailed(message, {"to": [message]})
    return start, end


def calendar(user_id: int, start: date | None, end: date | None) -> dict:
    start, end = calendar_range(start, end, utcnow().date())
    plans = _scheduled_plans(user_id, start, end)
    done = _workouts_by_day(user_id, start, end)
    days = []
    for n in range((end - start).days + 1):
        day = start + timedelta(days=n)
        bit = 1 << (day.isoweekday() - 1)
        planned = [{"plan_id": plan_id, "name": name}
                   for plan_id, (name, mask, dates) in plans.items()
                   if mask & bit or day in dates]
        days.append({"date": day, "planned": planned, "workouts": done.get(day, [])})
    return {"start": start, "end": end, "days": days}


def _scheduled_plans(user_id: int, start: date, end: date) -> dict[int, tuple]:
    """plan id -> (name, weekday bits, its dates within the range), in name order."""
    rows = db.session.execute(
        select(Plan.id, Plan.name, Plan.weekdays, PlanDate.day)
        .outerjoin(PlanDate, and_(PlanDate.plan_id == Plan.id, PlanDate.day >= start,
                                  PlanDate.day <= end))
        .where(Plan.user_id == user_id, or_(Plan.weekdays != 0, PlanDate.day.is_not(None)))
        .order_by(func.lower(Plan.name), Plan.id)
    )
    plans: dict[int, tuple] = {}
    for plan_id, name, mask, day in rows:
        dates = plans.setdefault(plan_id, (name, mask, set()))[2]
        if day is not None:
            dates.add(day)
    return plans


def _workouts_by_day(user_id: int, start: date, end: date) -> dict[date, list[dict]]:
    begin = datetime.combine(start, time(), UTC)
    stop = datetime.combine(end + timedelta(days=1), time(), UTC)
    rows = db.session.execute(
        select(Workout.id, Workout.performed_at,
               func.count(distinct(WorkoutExercise.id)), func.count(WorkoutSet.id))
        .outerjoin(WorkoutExercise, WorkoutExercise.workout_id == Workout.id)
        .outerjoin(WorkoutSet, WorkoutSet.workout_exercise_id == WorkoutExercise.id)
        .where(Workout.user_id == user_id, Workout.performed_at >= begin,
               Workout.performed_at < stop)
        .group_by(Workout.id, Workout.performed_at)
        .order_by(Workout.performed_at, Workout.id)
    )
    days: dict[date, list[dict]] = {}
    for workout_id, performed_at, exercises, sets in rows:
        days.setdefault(performed_at.date(), []).append(
            {"id": workout_id, "performed_at": performed_at, "exercises": exercises,
             "sets": sets})
    return days
