"""Export and import of custom exercises and workouts (pmp.workouts.portability)."""

import json

import pytest

from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.workouts.portability import export_data, import_data


def _fill(log):
    custom = log.post("/api/exercises", {"name": "Sled Push", "category": "strength",
                                         "muscle_group": "legs"})
    workout = log.workout("2026-01-14T18:00:00Z", duration_minutes=50, notes="legs")
    entry = log.entry(workout["id"], custom["id"], notes="heavy")
    log.set(entry["id"], reps=10, weight=80, rpe=7.5, is_warmup=True)
    log.set(entry["id"], reps=8, weight="102.5", weight_unit="lb", distance_meters=20)
    log.set(log.entry(workout["id"], "Running")["id"], duration_seconds=1200,
            distance_meters=5000)
    log.workout("2026-01-15T18:00:00Z")


def test_export_is_json_ready_and_complete(app, as_alice, as_bob):
    _fill(as_alice)
    as_bob.post("/api/exercises", {"name": "Bob Only", "category": "sport"})
    with app.app_context():
        doc = export_data(as_alice.user.id)
    json.dumps(doc)
    assert doc["custom_exercises"] == [
        {"name": "Sled Push", "category": "strength", "muscle_group": "legs"}]
    first = doc["workouts"][0]
    assert (first["performed_at"], first["duration_minutes"], first["notes"]) == (
        "2026-01-14T18:00:00Z", 50, "legs")
    sled, running = first["exercises"]
    assert (sled["exercise_name"], sled["custom"], sled["notes"]) == ("Sled Push", True, "heavy")
    assert sled["sets"][1] == {"set_number": 2, "reps": 8, "weight": 102.5, "weight_unit": "lb",
                               "rpe": None, "rir": None, "duration_seconds": None,
                               "distance_meters": 20.0, "is_warmup": False}
    assert (running["exercise_name"], running["custom"]) == ("Running", False)
    assert len(doc["workouts"]) == 2


def test_round_trip_into_another_account(app, as_alice, as_bob):
    _fill(as_alice)
    with app.app_context():
        doc = export_data(as_alice.user.id)
        counts = import_data(as_bob.user.id, json.loads(json.dumps(doc)))
        db.session.commit()
        assert counts == {"custom_exercises": 1, "workouts": 2, "workout_exercises": 2,
                          "sets": 3}
        assert export_data(as_bob.user.id) == doc
        # importing again reuses the custom exercise by name
        assert import_data(as_bob.user.id, doc)["custom_exercises"] == 0
        db.session.rollback()


def test_import_numbers_sets_and_uses_the_preferred_unit(app, as_alice):
    doc = {"workouts": [{"performed_at": "2026-03-01T10:00:00Z", "exercises": [
        {"exercise_name": "bench press", "sets": [{"reps": 5, "weight": 60},
                                                  {"set_number": 4, "reps": 3}, {"reps": 1}]}]}]}
    with app.app_context():
        import_data(as_alice.user.id, doc)
        db.session.commit()
    sets = as_alice.get("/api/workouts")[0]
    details = as_alice.get(f"/api/workouts/{sets['id']}/details")
    numbers = [(s["set_number"], s["weight_unit"]) for s in details["exercises"][0]["sets"]]
    assert numbers == [(4, "kg"), (5, "kg"), (6, "kg")]


@pytest.mark.parametrize("doc", [
    {"workouts": [{"performed_at": "nope"}]},
    {"workouts": [{"performed_at": "2026-01-01T00:00:00Z",
                   "exercises": [{"exercise_name": "No Such Lift"}]}]},
    {"workouts": [{"performed_at": "2026-01-01T00:00:00Z",
                   "exercises": [{"exercise_name": "Bench Press", "custom": True}]}]},
    {"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": [
        {"exercise_name": "Bench Press", "sets": [{"set_number": 1}, {"set_number": 1}]}]}]},
    {"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": [
        {"exercise_name": "Bench Press", "sets": [{"reps": -1}]}]}]},
    {"custom_exercises": [{"name": "X", "category": "dance"}]},
    {"workouts": "many"},
    {"unexpected": []},
])
def test_import_rejects_bad_documents(app, as_alice, doc):
    with app.app_context():
        with pytest.raises(ValidationFailed):
            import_data(as_alice.user.id, doc)
        db.session.rollback()
    assert as_alice.get("/api/workouts") == []
