"""Idempotency-Key on the POSTs of the workout log (plan start and duplicate too): replays,
reuse, garbage, users, races."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from pmp.core import idempotency
from pmp.core.extensions import db
from pmp.workouts.models import Workout, WorkoutExercise, WorkoutSet

WORKOUT = {"performed_at": "2026-01-14T18:00:00Z", "notes": "legs"}


def post(client, user, url, body, key, **headers):
    return client.post(url, json=body, headers={**user.headers, "Idempotency-Key": key,
                                                **headers})


def counts(app):
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model))
                     for model in (Workout, WorkoutExercise, WorkoutSet))


def test_a_replay_answers_the_first_result_and_writes_nothing(app, client, alice, as_alice):
    first = post(client, alice, "/api/workouts", WORKOUT, "k-1")
    assert first.status_code == 201 and "Idempotency-Replayed" not in first.headers
    before = counts(app)
    again = post(client, alice, "/api/workouts", {"notes": "legs", **WORKOUT}, "k-1")
    assert again.status_code == 201
    assert again.headers["Idempotency-Replayed"] == "true"
    assert again.get_json() == first.get_json()
    assert again.headers["Location"] == first.headers["Location"]
    assert counts(app) == before
    assert len(as_alice.get("/api/workouts")) == 1


def test_exercises_and_sets_are_replayed_too(app, client, alice, as_alice):
    workout = as_alice.workout()
    url = f"/api/workouts/{workout['id']}/exercises"
    body = {"exercise_id": as_alice.exercise_id()}
    entry = post(client, alice, url, body, "e")
    assert post(client, alice, url, body, "e").get_json() == entry.get_json()
    sets_url = f"/api/workout-exercises/{entry.get_json()['id']}/sets"
    first = post(client, alice, sets_url, {"reps": 5, "weight": 100}, "s")
    again = post(client, alice, sets_url, {"reps": 5, "weight": 100}, "s")
    assert again.status_code == 201 and again.get_json() == first.get_json()
    assert counts(app) == (1, 1, 1)


def test_starting_a_plan_and_repeating_a_workout_are_replayed_too(app, client, alice, as_alice):
    plan = as_alice.post("/api/plans", {"name": "Push", "exercises": [
        {"exercise_id": as_alice.exercise_id(), "target_sets": 3, "target_reps": 5}]})
    start = f"/api/plans/{plan['id']}/start"
    first = post(client, alice, start, {}, "start-1")
    again = post(client, alice, start, {}, "start-1")
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotency-Replayed"] == "true"
    assert again.get_json() == first.get_json()
    assert counts(app) == (1, 1, 0)
    copy = f"/api/workouts/{first.get_json()['id']}/duplicate"
    copied = post(client, alice, copy, {}, "copy-1")
    assert post(client, alice, copy, {}, "copy-1").get_json() == copied.get_json()
    assert post(client, alice, copy, {"performed_at": "2026-01-01T00:00:00Z"},
                "copy-1").status_code == 422
    assert counts(app) == (2, 2, 0)


def test_a_key_reused_with_another_body_or_path_is_422(app, client, alice, as_alice):
    workout = post(client, alice, "/api/workouts", WORKOUT, "same").get_json()
    other = post(client, alice, "/api/workouts", {**WORKOUT, "notes": "arms"}, "same")
    assert other.status_code == 422
    assert other.get_json()["code"] == "idempotency_key_reused"
    elsewhere = post(client, alice, f"/api/workouts/{workout['id']}/exercises",
                     {"exercise_id": as_alice.exercise_id()}, "same")
    assert elsewhere.status_code == 422
    assert counts(app) == (1, 0, 0)


def test_errors_are_not_kept_so_a_retry_may_succeed(app, client, alice):
    bad = post(client, alice, "/api/workouts", {"performed_at": "nope"}, "retry")
    assert bad.status_code == 422 and bad.get_json()["code"] == "validation_error"
    good = post(client, alice, "/api/workouts", WORKOUT, "retry")
    assert good.status_code == 201 and "Idempotency-Replayed" not in good.headers
    missing = post(client, alice, "/api/workouts/999999/exercises", {"exercise_id": 1}, "gone")
    assert missing.status_code == 404
    with app.app_context():
        keys = db.session.scalars(select(idempotency.IdempotencyKey.key)).all()
    assert keys == ["retry"]


@pytest.mark.parametrize("key", ["", "x" * 201, "x" * 500, "schlüssel", "tab\there", "ключ",
                                 "line\nbreak"])
def test_malformed_keys_are_400(app, client, alice, key):
    try:
        response = post(client, alice, "/api/workouts", WORKOUT, key)
    except ValueError:  # werkzeug refuses to send a newline in a header at all
        return
    assert response.status_code == 400, response.get_json()
    assert response.get_json()["code"] == "bad_request"
    assert counts(app) == (0, 0, 0)


def test_a_key_of_200_printable_characters_is_fine(client, alice):
    key = ("abc~ !" * 40)[:200]
    assert post(client, alice, "/api/workouts", WORKOUT, key).status_code == 201


def test_another_users_same_key_is_independent(app, client, alice, bob):
    mine = post(client, alice, "/api/workouts", WORKOUT, "shared").get_json()
    theirs = post(client, bob, "/api/workouts", {**WORKOUT, "notes": "x"}, "shared")
    assert theirs.status_code == 201 and "Idempotency-Replayed" not in theirs.headers
    assert theirs.get_json()["id"] != mine["id"]
    assert counts(app) == (2, 0, 0)


def _age_keys(app, delta):
    with app.app_context():
        table = idempotency.IdempotencyKey
        for row in db.session.scalars(select(table)):
            row.created_at -= delta
        db.session.commit()


def test_keys_expire_after_24_hours(app, client, alice):
    post(client, alice, "/api/workouts", WORKOUT, "old")
    post(client, alice, "/api/workouts", WORKOUT, "older")
    _age_keys(app, timedelta(hours=24, seconds=1))
    again = post(client, alice, "/api/workouts", {**WORKOUT, "notes": "new"}, "old")
    assert again.status_code == 201 and "Idempotency-Replayed" not in again.headers
    with app.app_context():  # the user's expired "older" went with that claim
        keys = db.session.scalars(select(idempotency.IdempotencyKey.key)).all()
        assert keys == ["old"]
    _age_keys(app, timedelta(hours=25))
    with app.app_context():
        assert idempotency.delete_expired() == 1
        db.session.commit()


def test_a_pending_claim_is_a_409_then_taken_over_once_abandoned(app, client, alice):
    with app.app_context():
        stuck = idempotency._claim(alice.id, "stuck", "0" * 64)
        assert isinstance(stuck, idempotency.IdempotencyKey)
    with app.test_request_context("/api/workouts", method="POST", json=WORKOUT):
        fingerprint = idempotency._fingerprint()
    with app.app_context():
        db.session.execute(idempotency.update(idempotency.IdempotencyKey)
                           .values(fingerprint=fingerprint))
        db.session.commit()
    busy = post(client, alice, "/api/workouts", WORKOUT, "stuck")
    assert busy.status_code == 409 and busy.get_json()["code"] == "conflict"
    assert counts(app) == (0, 0, 0)
    _age_keys(app, timedelta(minutes=3))
    taken = post(client, alice, "/api/workouts", WORKOUT, "stuck")
    assert taken.status_code == 201
    assert post(client, alice, "/api/workouts", WORKOUT, "stuck").headers[
        "Idempotency-Replayed"] == "true"
    assert counts(app) == (1, 0, 0)


def test_the_unique_constraint_stops_a_second_claim(app, alice):
    """Two identical requests at once: the second insert of the key fails, and that request
    then finds the first one's claim instead of writing."""
    with app.app_context():
        first = idempotency._claim(alice.id, "race", "f" * 64)
        db.session.add(idempotency.IdempotencyKey(user_id=alice.id, key="race",
                                                  fingerprint="f" * 64,
                                                  created_at=first.created_at))
        with pytest.raises(idempotency.IntegrityError):
            db.session.commit()
        db.session.rollback()
        with pytest.raises(idempotency.ApiError) as raised:
            idempotency._claim(alice.id, "race", "f" * 64)
        assert raised.value.status == 409


def test_keys_go_with_the_user(app, client, make_user):
    carol = make_user("carol")
    post(client, carol, "/api/workouts", WORKOUT, "mine")
    assert client.delete("/api/me", headers=carol.headers,
                         json={"password": carol.password}).status_code in (200, 204)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(
            idempotency.IdempotencyKey)) == 0


def test_the_header_is_documented(client):
    spec = client.get("/api/openapi.json").get_json()
    for path in ("/api/workouts", "/api/workouts/{workout_id}/exercises",
                 "/api/workout-exercises/{entry_id}/sets"):
        names = [p["name"] for p in spec["paths"][path]["post"].get("parameters", [])]
        assert "Idempotency-Key" in names, path
