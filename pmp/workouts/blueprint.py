"""The workouts blueprint, shared by its route modules: pmp.workouts.routes (exercises,
workouts, sets, statistics) and pmp.workouts.plan_routes (plans, calendar, start, duplicate);
importing pmp.workouts.routes registers them all."""

from __future__ import annotations

from flask import url_for

from pmp.auth.guard import api_blueprint

blp = api_blueprint("workouts", __name__, description="Exercises, workouts, sets and statistics")


def created(obj, endpoint: str, **values):
    """A 201 answer with the Location of the new resource (`endpoint` of this blueprint)."""
    return obj, 201, {"Location": url_for(f"workouts.{endpoint}", **values)}
