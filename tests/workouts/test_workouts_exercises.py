"""The exercise catalogue over HTTP: built-ins, custom exercises, ownership."""

import pytest

from pmp.workouts.catalogue import BUILT_IN_EXERCISES, CATEGORIES, MUSCLE_GROUPS


def test_requires_a_token(client):
    response = client.get("/api/exercises")
    assert response.status_code == 401
    assert response.get_json()["code"] == "unauthorized"


def test_lists_the_built_in_catalogue(as_alice):
    exercises = as_alice.get("/api/exercises")
    assert len(exercises) == len(BUILT_IN_EXERCISES)
    bench = next(e for e in exercises if e["name"] == "Bench Press")
    assert set(bench) == {"id", "name", "category", "muscle_group", "custom"}
    assert bench["category"] == "strength"
    assert bench["muscle_group"] == "chest"
    assert bench["custom"] is False


def test_filters(as_alice):
    assert [e["name"] for e in as_alice.get("/api/exercises", query_string={"q": "SQUAT"})] == [
        "Back Squat", "Bulgarian Split Squat", "Front Squat", "Goblet Squat"]
    cardio = as_alice.get("/api/exercises", query_string={"category": "cardio"})
    assert cardio and all(e["category"] == "cardio" for e in cardio)
    arms = as_alice.get("/api/exercises",
                        query_string={"muscle_group": "arms", "category": "strength"})
    assert "Bicep Curl" in [e["name"] for e in arms]
    assert as_alice.get("/api/exercises", query_string={"q": "%"}) == []


@pytest.mark.parametrize("query", [{"category": "dance"}, {"muscle_group": "toes"},
                                   {"q": "x" * 201}])
def test_bad_filters(as_alice, query):
    body = as_alice.get("/api/exercises", 422, query_string=query)
    assert body["code"] == "validation_error"


def test_categories_and_muscle_groups(as_alice):
    assert as_alice.get("/api/exercises/categories") == list(CATEGORIES)
    assert as_alice.get("/api/exercises/muscle-groups") == list(MUSCLE_GROUPS)


def test_custom_exercise_lifecycle(client, as_alice):
    response = client.post("/api/exercises", headers=as_alice.user.headers,
                           json={"name": "  Zercher   Squat ", "category": "strength"})
    assert response.status_code == 201
    created = response.get_json()
    assert response.headers["Location"].endswith(f"/api/exercises/{created['id']}")
    assert created == {"id": created["id"], "name": "Zercher Squat", "category": "strength",
                       "muscle_group": None, "custom": True}
    assert as_alice.get(f"/api/exercises/{created['id']}") == created
    listed = as_alice.get("/api/exercises", query_string={"q": "zercher"})
    assert listed == [created]
    changed = as_alice.patch(f"/api/exercises/{created['id']}",
                             {"muscle_group": "legs", "name": "Zercher Squat (pause)"})
    assert changed["muscle_group"] == "legs"
    assert changed["name"] == "Zercher Squat (pause)"
    assert changed["category"] == "strength"
    as_alice.delete(f"/api/exercises/{created['id']}")
    as_alice.get(f"/api/exercises/{created['id']}", 404)


def test_name_unique_per_user_case_insensitively(as_alice, as_bob):
    first = as_alice.post("/api/exercises", {"name": "Sled Push", "category": "strength"})
    body = as_alice.post("/api/exercises", {"name": "sled PUSH", "category": "cardio"}, 409)
    assert body["code"] == "conflict"
    other = as_alice.post("/api/exercises", {"name": "Sled Pull", "category": "strength"})
    as_alice.patch(f"/api/exercises/{other['id']}", {"name": "SLED push"}, 409)
    assert as_alice.get(f"/api/exercises/{other['id']}")["name"] == "Sled Pull"
    # another user may use the same name; a custom one may shadow a built-in name
    as_bob.post("/api/exercises", {"name": "Sled Push", "category": "strength"})
    as_alice.post("/api/exercises", {"name": "bench press", "category": "strength"})
    assert first["custom"]


def test_custom_exercises_are_invisible_to_others(as_alice, as_bob):
    mine = as_alice.post("/api/exercises", {"name": "Secret Lift", "category": "sport"})
    url = f"/api/exercises/{mine['id']}"
    assert "Secret Lift" not in [e["name"] for e in as_bob.get("/api/exercises")]
    for call in (lambda: as_bob.get(url, 404),
                 lambda: as_bob.patch(url, {"name": "Stolen"}, 404),
                 lambda: as_bob.delete(url, 404),
                 lambda: as_bob.get(url + "/history", 404)):
        assert call()["code"] == "not_found"
    assert as_alice.get(url) == mine


def test_built_in_exercises_are_read_only(as_alice):
    bench = as_alice.exercise_id("Bench Press")
    assert as_alice.patch(f"/api/exercises/{bench}", {"name": "Mine"}, 403)["code"] == "forbidden"
    assert as_alice.delete(f"/api/exercises/{bench}", 403)["code"] == "forbidden"
    assert as_alice.get(f"/api/exercises/{bench}")["name"] == "Bench Press"


def test_deleting_a_used_custom_exercise_conflicts(as_alice):
    mine = as_alice.post("/api/exercises", {"name": "Atlas Stone", "category": "strength"})
    workout = as_alice.workout()
    entry = as_alice.entry(workout["id"], mine["id"])
    assert as_alice.delete(f"/api/exercises/{mine['id']}", 409)["code"] == "conflict"
    assert as_alice.get(f"/api/exercises/{mine['id']}") == mine
    as_alice.delete(f"/api/workout-exercises/{entry['id']}")
    as_alice.delete(f"/api/exercises/{mine['id']}")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": "X"},
        {"name": "", "category": "strength"},
        {"name": "   ", "category": "strength"},
        {"name": "x" * 201, "category": "strength"},
        {"name": 42, "category": "strength"},
        {"name": "X", "category": "dance"},
        {"name": "X", "category": "strength", "muscle_group": "toes"},
        {"name": "X", "category": "strength", "user_id": 1},
        {"name": "X", "category": "strength", "custom": False},
        {"name": "X", "category": "strength", "id": 5},
        ["not", "an", "object"],
    ],
)
def test_garbage_exercise_bodies(as_alice, body):
    assert as_alice.post("/api/exercises", body, 422)["code"] == "validation_error"


def test_malformed_json(client, alice):
    response = client.post("/api/exercises", headers=alice.headers, data="{nope",
                           content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["code"] == "bad_request"


def test_unknown_ids_are_404(as_alice):
    as_alice.get("/api/exercises/999999", 404)
    as_alice.patch("/api/exercises/999999", {"name": "x"}, 404)
    as_alice.get("/api/exercises/99999999999999999999", 404)
