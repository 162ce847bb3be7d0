"""Workouts, their exercises and sets over HTTP: CRUD, ownership, validation."""

import pytest


def test_workout_lifecycle(client, as_alice):
    response = client.post("/api/workouts", headers=as_alice.user.headers,
                           json={"performed_at": "2026-01-14T19:30:00+01:00",
                                 "duration_minutes": 45, "notes": "Push day"})
    assert response.status_code == 201
    workout = response.get_json()
    assert response.headers["Location"].endswith(f"/api/workouts/{workout['id']}")
    assert set(workout) == {"id", "performed_at", "duration_minutes", "notes",
                            "created_at", "updated_at"}
    assert workout["performed_at"] == "2026-01-14T18:30:00Z"
    url = f"/api/workouts/{workout['id']}"
    assert as_alice.get(url) == workout
    patched = as_alice.patch(url, {"notes": "Push day, heavy"})
    assert (patched["notes"], patched["duration_minutes"]) == ("Push day, heavy", 45)
    replaced = as_alice.put(url, {"performed_at": "2026-01-15T07:00:00Z"})
    assert replaced["performed_at"] == "2026-01-15T07:00:00Z"
    assert (replaced["notes"], replaced["duration_minutes"]) == (None, None)
    as_alice.delete(url)
    as_alice.get(url, 404)


def test_list_newest_first_with_range_and_pages(client, as_alice):
    for day in (3, 1, 2, 5):
        as_alice.workout(f"2026-02-0{day}T10:00:00Z")
    response = client.get("/api/workouts", headers=as_alice.user.headers,
                          query_string={"limit": 2, "offset": 1})
    assert response.headers["X-Total-Count"] == "4"
    assert [w["performed_at"][:10] for w in response.get_json()] == ["2026-02-03", "2026-02-02"]
    response = client.get("/api/workouts", headers=as_alice.user.headers, query_string={
        "from": "2026-02-02T10:00:00Z", "to": "2026-02-05T10:00:00Z"})
    assert [w["performed_at"][:10] for w in response.get_json()] == ["2026-02-03", "2026-02-02"]
    assert response.headers["X-Total-Count"] == "2"
    assert as_alice.get("/api/workouts", query_string={"from": "2027-01-01T00:00:00Z"}) == []


@pytest.mark.parametrize("query", [
    {"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "many"},
    {"from": "yesterday"}, {"from": "2026-02-05T00:00:00Z", "to": "2026-02-01T00:00:00Z"},
])
def test_bad_list_arguments(as_alice, query):
    assert as_alice.get("/api/workouts", 422, query_string=query)["code"] == "validation_error"


@pytest.mark.parametrize("body", [
    {},
    {"performed_at": "not a timestamp"},
    {"performed_at": 1736870400},
    {"performed_at": "2026-01-14T18:00:00Z", "duration_minutes": -5},
    {"performed_at": "2026-01-14T18:00:00Z", "duration_minutes": 2.5},
    {"performed_at": "2026-01-14T18:00:00Z", "duration_minutes": "45"},
    {"performed_at": "2026-01-14T18:00:00Z", "duration_minutes": 10**12},
    {"performed_at": "2026-01-14T18:00:00Z", "notes": "x" * 10_001},
    {"performed_at": "2026-01-14T18:00:00Z", "user_id": 2},
    {"performed_at": "9999-01-01T00:00:00Z"},
])
def test_garbage_workout_bodies(as_alice, body):
    assert as_alice.post("/api/workouts", body, 422)["code"] == "validation_error"


def test_patch_and_put_validate_too(as_alice):
    url = f"/api/workouts/{as_alice.workout()['id']}"
    as_alice.patch(url, {"performed_at": None}, 422)
    as_alice.patch(url, {"id": 7}, 422)
    as_alice.put(url, {"notes": "no timestamp"}, 422)


def test_entries_and_sets(client, as_alice):
    workout = as_alice.workout()
    bench = as_alice.exercise_id("Bench Press")
    response = client.post(f"/api/workouts/{workout['id']}/exercises",
                           headers=as_alice.user.headers, json={"exercise_id": bench})
    assert response.status_code == 201
    entry = response.get_json()
    assert response.headers["Location"].endswith(f"/api/workout-exercises/{entry['id']}")
    assert entry == {"id": entry["id"], "workout_id": workout["id"], "exercise_id": bench,
                     "exercise_name": "Bench Press", "exercise_order": 1, "notes": None,
                     "target_sets": None, "target_reps": None, "target_weight": None,
                     "target_weight_unit": "kg", "target_rpe": None}
    again = as_alice.entry(workout["id"], "Bench Press", notes="back-off sets")
    assert again["exercise_order"] == 2
    first = as_alice.set(entry["id"], reps=10, weight=60)
    assert first == {"id": first["id"], "workout_exercise_id": entry["id"], "set_number": 1,
                     "reps": 10, "weight": 60.0, "weight_unit": "kg", "rpe": None, "rir": None,
                     "duration_seconds": None, "distance_meters": None, "is_warmup": False}
    second = as_alice.set(entry["id"], reps=8, weight="62.5", rpe=8.5, rir=2, is_warmup=False)
    assert (second["set_number"], second["weight"], second["rpe"]) == (2, 62.5, 8.5)
    tenth = as_alice.set(entry["id"], set_number=10, reps=5)
    assert as_alice.set(entry["id"], reps=1)["set_number"] == 11
    assert as_alice.post(f"/api/workout-exercises/{entry['id']}/sets", {"set_number": 10},
                         409)["code"] == "conflict"
    assert as_alice.patch(f"/api/sets/{tenth['id']}", {"set_number": 2}, 409)["code"] == "conflict"
    changed = as_alice.patch(f"/api/sets/{tenth['id']}", {"weight": 40, "weight_unit": "lb"})
    assert (changed["set_number"], changed["reps"], changed["weight_unit"]) == (10, 5, "lb")
    assert as_alice.get(f"/api/sets/{tenth['id']}") == changed
    moved = as_alice.patch(f"/api/workout-exercises/{again['id']}", {"exercise_order": 0})
    assert moved["exercise_order"] == 0 and moved["notes"] == "back-off sets"

    details = as_alice.get(f"/api/workouts/{workout['id']}/details")
    assert [e["id"] for e in details["exercises"]] == [again["id"], entry["id"]]
    assert [s["set_number"] for s in details["exercises"][1]["sets"]] == [1, 2, 10, 11]
    assert as_alice.get(f"/api/workout-exercises/{entry['id']}")["sets"][0] == first

    as_alice.delete(f"/api/sets/{first['id']}")
    as_alice.get(f"/api/sets/{first['id']}", 404)
    as_alice.delete(f"/api/workout-exercises/{entry['id']}")
    as_alice.get(f"/api/sets/{second['id']}", 404)
    as_alice.delete(f"/api/workouts/{workout['id']}")
    as_alice.get(f"/api/workout-exercises/{again['id']}", 404)


def test_set_unit_defaults_to_preference(client, make_user):
    user = make_user("imperial")
    response = client.patch("/api/me", headers=user.headers,
                            json={"preferences": {"weight_unit": "oz"}})
    assert response.status_code == 200
    from tests.workouts.conftest import Log

    log = Log(client, user)
    entry = log.entry(log.workout()["id"])
    assert log.set(entry["id"], reps=5, weight=135)["weight_unit"] == "lb"
    assert log.set(entry["id"], reps=5, weight=60, weight_unit="kg")["weight_unit"] == "kg"


@pytest.mark.parametrize("body", [
    {"reps": -1}, {"weight": -0.5}, {"weight": "heavy"}, {"weight": "NaN"},
    {"weight": 10**9}, {"weight_unit": "stone"}, {"weight_unit": "g"}, {"rpe": 11},
    {"rpe": 0.5}, {"rpe": 7.3}, {"rir": -1}, {"duration_seconds": -10},
    {"distance_meters": -1}, {"set_number": 0}, {"set_number": "1"}, {"reps": 2.5},
    {"reps": "ten"}, {"is_warmup": "maybe"}, {"workout_exercise_id": 3}, {"id": 1},
    {"reps": True},
])
def test_garbage_set_bodies(as_alice, body):
    entry = as_alice.entry(as_alice.workout()["id"])
    url = f"/api/workout-exercises/{entry['id']}/sets"
    assert as_alice.post(url, body, 422)["code"] == "validation_error"
    row = as_alice.set(entry["id"], reps=5)
    as_alice.patch(f"/api/sets/{row['id']}", body, 422)


@pytest.mark.parametrize("body", [
    {}, {"exercise_id": "1"}, {"exercise_id": -1}, {"exercise_id": 1, "exercise_order": -1},
    {"exercise_id": 1, "notes": "x" * 10_001}, {"exercise_id": 1, "workout_id": 2},
])
def test_garbage_entry_bodies(as_alice, body):
    workout = as_alice.workout()
    as_alice.post(f"/api/workouts/{workout['id']}/exercises", body, 422)


def test_entry_patch_cannot_change_exercise(as_alice):
    entry = as_alice.entry(as_alice.workout()["id"])
    squat = as_alice.exercise_id("Back Squat")
    as_alice.patch(f"/api/workout-exercises/{entry['id']}", {"exercise_id": squat}, 422)


def test_unknown_or_foreign_exercise_cannot_be_attached(as_alice, as_bob):
    secret = as_bob.post("/api/exercises", {"name": "Bob's Lift", "category": "strength"})
    workout = as_alice.workout()
    for exercise_id in (secret["id"], 999_999):
        body = as_alice.post(f"/api/workouts/{workout['id']}/exercises",
                             {"exercise_id": exercise_id}, 404)
        assert body["code"] == "not_found"
    assert as_alice.get(f"/api/workouts/{workout['id']}/details")["exercises"] == []


def test_another_user_gets_404_on_every_id_and_changes_nothing(as_alice, as_bob):
    workout = as_alice.workout(notes="mine")
    entry = as_alice.entry(workout["id"])
    row = as_alice.set(entry["id"], reps=5, weight=100)
    bench = as_bob.exercise_id("Bench Press")
    w, e, s = (f"/api/workouts/{workout['id']}", f"/api/workout-exercises/{entry['id']}",
               f"/api/sets/{row['id']}")
    before = as_alice.get(w + "/details")
    calls = [
        ("GET", w, None), ("PUT", w, {"performed_at": "2026-01-01T00:00:00Z"}),
        ("PATCH", w, {"notes": "theirs"}), ("DELETE", w, None), ("GET", w + "/details", None),
        ("GET", w + "/report", None), ("POST", w + "/exercises", {"exercise_id": bench}),
        ("GET", e, None), ("PATCH", e, {"notes": "theirs"}), ("DELETE", e, None),
        ("POST", e + "/sets", {"reps": 1}), ("GET", s, None), ("PATCH", s, {"reps": 99}),
        ("DELETE", s, None),
    ]
    for method, url, body in calls:
        kwargs = {"json": body} if body is not None else {}
        assert as_bob.call(method, url, 404, **kwargs)["code"] == "not_found", (method, url)
    assert as_alice.get(w + "/details") == before
    assert as_bob.get("/api/workouts") == []


def test_auto_set_number_retries_when_another_request_took_it(as_alice, monkeypatch):
    from pmp.workouts import workout_log as service

    entry = as_alice.entry(as_alice.workout()["id"])
    as_alice.set(entry["id"], reps=5)
    real = service._next_set_number
    stale = iter([1])  # what a concurrent request computed before the first set was committed
    monkeypatch.setattr(service, "_next_set_number",
                        lambda entry_id: next(stale, None) or real(entry_id))
    assert as_alice.set(entry["id"], reps=6)["set_number"] == 2
    monkeypatch.setattr(service, "_next_set_number", lambda entry_id: 1)
    assert as_alice.post(f"/api/workout-exercises/{entry['id']}/sets", {"reps": 7},
                         409)["code"] == "conflict"
    sets = as_alice.get(f"/api/workout-exercises/{entry['id']}")["sets"]
    assert [(s["set_number"], s["reps"]) for s in sets] == [(1, 5), (2, 6)]


def test_deleting_the_account_removes_workouts_and_custom_exercises(client, as_alice, as_bob):
    custom = as_alice.post("/api/exercises", {"name": "Mine", "category": "sport"})
    workout = as_alice.workout()
    as_alice.set(as_alice.entry(workout["id"], custom["id"])["id"], reps=3)
    as_alice.set(as_alice.entry(workout["id"], "Bench Press")["id"], reps=3, weight=50)
    response = client.delete("/api/me", headers=as_alice.user.headers,
                             json={"password": as_alice.user.password})
    assert response.status_code == 204
    as_bob.get(f"/api/workouts/{workout['id']}", 404)
    assert "Bench Press" in [e["name"] for e in as_bob.get("/api/exercises")]
