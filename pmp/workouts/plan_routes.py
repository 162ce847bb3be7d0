"""Routes of plans, the calendar, and workouts started from a plan or a past workout.

Registered on the workouts blueprint (imported by pmp.workouts.routes); each parses, calls one
service function and answers.
"""

from __future__ import annotations

from pmp.auth.guard import current_user, current_user_id
from pmp.core.idempotency import idempotent
from pmp.core.pagination import TOTAL_COUNT, total_header
from pmp.workouts import plan_schemas as schemas
from pmp.workouts import plans, prefill, schedule
from pmp.workouts.blueprint import blp, created
from pmp.workouts.schemas import WorkoutDetailSchema

PLAN = "/plans/<int:plan_id>"
PLAN_EXERCISE = "/plan-exercises/<int:plan_exercise_id>"


@blp.route("/plans", methods=["GET"])
@blp.arguments(schemas.PlanQuery, location="query")
@blp.response(200, schemas.PlanSchema(many=True), headers=TOTAL_COUNT)
def list_plans(args):
    """List your plans by name, with their exercises and schedule (paged)."""
    rows, total = plans.list_plans(current_user_id(), args["limit"], args["offset"])
    return rows, total_header(total)


@blp.route("/plans", methods=["POST"])
@blp.arguments(schemas.PlanInSchema)
@blp.response(201, schemas.PlanSchema)
def create_plan(data):
    """Create a plan: exercises with targets, scheduled on weekdays and/or dates."""
    plan = plans.create_plan(current_user_id(), data)
    return created(plan, "get_plan", plan_id=plan.id)


@blp.route(PLAN, methods=["GET"])
@blp.response(200, schemas.PlanSchema)
def get_plan(plan_id):
    """Show a plan with its exercises and schedule."""
    return plans.get_plan(current_user_id(), plan_id)


@blp.route(PLAN, methods=["PUT"])
@blp.arguments(schemas.PlanInSchema)
@blp.response(200, schemas.PlanSchema)
def replace_plan(data, plan_id):
    """Replace a plan's fields.

    Omitted ones become null or empty; `exercises`, when given, replaces the list.
    """
    return plans.update_plan(current_user_id(), plan_id, data)


@blp.route(PLAN, methods=["PATCH"])
@blp.arguments(schemas.PlanPatchSchema)
@blp.response(200, schemas.PlanSchema)
def update_plan(data, plan_id):
    """Change some fields of a plan (`exercises`, when given, replaces the list)."""
    return plans.update_plan(current_user_id(), plan_id, data)


@blp.route(PLAN, methods=["DELETE"])
@blp.response(204)
def delete_plan(plan_id):
    """Delete a plan (workouts started from it stay)."""
    plans.delete_plan(current_user_id(), plan_id)


@blp.route(f"{PLAN}/exercises", methods=["POST"])
@blp.arguments(schemas.PlanExerciseSchema)
@blp.response(201, schemas.PlanExerciseSchema)
def add_plan_exercise(data, plan_id):
    """Add an exercise to a plan, at `position` (default: last)."""
    row = plans.add_exercise(current_user_id(), plan_id, data)
    return created(row, "get_plan", plan_id=plan_id, _anchor=f"exercise-{row.id}")


@blp.route(PLAN_EXERCISE, methods=["PATCH"])
@blp.arguments(schemas.PlanExercisePatchSchema)
@blp.response(200, schemas.PlanExerciseSchema)
def update_plan_exercise(data, plan_exercise_id):
    """Change the targets or notes of a plan's exercise, or move it to `position`."""
    return plans.update_exercise(current_user_id(), plan_exercise_id, data)


@blp.route(PLAN_EXERCISE, methods=["DELETE"])
@blp.response(204)
def delete_plan_exercise(plan_exercise_id):
    """Remove an exercise from a plan."""
    plans.delete_exercise(current_user_id(), plan_exercise_id)


@blp.route(f"{PLAN}/start", methods=["POST"])
@idempotent
@blp.arguments(schemas.StartSchema, required=False)
@blp.response(201, WorkoutDetailSchema)
def start_plan(data, plan_id):
    """Start a workout from a plan: its exercises in order with their targets, no sets."""
    workout = prefill.start_plan(current_user(), plan_id, data or {})
    return created(workout, "get_workout", workout_id=workout.id)


@blp.route("/workouts/<int:workout_id>/duplicate", methods=["POST"])
@idempotent
@blp.arguments(schemas.StartSchema, required=False)
@blp.response(201, WorkoutDetailSchema)
def duplicate_workout(data, workout_id):
    """Start a workout like a past one, targets from its working sets.

    Its exercises in order, no sets; targets: the count of working sets, the most reps, the
    heaviest weight, the highest RPE.
    """
    workout = prefill.duplicate_workout(current_user(), workout_id, data or {})
    return created(workout, "get_workout", workout_id=workout.id)


@blp.route("/calendar", methods=["GET"])
@blp.arguments(schemas.CalendarQuery, location="query")
@blp.response(200, schemas.CalendarSchema)
def calendar(args):
    """What is planned and what was done, day by day.

    Every day of the range (default: this month; at most 366 days, both ends included), with
    the plans scheduled and the workouts done; days in UTC.
    """
    return schedule.calendar(current_user_id(), args.get("start"), args.get("end"))
