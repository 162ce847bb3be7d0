"""Routes of the Workouts section of API.md: parse, call one service function, answer."""

from __future__ import annotations

from flask import jsonify

import pmp.workouts.plan_routes  # noqa: F401 - registers the plan views on blp
import pmp.workouts.progress_routes  # noqa: F401 - history, progress, records, last time
from pmp.auth.guard import current_user, current_user_id
from pmp.core.idempotency import idempotent
from pmp.core.pagination import TOTAL_COUNT, total_header
from pmp.workouts import calc, exercises, schemas, stats, summaries, workout_log
from pmp.workouts.blueprint import blp, created
from pmp.workouts.catalogue import CATEGORIES, MUSCLE_GROUPS

STRINGS = {"type": "array", "items": {"type": "string"}}


# Exercises


@blp.route("/exercises", methods=["GET"])
@blp.arguments(schemas.ExerciseQuery, location="query")
@blp.response(200, schemas.ExerciseSchema(many=True))
def list_exercises(args):
    """List the built-in catalogue and your own exercises."""
    return exercises.list_exercises(current_user_id(), **args)


@blp.route("/exercises", methods=["POST"])
@blp.arguments(schemas.ExerciseSchema)
@blp.response(201, schemas.ExerciseSchema)
def create_exercise(data):
    """Create a custom exercise."""
    exercise = exercises.create_exercise(current_user_id(), data)
    return created(exercise, "get_exercise", exercise_id=exercise.id)


@blp.route("/exercises/categories", methods=["GET"])
@blp.response(200, STRINGS)
def exercise_categories():
    """List the exercise categories."""
    return jsonify(list(CATEGORIES))


@blp.route("/exercises/muscle-groups", methods=["GET"])
@blp.response(200, STRINGS)
def exercise_muscle_groups():
    """List the muscle groups."""
    return jsonify(list(MUSCLE_GROUPS))


@blp.route("/exercises/<int:exercise_id>", methods=["GET"])
@blp.response(200, schemas.ExerciseSchema)
def get_exercise(exercise_id):
    """Show one exercise."""
    return exercises.get_visible_exercise(current_user_id(), exercise_id)


@blp.route("/exercises/<int:exercise_id>", methods=["PATCH"])
@blp.arguments(schemas.ExercisePatchSchema)
@blp.response(200, schemas.ExerciseSchema)
def update_exercise(data, exercise_id):
    """Change one of your custom exercises (built-in ones are read-only)."""
    return exercises.update_exercise(current_user_id(), exercise_id, data)


@blp.route("/exercises/<int:exercise_id>", methods=["DELETE"])
@blp.response(204)
def delete_exercise(exercise_id):
    """Delete one of your custom exercises unless a workout uses it."""
    exercises.delete_exercise(current_user_id(), exercise_id)


# Workouts


@blp.route("/workouts", methods=["GET"])
@blp.arguments(schemas.WorkoutQuery, location="query")
@blp.response(200, schemas.WorkoutListItemSchema(many=True), headers=TOTAL_COUNT)
def list_workouts(args):
    """List your workouts, newest first (`from` inclusive, `to` exclusive), each with a
    summary (exercises, working sets, volume in your unit)."""
    user = current_user()
    workouts, total = workout_log.list_workouts(user.id, args)
    unit = calc.training_unit(user.weight_unit)
    return summaries.summaries(user.id, workouts, unit), total_header(total)


@blp.route("/workouts", methods=["POST"])
@idempotent
@blp.arguments(schemas.WorkoutSchema)
@blp.response(201, schemas.WorkoutSchema)
def create_workout(data):
    """Log a workout."""
    workout = workout_log.create_workout(current_user_id(), data)
    return created(workout, "get_workout", workout_id=workout.id)


@blp.route("/workouts/<int:workout_id>", methods=["GET"])
@blp.response(200, schemas.WorkoutSchema)
def get_workout(workout_id):
    """Show one workout."""
    return workout_log.get_workout(current_user_id(), workout_id)


@blp.route("/workouts/<int:workout_id>", methods=["PUT"])
@blp.arguments(schemas.WorkoutSchema)
@blp.response(200, schemas.WorkoutSchema)
def replace_workout(data, workout_id):
    """Replace a workout's fields (omitted ones become null)."""
    return workout_log.update_workout(current_user_id(), workout_id, data)


@blp.route("/workouts/<int:workout_id>", methods=["PATCH"])
@blp.arguments(schemas.WorkoutPatchSchema)
@blp.response(200, schemas.WorkoutSchema)
def update_workout(data, workout_id):
    """Change some fields of a workout."""
    return workout_log.update_workout(current_user_id(), workout_id, data)


@blp.route("/workouts/<int:workout_id>", methods=["DELETE"])
@blp.response(204)
def delete_workout(workout_id):
    """Delete a workout with its exercises and sets."""
    workout_log.delete_workout(current_user_id(), workout_id)


@blp.route("/workouts/<int:workout_id>/details", methods=["GET"])
@blp.response(200, schemas.WorkoutDetailSchema)
def workout_details(workout_id):
    """Show a workout with its exercises and their sets."""
    return workout_log.get_workout_details(current_user_id(), workout_id)


@blp.route("/workouts/<int:workout_id>/report", methods=["GET"])
@blp.response(200, schemas.ReportSchema)
def workout_report(workout_id):
    """Totals of a workout per exercise, weights in your preferred unit."""
    return stats.workout_report(current_user(), workout_id)


@blp.route("/stats/summary", methods=["GET"])
@blp.arguments(schemas.RangeQuery, location="query")
@blp.response(200, schemas.SummarySchema)
def stats_summary(args):
    """Totals over a period and per ISO week, zeros included (default: the last 12 weeks)."""
    return stats.stats_summary(current_user(), args.get("start"), args.get("end"))


# Exercises of a workout and their sets


@blp.route("/workouts/<int:workout_id>/exercises", methods=["POST"])
@idempotent
@blp.arguments(schemas.WorkoutExerciseSchema)
@blp.response(201, schemas.WorkoutExerciseSchema)
def add_workout_exercise(data, workout_id):
    """Add an exercise to a workout."""
    entry = workout_log.add_entry(current_user_id(), workout_id, data)
    return created(entry, "get_workout_exercise", entry_id=entry.id)


@blp.route("/workout-exercises/<int:entry_id>", methods=["GET"])
@blp.response(200, schemas.WorkoutExerciseDetailSchema)
def get_workout_exercise(entry_id):
    """Show an exercise of a workout with its sets."""
    return workout_log.get_entry(current_user_id(), entry_id)


@blp.route("/workout-exercises/<int:entry_id>", methods=["PATCH"])
@blp.arguments(schemas.WorkoutExercisePatchSchema)
@blp.response(200, schemas.WorkoutExerciseSchema)
def update_workout_exercise(data, entry_id):
    """Change the order or notes of an exercise in a workout."""
    return workout_log.update_entry(current_user_id(), entry_id, data)


@blp.route("/workout-exercises/<int:entry_id>", methods=["DELETE"])
@blp.response(204)
def delete_workout_exercise(entry_id):
    """Remove an exercise, with its sets, from a workout."""
    workout_log.delete_entry(current_user_id(), entry_id)


@blp.route("/workout-exercises/<int:entry_id>/sets", methods=["POST"])
@idempotent
@blp.arguments(schemas.SetSchema)
@blp.response(201, schemas.SetSchema)
def add_set(data, entry_id):
    """Log a set; without `set_number` it gets the next free one."""
    row = workout_log.add_set(current_user(), entry_id, data)
    return created(row, "get_set", set_id=row.id)


@blp.route("/sets/<int:set_id>", methods=["GET"])
@blp.response(200, schemas.SetSchema)
def get_set(set_id):
    """Show one set."""
    return workout_log.get_set(current_user_id(), set_id)


@blp.route("/sets/<int:set_id>", methods=["PATCH"])
@blp.arguments(schemas.SetPatchSchema)
@blp.response(200, schemas.SetSchema)
def update_set(data, set_id):
    """Change a set."""
    return workout_log.update_set(current_user_id(), set_id, data)


@blp.route("/sets/<int:set_id>", methods=["DELETE"])
@blp.response(204)
def delete_set(set_id):
    """Delete a set."""
    workout_log.delete_set(current_user_id(), set_id)
