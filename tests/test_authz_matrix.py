"""Object-level authorization, built from the URL map.

For every route that takes an id, a second user is answered 404 for every method, and the first
user's data is the same afterwards. A new route with an id that is missing from MATRIX fails
`test_every_id_route_is_in_the_matrix`, so nobody can add one without saying how to test it.
"""

import pytest

BODIES = {
    "gear.update_item": {"name": "Stolen"},
    "gear.update_pack": {"name": "Stolen"},
    "gear.add_entry": {"item_id": "BOB_ITEM"},
    "gear.update_entry": {"quantity": 3},
    "gear.create_category": {"name": "Stolen"},
    "gear.update_category": {"name": "Stolen", "position": 0},
    "workouts.update_exercise": {"name": "Stolen"},
    "workouts.replace_workout": {"performed_at": "2026-02-01T10:00:00Z"},
    "workouts.update_workout": {"notes": "stolen"},
    "workouts.add_workout_exercise": {"exercise_id": "BUILTIN_EXERCISE"},
    "workouts.update_workout_exercise": {"notes": "stolen"},
    "workouts.add_set": {"reps": 5, "weight": 50},
    "workouts.update_set": {"reps": 6},
    "workouts.replace_plan": {"name": "Stolen", "exercises": []},
    "workouts.update_plan": {"weekdays": [1], "exercises": []},
    "workouts.add_plan_exercise": {"exercise_id": "BUILTIN_EXERCISE"},
    "workouts.update_plan_exercise": {"position": 0, "target_reps": 1},
    "workouts.start_plan": {"performed_at": "2026-02-01T10:00:00Z"},
    "workouts.duplicate_workout": {},
}

# endpoint -> the names of alice's ids its URL needs
MATRIX = {
    "auth.revoke_session": ("session_id",),
    "gear.get_item": ("item_id",), "gear.update_item": ("item_id",),
    "gear.delete_item": ("item_id",),
    "gear.get_pack": ("pack_id",), "gear.update_pack": ("pack_id",),
    "gear.delete_pack": ("pack_id",), "gear.duplicate_pack": ("pack_id",),
    "gear.add_entry": ("pack_id",), "gear.update_entry": ("pack_id", "entry_id"),
    "gear.delete_entry": ("pack_id", "entry_id"), "gear.export_csv": ("pack_id",),
    "gear.share_pack": ("pack_id",), "gear.unshare_pack": ("pack_id",),
    "gear.list_categories": ("pack_id",), "gear.create_category": ("pack_id",),
    "gear.update_category": ("pack_id", "category_id"),
    "gear.delete_category": ("pack_id", "category_id"),
    "gear.reset_checklist": ("pack_id",),
    "workouts.get_exercise": ("exercise_id",), "workouts.update_exercise": ("exercise_id",),
    "workouts.delete_exercise": ("exercise_id",),
    "workouts.exercise_history": ("exercise_id",),
    "workouts.exercise_progress": ("exercise_id",),
    "workouts.exercise_personal_records": ("exercise_id",),
    "workouts.exercise_last": ("exercise_id",), "workouts.workout_last": ("workout_id",),
    "workouts.get_workout": ("workout_id",), "workouts.replace_workout": ("workout_id",),
    "workouts.update_workout": ("workout_id",), "workouts.delete_workout": ("workout_id",),
    "workouts.workout_details": ("workout_id",), "workouts.workout_report": ("workout_id",),
    "workouts.add_workout_exercise": ("workout_id",),
    "workouts.get_workout_exercise": ("workout_exercise_id",),
    "workouts.update_workout_exercise": ("workout_exercise_id",),
    "workouts.delete_workout_exercise": ("workout_exercise_id",),
    "workouts.add_set": ("workout_exercise_id",),
    "workouts.get_set": ("set_id",), "workouts.update_set": ("set_id",),
    "workouts.delete_set": ("set_id",),
    "workouts.get_plan": ("plan_id",), "workouts.replace_plan": ("plan_id",),
    "workouts.update_plan": ("plan_id",), "workouts.delete_plan": ("plan_id",),
    "workouts.add_plan_exercise": ("plan_id",), "workouts.start_plan": ("plan_id",),
    "workouts.update_plan_exercise": ("plan_exercise_id",),
    "workouts.delete_plan_exercise": ("plan_exercise_id",),
    "workouts.duplicate_workout": ("workout_id",),
}
# Routes whose id is not owned by a user (public share codes, static files).
NOT_OWNED = {"gear.shared_pack", "gear.shared_export_csv", "api_docs_files.docs_static", "static",
             "web.asset", "web.app_shell", "web.share_page"}


def id_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.arguments and rule.endpoint not in NOT_OWNED:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def build_world(client, alice, bob):
    ok = lambda r: r.get_json() if r.status_code < 300 else pytest.fail(r.get_json())  # noqa: E731
    h = alice.headers
    item = ok(client.post("/api/items", headers=h, json={"name": "Tent", "weight": 900}))
    pack = ok(client.post("/api/packs", headers=h, json={"name": "Trip"}))
    entry = ok(client.post(f"/api/packs/{pack['id']}/entries", headers=h,
                           json={"item_id": item["id"], "checked": True, "star": 2}))
    ok(client.post(f"/api/packs/{pack['id']}/share", headers=h))
    exercise = ok(client.post("/api/exercises", headers=h,
                              json={"name": "Sled Drag", "category": "strength"}))
    workout = ok(client.post("/api/workouts", headers=h,
                             json={"performed_at": "2026-01-05T07:00:00Z"}))
    workout_exercise = ok(client.post(f"/api/workouts/{workout['id']}/exercises", headers=h,
                                      json={"exercise_id": exercise["id"]}))
    one_set = ok(client.post(f"/api/workout-exercises/{workout_exercise['id']}/sets", headers=h,
                             json={"reps": 5, "weight": 40}))
    plan = ok(client.post("/api/plans", headers=h, json={
        "name": "Push", "weekdays": [1], "dates": ["2026-01-07"],
        "exercises": [{"exercise_id": exercise["id"], "target_sets": 3}]}))
    session = ok(client.get("/api/auth/sessions", headers=h))[0]
    builtin = next(e for e in ok(client.get("/api/exercises", headers=bob.headers))
                   if not e["custom"])
    bob_item = ok(client.post("/api/items", headers=bob.headers, json={"name": "Bob's"}))
    ids = {"item_id": item["id"], "pack_id": pack["id"], "entry_id": entry["id"],
           "category_id": entry["category_id"],
           "exercise_id": exercise["id"], "workout_id": workout["id"],
           "workout_exercise_id": workout_exercise["id"], "set_id": one_set["id"],
           "session_id": session["id"], "plan_id": plan["id"],
           "plan_exercise_id": plan["exercises"][0]["id"]}
    placeholders = {"BOB_ITEM": bob_item["id"], "BUILTIN_EXERCISE": builtin["id"]}
    return ids, placeholders


def snapshot(client, user, ids):
    export = client.get("/api/me/export", headers=user.headers).get_json()
    export.pop("exported_at")
    return {
        "export": export,
        "packs": client.get("/api/packs", headers=user.headers).get_json(),
        "sessions": client.get("/api/auth/sessions", headers=user.headers).get_json(),
        "details": client.get(f"/api/workouts/{ids['workout_id']}/details",
                              headers=user.headers).get_json(),
        "pack": client.get(f"/api/packs/{ids['pack_id']}", headers=user.headers).get_json(),
        "plans": client.get("/api/plans", headers=user.headers).get_json(),
        "workouts": client.get("/api/workouts", headers=user.headers).get_json(),
    }


def test_every_id_route_is_in_the_matrix(app):
    missing = {rule.endpoint for rule, _ in id_routes(app)} - set(MATRIX)
    assert not missing, f"add these id routes to MATRIX: {sorted(missing)}"


def test_second_user_gets_404_everywhere_and_changes_nothing(app, client, make_user):
    alice, bob = make_user("alice"), make_user("bob")
    ids, placeholders = build_world(client, alice, bob)
    before = snapshot(client, alice, ids)
    checked = 0
    for rule, method in id_routes(app):
        values = {arg: ids[name] for arg, name in zip(
            sorted(rule.arguments, key=rule.rule.index), MATRIX[rule.endpoint], strict=True)}
        with app.test_request_context():
            url = app.url_for(rule.endpoint, **values)
        body = {k: placeholders.get(v, v) if isinstance(v, str) else v
                for k, v in BODIES.get(rule.endpoint, {}).items()}
        response = client.open(url, method=method, headers=bob.headers,
                               json=body if method in {"POST", "PUT", "PATCH"} else None)
        assert response.status_code == 404, (method, url, response.get_json())
        assert response.get_json()["code"] == "not_found"
        checked += 1
    assert checked >= len(MATRIX)
    assert snapshot(client, alice, ids) == before
