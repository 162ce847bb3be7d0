"""The whole account out (GET /api/me/export) and in again (POST /api/me/import)."""

from tests.conftest import PASSWORD


def seed(client, user):
    item = client.post("/api/items", headers=user.headers,
                       json={"name": "Tent", "category": "Shelter", "weight": 1.2,
                             "weight_unit": "kg", "price": "250.5"}).get_json()
    pack = client.post("/api/packs", headers=user.headers, json={"name": "Weekend"}).get_json()
    client.post(f"/api/packs/{pack['id']}/entries", headers=user.headers,
                json={"item_id": item["id"], "quantity": 2, "worn": True})
    exercise = client.post("/api/exercises", headers=user.headers,
                           json={"name": "Sled Push", "category": "strength"}).get_json()
    workout = client.post("/api/workouts", headers=user.headers,
                          json={"performed_at": "2026-01-09T03:13:28Z",
                                "duration_minutes": 45}).get_json()
    entry = client.post(f"/api/workouts/{workout['id']}/exercises", headers=user.headers,
                        json={"exercise_id": exercise["id"]}).get_json()
    client.post(f"/api/workout-exercises/{entry['id']}/sets", headers=user.headers,
                json={"reps": 5, "weight": 100, "weight_unit": "kg"})
    return pack


def test_export_then_import_into_another_account(client, make_user):
    alice, bob = make_user("alice"), make_user("bob")
    pack = seed(client, alice)
    response = client.get("/api/me/export", headers=alice.headers)
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    document = response.get_json()
    assert document["format"] == "pmp-export" and document["version"] == 1
    assert document["account"]["username"] == "alice"
    assert len(document["items"]) == 1 and len(document["packs"]) == 1
    assert len(document["custom_exercises"]) == 1 and len(document["workouts"]) == 1
    assert "password_hash" not in str(document)

    imported = client.post("/api/me/import", headers=bob.headers, json=document)
    assert imported.status_code == 200, imported.get_json()
    counts = imported.get_json()["imported"]
    assert counts["workouts"] == 1 and counts["sets"] == 1 and counts["custom_exercises"] == 1

    again = client.get("/api/me/export", headers=bob.headers).get_json()
    for key in ("items", "packs", "custom_exercises", "workouts"):
        assert len(again[key]) == len(document[key])
    bob_pack = client.get("/api/packs", headers=bob.headers).get_json()[0]
    alice_pack = client.get(f"/api/packs/{pack['id']}", headers=alice.headers).get_json()
    assert bob_pack["totals"]["grams"] == {k: v for k, v in alice_pack["totals"]["grams"].items()}


def test_import_is_all_or_nothing(client, make_user):
    alice, bob = make_user("alice"), make_user("bob")
    seed(client, alice)
    document = client.get("/api/me/export", headers=alice.headers).get_json()
    document["workouts"][0]["exercises"][0]["sets"][0]["reps"] = -5
    response = client.post("/api/me/import", headers=bob.headers, json=document)
    assert response.status_code == 422
    export = client.get("/api/me/export", headers=bob.headers).get_json()
    assert export["items"] == [] and export["packs"] == [] and export["workouts"] == []


def test_import_rejects_garbage(client, make_user):
    user = make_user()
    for body in ({}, {"format": "other", "version": 1}, {"format": "pmp-export", "version": 2},
                 {"format": "pmp-export", "version": 1, "extra": 1},
                 {"format": "pmp-export", "version": 1, "items": "nope"},
                 {"format": "pmp-export", "version": 1, "items": [{"name": 5}]}, [1]):
        response = client.post("/api/me/import", headers=user.headers, json=body)
        assert response.status_code == 422, body
        assert response.get_json()["code"] == "validation_error"
    assert client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD}) \
        .status_code == 200
