"""Routes of an exercise's history, progress series and records, and of "last time".

They live on the Workouts blueprint (pmp.workouts.routes), which imports this module.
"""

from __future__ import annotations

from pmp.auth.guard import current_user
from pmp.core.pagination import TOTAL_COUNT, total_header
from pmp.workouts import progress, progress_schemas, schemas
from pmp.workouts.blueprint import blp
from pmp.workouts.exercises import get_visible_exercise
from pmp.workouts.records import exercise_records


@blp.route("/exercises/<int:exercise_id>/history", methods=["GET"])
@blp.arguments(progress_schemas.HistoryQuery, location="query")
@blp.response(200, schemas.HistorySchema, headers=TOTAL_COUNT)
def exercise_history(args, exercise_id):
    """One page of an exercise's sessions, newest first, with its personal records."""
    body, total = progress.exercise_history(current_user(), exercise_id, **args)
    return body, total_header(total)


@blp.route("/exercises/<int:exercise_id>/progress", methods=["GET"])
@blp.arguments(progress_schemas.ProgressQuery, location="query")
@blp.response(200, progress_schemas.ProgressSchema)
def exercise_progress(args, exercise_id):
    """Best e1RM, heaviest weight, volume, sets and reps per session, week or month."""
    return progress.exercise_progress(current_user(), exercise_id, args.get("start"),
                                      args.get("end"), args["bucket"])


@blp.route("/exercises/<int:exercise_id>/records", methods=["GET"])
@blp.response(200, schemas.RecordsSchema)
def exercise_personal_records(exercise_id):
    """Personal records of an exercise, with the heaviest weight for 1 to 12 reps."""
    user = current_user()
    return exercise_records(user, get_visible_exercise(user.id, exercise_id).id)


@blp.route("/exercises/<int:exercise_id>/last", methods=["GET"])
@blp.arguments(progress_schemas.LastQuery, location="query")
@blp.response(200, progress_schemas.LastTimeSchema)
def exercise_last(args, exercise_id):
    """The exercise's sets of the latest workout (before `before`) in which it was logged."""
    return progress.exercise_last(current_user(), exercise_id, args.get("before"))


@blp.route("/workouts/<int:workout_id>/last", methods=["GET"])
@blp.response(200, progress_schemas.LastTimeSchema(many=True))
def workout_last(workout_id):
    """"Last time" of every distinct exercise of a workout, in the workout's order."""
    return progress.workout_last(current_user(), workout_id)
