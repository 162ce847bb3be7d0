"""Fixtures for the Workouts tests: two users and a small client for their API calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from pmp.core.extensions import db
from pmp.workouts import record_book
from pmp.workouts.models import Exercise, Workout, WorkoutExercise, WorkoutSet


class Log:
    """Calls the API as one user and asserts the expected status."""

    def __init__(self, client, user):
        self.client, self.user = client, user

    def call(self, method: str, url: str, status: int, **kwargs):
        response = self.client.open(url, method=method, headers=self.user.headers, **kwargs)
        body = response.get_json(silent=True)
        assert response.status_code == status, (response.status_code, body)
        return body

    def get(self, url, status=200, **kwargs):
        return self.call("GET", url, status, **kwargs)

    def post(self, url, json, status=201):
        return self.call("POST", url, status, json=json)

    def patch(self, url, json, status=200):
        return self.call("PATCH", url, status, json=json)

    def put(self, url, json, status=200):
        return self.call("PUT", url, status, json=json)

    def delete(self, url, status=204):
        return self.call("DELETE", url, status)

    def exercise_id(self, name: str = "Bench Press") -> int:
        found = self.get("/api/exercises", query_string={"q": name})
        return next(e["id"] for e in found if e["name"] == name)

    def workout(self, performed_at="2026-01-14T18:00:00Z", **fields) -> dict:
        return self.post("/api/workouts", {"performed_at": performed_at, **fields})

    def entry(self, workout_id: int, exercise: str | int = "Bench Press", **fields) -> dict:
        exercise_id = exercise if isinstance(exercise, int) else self.exercise_id(exercise)
        return self.post(f"/api/workouts/{workout_id}/exercises",
                         {"exercise_id": exercise_id, **fields})

    def set(self, entry_id: int, **fields) -> dict:
        return self.post(f"/api/workout-exercises/{entry_id}/sets", fields)


@pytest.fixture
def alice(make_user):
    return make_user("alice")


@pytest.fixture
def bob(make_user):
    return make_user("bob")


@pytest.fixture
def as_alice(client, alice):
    return Log(client, alice)


@pytest.fixture
def as_bob(client, bob):
    return Log(client, bob)


@pytest.fixture
def seed_workouts(app):
    """Insert ``count`` workouts of two exercises with three sets each, straight in the DB."""

    def seed(user_id: int, count: int, exercise: str = "Bench Press") -> list[int]:
        with app.app_context():
            bench = db.session.query(Exercise).filter_by(user_id=None, name=exercise).one()
            squat = db.session.query(Exercise).filter_by(user_id=None, name="Back Squat").one()
            start = datetime(2025, 12, 1, 7, tzinfo=UTC)
            workouts = []
            for n in range(count):
                workout = Workout(user_id=user_id, performed_at=start + timedelta(days=n),
                                  duration_minutes=40)
                for order, ex in enumerate((bench, squat)):
                    sets = [WorkoutSet(set_number=k + 1, reps=5 + k, weight=Decimal(60 + n % 7),
                                       weight_unit="kg", is_warmup=(k == 0))
                            for k in range(3)]
                    workout.exercises.append(
                        WorkoutExercise(exercise=ex, exercise_order=order, sets=sets))
                workouts.append(workout)
            db.session.add_all(workouts)
            record_book.rebuild(user_id)  # written behind the services' back
            db.session.commit()
            return [w.id for w in workouts]

    return seed
