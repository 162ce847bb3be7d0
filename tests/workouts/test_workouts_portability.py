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
    entry = log.entry(workout["id"], custom["id"], notes="heavy", target_sets=3, target_reps=8,
                      target_weight="102.5", target_weight_unit="lb", target_rpe=8.5)
    log.set(entry["id"], reps=10, weight=80, rpe=7.5, is_warmup=True)
    log.set(entry["id"], reps=8, weight="102.5", weight_unit="lb", distance_meters=20)
    log.set(log.entry(workout["id"], "Running")["id"], duration_seconds=1200,
            distance_meters=5000)
    log.workout("2026-01-15T18:00:00Z")
    running = log.exercise_id("Running")
    log.post("/api/plans", {"name": "Legs", "notes": "slow", "weekdays": [4, 1],
                            "dates": ["2026-02-03", "2026-01-30"], "exercises": [
                                {"exercise_id": custom["id"], "target_sets": 5, "target_reps": 5,
                                 "target_weight": 100, "notes": "pause"},
                                {"exercise_id": running, "target_rpe": 6}]})
    log.post("/api/plans", {"name": "Empty"})


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
    assert {k: sled[k] for k in sled if k.startswith("target")} == {
        "target_sets": 3, "target_reps": 8, "target_weight": 102.5, "target_weight_unit": "lb",
        "target_rpe": 8.5}
    assert running["target_sets"] is None and running["target_weight_unit"] == "kg"
    legs, empty = doc["plans"]
    assert {k: v for k, v in legs.items() if k not in ("created_at", "updated_at")} == {
        "name": "Legs", "notes": "slow", "weekdays": [1, 4],
        "dates": ["2026-01-30", "2026-02-03"], "exercises": [
            {"exercise_name": "Sled Push", "custom": True, "notes": "pause", "target_sets": 5,
             "target_reps": 5, "target_weight": 100.0, "target_weight_unit": "kg",
             "target_rpe": None},
            {"exercise_name": "Running", "custom": False, "notes": None, "target_sets": None,
             "target_reps": None, "target_weight": None, "target_weight_unit": "kg",
             "target_rpe": 6.0}]}
    assert (empty["weekdays"], empty["dates"], empty["exercises"]) == ([], [], [])


def test_round_trip_into_another_account(app, as_alice, as_bob):
    _fill(as_alice)
    with app.app_context():
        doc = export_data(as_alice.user.id)
        counts = import_data(as_bob.user.id, json.loads(json.dumps(doc)))
        db.session.commit()
        assert counts == {"custom_exercises": 1, "workouts": 2, "workout_exercises": 2,
                          "sets": 3, "plans": 2, "plan_exercises": 2}
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
    {"plans": [{"name": "P", "exercises": [{"exercise_name": "No Such Lift"}]}]},
    {"plans": [{"name": "P", "weekdays": [0]}]},
    {"plans": [{"name": "P", "dates": ["2026-02-30"]}]},
    {"plans": [{"name": "P", "dates": ["2026-02-03", "2026-02-03"]}]},
    {"plans": [{"name": "P", "exercises": [{"exercise_name": "Plank"}] * 101}]},
    {"plans": [{"name": "P", "exercises": [{"exercise_name": "Plank", "target_rpe": 7.25}]}]},
    {"plans": [{"name": "P", "position": 1}]},
    {"plans": [{"name": ""}]},
    {"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": [
        {"exercise_name": "Bench Press", "target_weight_unit": "stone"}]}]},
])
def test_import_rejects_bad_documents(app, as_alice, doc):
    with app.app_context():
        with pytest.raises(ValidationFailed):
            import_data(as_alice.user.id, doc)
        db.session.rollback()
    assert as_alice.get("/api/workouts") == [] and as_alice.get("/api/plans") == []
