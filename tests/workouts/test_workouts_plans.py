"""Plans and their exercises through HTTP; targets on a workout's exercises."""

import pytest

from pmp.workouts import ordering


def _plan(log, **fields):
    bench, squat = log.exercise_id("Bench Press"), log.exercise_id("Back Squat")
    body = {"name": "Push day", "weekdays": [3, 1], "dates": ["2026-03-02", "2026-02-27"],
            "exercises": [{"exercise_id": bench, "target_sets": 5, "target_reps": 5,
                           "target_weight": "82.5", "notes": "pause"},
                          {"exercise_id": squat, "target_rpe": 8.5}], **fields}
    return log.post("/api/plans", body)


def test_plan_lifecycle(client, as_alice):
    response = client.post("/api/plans", headers=as_alice.user.headers, json={"name": "  A  b "})
    assert response.status_code == 201
    bare = response.get_json()
    assert response.headers["Location"].endswith(f"/api/plans/{bare['id']}")
    assert bare == {"id": bare["id"], "name": "A b", "notes": None, "weekdays": [], "dates": [],
                    "exercises": [], "created_at": bare["created_at"],
                    "updated_at": bare["updated_at"]}
    plan = _plan(as_alice)
    assert plan["weekdays"] == [1, 3] and plan["dates"] == ["2026-02-27", "2026-03-02"]
    bench, squat = plan["exercises"]
    assert bench == {"id": bench["id"], "plan_id": plan["id"], "exercise_id": bench["exercise_id"],
                     "exercise_name": "Bench Press", "position": 0, "notes": "pause",
                     "target_sets": 5, "target_reps": 5, "target_weight": 82.5,
                     "target_weight_unit": "kg", "target_rpe": None}
    assert (squat["position"], squat["target_rpe"], squat["target_sets"]) == (1, 8.5, None)
    assert as_alice.get(f"/api/plans/{plan['id']}") == plan

    patched = as_alice.patch(f"/api/plans/{plan['id']}", {"notes": "heavy", "dates": []})
    assert (patched["notes"], patched["dates"], patched["weekdays"]) == ("heavy", [], [1, 3])
    assert patched["exercises"] == plan["exercises"]  # omitted: kept
    replaced = as_alice.put(f"/api/plans/{plan['id']}", {"name": "Pull", "weekdays": [7]})
    assert (replaced["name"], replaced["notes"], replaced["weekdays"]) == ("Pull", None, [7])
    assert replaced["exercises"] == plan["exercises"]
    emptied = as_alice.patch(f"/api/plans/{plan['id']}", {"exercises": []})
    assert emptied["exercises"] == []
    listed = client.get("/api/plans", headers=as_alice.user.headers)
    assert listed.headers["X-Total-Count"] == "2"
    assert [p["name"] for p in listed.get_json()] == ["A b", "Pull"]
    assert [p["name"] for p in as_alice.get("/api/plans?limit=1&offset=1")] == ["Pull"]
    as_alice.delete(f"/api/plans/{plan['id']}")
    as_alice.get(f"/api/plans/{plan['id']}", 404)
    as_alice.delete(f"/api/plans/{plan['id']}", 404)


def test_plan_exercises_keep_dense_positions(client, as_alice):
    plan = as_alice.post("/api/plans", {"name": "Order"})
    url = f"/api/plans/{plan['id']}/exercises"
    names = ["Bench Press", "Back Squat", "Deadlift", "Pull-Up"]
    added = [as_alice.post(url, {"exercise_id": as_alice.exercise_id(n)}) for n in names]
    assert [a["position"] for a in added] == [0, 1, 2, 3]
    first = as_alice.post(url, {"exercise_id": as_alice.exercise_id("Plank"), "position": 0})
    far = as_alice.post(url, {"exercise_id": as_alice.exercise_id("Dip"), "position": 99})
    assert (first["position"], far["position"]) == (0, 5)

    def order():
        return [(e["exercise_name"], e["position"])
                for e in as_alice.get(f"/api/plans/{plan['id']}")["exercises"]]

    assert order() == [("Plank", 0), ("Bench Press", 1), ("Back Squat", 2), ("Deadlift", 3),
                       ("Pull-Up", 4), ("Dip", 5)]
    moved = as_alice.patch(f"/api/plan-exercises/{added[3]['id']}",
                           {"position": 1, "target_reps": 8, "notes": "wide"})
    assert (moved["position"], moved["target_reps"], moved["notes"]) == (1, 8, "wide")
    assert [n for n, _ in order()] == ["Plank", "Pull-Up", "Bench Press", "Back Squat",
                                       "Deadlift", "Dip"]
    as_alice.delete(f"/api/plan-exercises/{added[0]['id']}")
    assert order() == [("Plank", 0), ("Pull-Up", 1), ("Back Squat", 2), ("Deadlift", 3),
                       ("Dip", 4)]
    as_alice.patch(f"/api/plan-exercises/{first['id']}", {"position": 50})
    assert [p for _, p in order()] == [0, 1, 2, 3, 4] and order()[-1][0] == "Plank"
    as_alice.delete(f"/api/plan-exercises/{added[0]['id']}", 404)


def test_a_plan_holds_at_most_100_exercises(as_alice):
    bench = as_alice.exercise_id("Bench Press")
    plan = as_alice.post("/api/plans", {"name": "Long", "exercises": [{"exercise_id": bench}] *
                                        100})
    assert len(plan["exercises"]) == 100
    refused = as_alice.post(f"/api/plans/{plan['id']}/exercises", {"exercise_id": bench}, 422)
    assert "exercise_id" in refused["fields"]
    as_alice.post("/api/plans", {"name": "Too long",
                                 "exercises": [{"exercise_id": bench}] * 101}, 422)


def test_unit_defaults_to_preference_and_targets_validate_like_sets(client, make_user):
    from tests.workouts.conftest import Log

    user = make_user("imperial")
    client.patch("/api/me", headers=user.headers, json={"preferences": {"weight_unit": "oz"}})
    log = Log(client, user)
    plan = log.post("/api/plans", {"name": "P", "exercises": [
        {"exercise_id": log.exercise_id("Deadlift"), "target_weight": 315}]})
    assert plan["exercises"][0]["target_weight_unit"] == "lb"
    added = log.post(f"/api/plans/{plan['id']}/exercises",
                     {"exercise_id": log.exercise_id("Deadlift"), "target_weight_unit": "kg"})
    assert added["target_weight_unit"] == "kg"
    entry = log.entry(log.workout()["id"], "Deadlift", target_sets=3, target_weight=225)
    assert (entry["target_sets"], entry["target_weight"], entry["target_weight_unit"]) == (
        3, 225.0, "lb")
    changed = log.patch(f"/api/workout-exercises/{entry['id']}",
                        {"target_rpe": 9.5, "target_weight": None})
    assert (changed["target_rpe"], changed["target_weight"], changed["target_sets"]) == (
        9.5, None, 3)
    details = log.get(f"/api/workouts/{entry['workout_id']}/details")
    assert details["exercises"][0]["target_rpe"] == 9.5
    assert log.get(f"/api/workout-exercises/{entry['id']}")["target_sets"] == 3


TARGET_GARBAGE = [
    {"target_sets": -1}, {"target_sets": "3"}, {"target_sets": 1.5}, {"target_sets": 10_001},
    {"target_reps": -1}, {"target_reps": True}, {"target_weight": -0.5},
    {"target_weight": "heavy"}, {"target_weight": "NaN"}, {"target_weight": 1e308},
    {"target_weight": 100_001}, {"target_weight_unit": "g"}, {"target_weight_unit": None},
    {"target_rpe": 0.5}, {"target_rpe": 7.3}, {"target_rpe": 11}, {"target_rpe": "x"},
]


@pytest.mark.parametrize("body", TARGET_GARBAGE)
def test_garbage_targets(as_alice, body):
    bench = as_alice.exercise_id("Bench Press")
    workout = as_alice.workout()
    as_alice.post(f"/api/workouts/{workout['id']}/exercises", {"exercise_id": bench, **body}, 422)
    entry = as_alice.entry(workout["id"])
    as_alice.patch(f"/api/workout-exercises/{entry['id']}", body, 422)
    as_alice.post("/api/plans", {"name": "P", "exercises": [{"exercise_id": bench, **body}]},
                  422)
    plan = as_alice.post("/api/plans", {"name": "P"})
    as_alice.post(f"/api/plans/{plan['id']}/exercises", {"exercise_id": bench, **body}, 422)
    row = as_alice.post(f"/api/plans/{plan['id']}/exercises", {"exercise_id": bench})
    as_alice.patch(f"/api/plan-exercises/{row['id']}", body, 422)
    assert as_alice.get(f"/api/plans/{plan['id']}")["exercises"] == [row]


@pytest.mark.parametrize("body", [
    {}, {"name": ""}, {"name": "   "}, {"name": "x" * 201}, {"name": None}, {"name": 5},
    {"name": "a\ud800"}, {"name": "nul\x00"}, {"name": "P", "notes": "x" * 10_001},
    {"name": "P", "weekdays": [0]}, {"name": "P", "weekdays": [8]},
    {"name": "P", "weekdays": ["x"]}, {"name": "P", "weekdays": ["1"]},
    {"name": "P", "weekdays": [1.5]},
    {"name": "P", "weekdays": [1, 1]}, {"name": "P", "weekdays": list(range(1, 9))},
    {"name": "P", "weekdays": 1}, {"name": "P", "weekdays": None},
    {"name": "P", "dates": ["2026-02-30"]}, {"name": "P", "dates": ["tomorrow"]},
    {"name": "P", "dates": ["2026-01-01T00:00:00Z"]}, {"name": "P", "dates": [20260101]},
    {"name": "P", "dates": ["1899-12-31"]}, {"name": "P", "dates": ["2200-01-01"]},
    {"name": "P", "dates": ["2026-01-01", "2026-01-01"]}, {"name": "P", "dates": "2026-01-01"},
    {"name": "P", "dates": [f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}" for n in range(336)] +
     [f"2027-{1 + n // 28:02d}-{1 + n % 28:02d}" for n in range(31)]},
    {"name": "P", "exercises": [{"exercise_id": "1"}]}, {"name": "P", "exercises": [{}]},
    {"name": "P", "exercises": [{"exercise_id": 1, "position": 0}]},
    {"name": "P", "exercises": {"exercise_id": 1}}, {"name": "P", "id": 3},
    {"name": "P", "created_at": "2026-01-01T00:00:00Z"}, {"name": "P", "user_id": 2},
])
def test_garbage_plan_bodies(as_alice, body):
    assert as_alice.post("/api/plans", body, 422)["code"] == "validation_error"
    plan = as_alice.post("/api/plans", {"name": "Kept", "weekdays": [2]})
    as_alice.put(f"/api/plans/{plan['id']}", body, 422)
    if body:
        as_alice.patch(f"/api/plans/{plan['id']}", body, 422)
    assert as_alice.get(f"/api/plans/{plan['id']}") == plan


def test_ten_thousand_dates_and_huge_strings_are_refused(as_alice):
    dates = [f"{2000 + n // 365}-01-01" for n in range(10_000)]
    assert "dates" in as_alice.post("/api/plans", {"name": "P", "dates": dates}, 422)["fields"]
    as_alice.post("/api/plans", {"name": "x" * 100_000}, 422)
    exact = [f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}" for n in range(336)] + \
        [f"2027-01-{day:02d}" for day in range(1, 31)]
    assert len(as_alice.post("/api/plans", {"name": "Year", "dates": exact})["dates"]) == 366


@pytest.mark.parametrize("body", [
    {"exercise_id": 1, "plan_id": 3}, {"exercise_id": 1, "position": -1},
    {"exercise_id": 1, "position": 100}, {"exercise_id": 1, "exercise_name": "x"},
    {"position": 0}, {"exercise_id": 0}, {"exercise_id": 2**40},
])
def test_garbage_plan_exercise_bodies(as_alice, body):
    plan = as_alice.post("/api/plans", {"name": "P"})
    as_alice.post(f"/api/plans/{plan['id']}/exercises", body, 422)


def test_plan_exercise_patch_cannot_change_exercise(as_alice):
    plan = _plan(as_alice)
    row = plan["exercises"][0]
    as_alice.patch(f"/api/plan-exercises/{row['id']}", {"exercise_id": 1}, 422)


def test_unknown_or_foreign_exercise_is_not_found_as_for_workouts(as_alice, as_bob):
    secret = as_bob.post("/api/exercises", {"name": "Bob's Lift", "category": "strength"})
    plan = as_alice.post("/api/plans", {"name": "P"})
    for exercise_id in (secret["id"], 999_999):
        as_alice.post(f"/api/plans/{plan['id']}/exercises", {"exercise_id": exercise_id}, 404)
        as_alice.post("/api/plans", {"name": "Q", "exercises": [{"exercise_id": exercise_id}]},
                      404)
        as_alice.patch(f"/api/plans/{plan['id']}", {"exercises": [
            {"exercise_id": as_alice.exercise_id("Plank")}, {"exercise_id": exercise_id}]}, 404)
        workout = as_alice.workout()
        as_alice.post(f"/api/workouts/{workout['id']}/exercises", {"exercise_id": exercise_id},
                      404)
    assert as_alice.get(f"/api/plans/{plan['id']}")["exercises"] == []
    assert [p["name"] for p in as_alice.get("/api/plans")] == ["P"]


def test_a_custom_exercise_in_a_plan_cannot_be_deleted(as_alice):
    own = as_alice.post("/api/exercises", {"name": "Sled", "category": "strength"})
    plan = as_alice.post("/api/plans", {"name": "P", "exercises": [{"exercise_id": own["id"]}]})
    refused = as_alice.delete(f"/api/exercises/{own['id']}", 409)
    assert refused["code"] == "conflict" and "plan" in refused["error"]
    as_alice.delete(f"/api/plan-exercises/{plan['exercises'][0]['id']}")
    as_alice.delete(f"/api/exercises/{own['id']}")


def test_another_user_gets_404_on_every_plan_id_and_changes_nothing(as_alice, as_bob):
    plan = _plan(as_alice)
    row = plan["exercises"][0]
    bench = as_bob.exercise_id("Bench Press")
    as_bob.get(f"/api/plans/{plan['id']}", 404)
    as_bob.patch(f"/api/plans/{plan['id']}", {"name": "Mine"}, 404)
    as_bob.put(f"/api/plans/{plan['id']}", {"name": "Mine"}, 404)
    as_bob.post(f"/api/plans/{plan['id']}/exercises", {"exercise_id": bench}, 404)
    as_bob.post(f"/api/plans/{plan['id']}/start", {}, 404)
    as_bob.patch(f"/api/plan-exercises/{row['id']}", {"position": 1}, 404)
    as_bob.delete(f"/api/plan-exercises/{row['id']}", 404)
    as_bob.delete(f"/api/plans/{plan['id']}", 404)
    assert as_bob.get("/api/plans") == [] and as_bob.get("/api/workouts") == []
    assert as_alice.get(f"/api/plans/{plan['id']}") == plan


def test_deleting_the_account_removes_its_plans(client, as_alice, as_bob):
    own = as_alice.post("/api/exercises", {"name": "Sled", "category": "strength"})
    as_alice.post("/api/plans", {"name": "P", "dates": ["2026-01-01"], "weekdays": [1],
                                 "exercises": [{"exercise_id": own["id"]}]})
    kept = _plan(as_bob)
    response = client.delete("/api/me", headers=as_alice.user.headers,
                             json={"password": as_alice.user.password})
    assert response.status_code == 204
    from pmp.core.extensions import db
    from pmp.workouts.plan_models import Plan, PlanDate, PlanExercise

    with client.application.app_context():
        assert db.session.query(Plan).count() == 1
        assert db.session.query(PlanExercise).count() == 2
        assert db.session.query(PlanDate).count() == 2
    assert as_bob.get(f"/api/plans/{kept['id']}") == kept


def test_list_and_detail_take_a_fixed_number_of_statements(as_alice, count_queries):
    def measure(url):
        with count_queries() as q:
            as_alice.get(url)
        return q.count

    _plan(as_alice)
    small = (measure("/api/plans"), measure(f"/api/plans/{_plan(as_alice)['id']}"))
    for n in range(8):
        _plan(as_alice, name=f"Plan {n}")
    big = _plan(as_alice, exercises=[{"exercise_id": as_alice.exercise_id("Plank")}] * 30,
                dates=[f"2026-04-{d:02d}" for d in range(1, 31)])
    assert (measure("/api/plans"), measure(f"/api/plans/{big['id']}")) == small
    assert small[0] <= 6


def test_ordering_places_and_reports_moves():
    assert ordering.place([1, 2, 3], 3, 0) == [3, 1, 2]
    assert ordering.place([1, 2, 3], 1, None) == [2, 3, 1]
    assert ordering.place([1, 2, 3], 4, 99) == [1, 2, 3, 4]
    assert ordering.place([1, 2, 3], 2, -5) == [2, 1, 3]
    assert ordering.changes([3, 1, 2], {1: 0, 2: 1, 3: 2}) == {3: 0, 1: 1, 2: 2}
    assert ordering.changes([1, 2], {1: 0, 2: 1}) == {}
    assert ordering.changes([1, 3], {1: 0, 3: 2}) == {3: 1}
