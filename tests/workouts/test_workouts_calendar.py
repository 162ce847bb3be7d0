"""The calendar, and workouts started from a plan or duplicated from a past one."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from pmp.core.errors import ValidationFailed
from pmp.workouts.prefill import targets_from_sets
from pmp.workouts.schedule import calendar_range


def test_calendar_shows_planned_and_done_days(as_alice):
    bench = as_alice.exercise_id("Bench Press")
    legs = as_alice.post("/api/plans", {"name": "legs", "weekdays": [1, 3]})  # Mon, Wed
    push = as_alice.post("/api/plans", {"name": "Push", "dates": ["2026-01-15", "2025-12-31"]})
    both = as_alice.post("/api/plans", {"name": "Arms", "weekdays": [4], "dates": ["2026-01-15"]})
    as_alice.post("/api/plans", {"name": "Never"})
    late = as_alice.workout("2026-01-14T23:30:00Z")
    entry = as_alice.entry(late["id"], bench)
    as_alice.set(entry["id"], reps=5)
    as_alice.set(entry["id"], reps=5)
    as_alice.entry(late["id"], "Back Squat")
    early = as_alice.workout("2026-01-14T06:00:00Z")
    as_alice.workout("2026-02-01T00:00:00Z")  # outside the range

    body = as_alice.get("/api/calendar?from=2026-01-12&to=2026-01-31")
    assert (body["from"], body["to"], len(body["days"])) == ("2026-01-12", "2026-01-31", 20)
    days = {day["date"]: day for day in body["days"]}
    assert days["2026-01-12"]["planned"] == [{"plan_id": legs["id"], "name": "legs"}]
    assert days["2026-01-13"] == {"date": "2026-01-13", "planned": [], "workouts": []}
    assert days["2026-01-14"]["planned"] == [{"plan_id": legs["id"], "name": "legs"}]
    assert days["2026-01-14"]["workouts"] == [
        {"id": early["id"], "performed_at": "2026-01-14T06:00:00Z", "exercises": 0, "sets": 0},
        {"id": late["id"], "performed_at": "2026-01-14T23:30:00Z", "exercises": 2, "sets": 2}]
    assert days["2026-01-15"]["planned"] == [  # name order, each plan once
        {"plan_id": both["id"], "name": "Arms"}, {"plan_id": push["id"], "name": "Push"}]
    assert days["2026-01-22"]["planned"] == [{"plan_id": both["id"], "name": "Arms"}]
    assert all(day["workouts"] == [] for d, day in days.items() if d != "2026-01-14")


def test_calendar_defaults_to_this_month_and_bounds_the_range(as_alice):
    body = as_alice.get("/api/calendar")
    today = date.today()
    assert body["from"] == today.replace(day=1).isoformat()
    assert body["days"][-1]["date"] == body["to"] and body["to"][:7] == body["from"][:7]
    assert as_alice.get("/api/calendar?from=2024-02-10")["to"] == "2024-02-29"
    assert as_alice.get("/api/calendar?to=2026-03-10")["from"] == "2026-03-01"
    year = as_alice.get("/api/calendar?from=2024-01-01&to=2024-12-31")
    assert len(year["days"]) == 366


@pytest.mark.parametrize("query", [
    "from=2026-01-02&to=2026-01-01", "from=2024-01-01&to=2025-01-01", "from=x",
    "from=2026-02-30", "to=2026-13-01", "from=2026-01-01T00:00:00Z", "from=1899-12-31",
    "to=2200-01-01", "from=%00", "from=" + "9" * 5000, "from=2026-1-1",
])
def test_calendar_refuses_bad_ranges(as_alice, query):
    assert as_alice.get(f"/api/calendar?{query}", 422)["code"] == "validation_error"


def test_calendar_range_is_pure():
    today = date(2026, 2, 14)
    assert calendar_range(None, None, today) == (date(2026, 2, 1), date(2026, 2, 28))
    assert calendar_range(date(2026, 12, 5), None, today) == (date(2026, 12, 5),
                                                               date(2026, 12, 31))
    with pytest.raises(ValidationFailed):
        calendar_range(date(2026, 1, 1), date(2027, 1, 2), today)


def test_calendar_takes_a_fixed_number_of_statements(as_alice, seed_workouts, count_queries):
    def measure():
        with count_queries() as q:
            as_alice.get("/api/calendar?from=2025-12-01&to=2026-11-30")
        return q.count

    as_alice.post("/api/plans", {"name": "A", "weekdays": [1]})
    small = measure()
    seed_workouts(as_alice.user.id, 60)
    for n in range(10):
        as_alice.post("/api/plans", {"name": f"P{n}", "weekdays": [n % 7 + 1],
                                     "dates": [f"2026-0{1 + n % 9}-1{n}"]})
    assert measure() == small <= 4


def test_start_a_plan(client, as_alice):
    own = as_alice.post("/api/exercises", {"name": "Sled", "category": "strength"})
    plan = as_alice.post("/api/plans", {"name": "P", "exercises": [
        {"exercise_id": own["id"], "target_sets": 3, "target_reps": 8, "target_weight": 40,
         "target_weight_unit": "lb", "notes": "slow"},
        {"exercise_id": as_alice.exercise_id("Plank"), "target_rpe": 7}]})
    response = client.post(f"/api/plans/{plan['id']}/start", headers=as_alice.user.headers,
                           json={"performed_at": "2026-01-20T07:00:00Z"})
    assert response.status_code == 201
    workout = response.get_json()
    assert response.headers["Location"].endswith(f"/api/workouts/{workout['id']}")
    assert workout == as_alice.get(f"/api/workouts/{workout['id']}/details")
    assert workout["performed_at"] == "2026-01-20T07:00:00Z"
    sled, plank = workout["exercises"]
    assert (sled["exercise_id"], sled["exercise_order"], sled["notes"], sled["sets"]) == (
        own["id"], 1, "slow", [])
    assert (sled["target_sets"], sled["target_reps"], sled["target_weight"],
            sled["target_weight_unit"], sled["target_rpe"]) == (3, 8, 40.0, "lb", None)
    assert (plank["exercise_name"], plank["exercise_order"], plank["target_rpe"]) == (
        "Plank", 2, 7.0)
    # without a body: now
    response = client.post(f"/api/plans/{plan['id']}/start", headers=as_alice.user.headers)
    assert response.status_code == 201
    assert response.get_json()["performed_at"][:4] == str(date.today().year)
    as_alice.post(f"/api/plans/{plan['id']}/start", {"performed_at": "soon"}, 422)
    as_alice.post(f"/api/plans/{plan['id']}/start", {"notes": "x"}, 422)
    as_alice.post("/api/plans/999999/start", {}, 404)
    assert len(as_alice.get("/api/workouts")) == 2


def test_duplicate_a_workout(client, as_alice):
    source = as_alice.workout("2026-01-10T07:00:00Z", notes="old", duration_minutes=50)
    bench = as_alice.entry(source["id"], "Bench Press", notes="wide grip")
    as_alice.set(bench["id"], reps=10, weight=40, is_warmup=True)
    as_alice.set(bench["id"], reps=5, weight=80, rpe=8)
    as_alice.set(bench["id"], reps=8, weight="176.5", weight_unit="lb", rpe=7)  # 80.06 kg
    as_alice.set(bench["id"], reps=3, weight=None)
    planned = as_alice.entry(source["id"], "Plank", exercise_order=0, target_sets=3,
                             target_rpe=6)
    first = as_alice.entry(source["id"], "Running", exercise_order=0)
    response = client.post(f"/api/workouts/{source['id']}/duplicate",
                           headers=as_alice.user.headers, json={})
    assert response.status_code == 201
    copy = response.get_json()
    assert response.headers["Location"].endswith(f"/api/workouts/{copy['id']}")
    assert copy == as_alice.get(f"/api/workouts/{copy['id']}/details")
    assert (copy["notes"], copy["duration_minutes"]) == (None, None)
    assert [e["exercise_name"] for e in copy["exercises"]] == ["Plank", "Running", "Bench Press"]
    assert [e["exercise_id"] for e in copy["exercises"]] == [
        planned["exercise_id"], first["exercise_id"], bench["exercise_id"]]
    plank, running, pressed = copy["exercises"]
    assert all(e["sets"] == [] for e in copy["exercises"])
    assert (plank["target_sets"], plank["target_rpe"]) == (3, 6.0)  # its own targets
    assert running["target_sets"] is None
    assert (pressed["notes"], pressed["target_sets"], pressed["target_reps"],
            pressed["target_weight"], pressed["target_weight_unit"], pressed["target_rpe"]) == (
        "wide grip", 3, 8, 176.5, "lb", 8.0)
    dated = as_alice.post(f"/api/workouts/{source['id']}/duplicate",
                          {"performed_at": "2026-02-01T08:00:00Z"})
    assert dated["performed_at"] == "2026-02-01T08:00:00Z"
    as_alice.post(f"/api/workouts/{source['id']}/duplicate", {"id": 1}, 422)
    as_alice.post("/api/workouts/999999/duplicate", {}, 404)


def test_duplicate_and_start_are_404_for_another_user(as_alice, as_bob):
    workout = as_alice.workout()
    as_alice.entry(workout["id"])
    plan = as_alice.post("/api/plans", {"name": "P"})
    as_bob.post(f"/api/workouts/{workout['id']}/duplicate", {}, 404)
    as_bob.post(f"/api/plans/{plan['id']}/start", {}, 404)
    assert as_bob.get("/api/workouts") == [] and len(as_alice.get("/api/workouts")) == 1


def test_start_and_duplicate_take_a_fixed_number_of_statements(as_alice, count_queries):
    def measure(size):
        exercises = [{"exercise_id": as_alice.exercise_id("Plank")}] * size
        plan = as_alice.post("/api/plans", {"name": "P", "exercises": exercises})
        with count_queries() as q:
            started = as_alice.post(f"/api/plans/{plan['id']}/start", {})
        for entry in started["exercises"]:
            as_alice.set(entry["id"], reps=5)
        with count_queries() as d:
            as_alice.post(f"/api/workouts/{started['id']}/duplicate", {})
        return q.count, d.count

    assert measure(2) == measure(20)


def _set(reps, weight, unit="kg", rpe=None, warmup=False):
    return SimpleNamespace(reps=reps, weight=None if weight is None else Decimal(str(weight)),
                           weight_unit=unit, rpe=None if rpe is None else Decimal(str(rpe)),
                           is_warmup=warmup)


def test_targets_from_sets():
    assert targets_from_sets([]) is None
    assert targets_from_sets([_set(10, 20, warmup=True)]) is None
    assert targets_from_sets([_set(5, 100), _set(3, 225, "lb", 9), _set(12, None, rpe=7),
                              _set(20, 500, warmup=True)]) == {
        "target_sets": 3, "target_reps": 12, "target_weight": Decimal("225"),
        "target_weight_unit": "lb", "target_rpe": Decimal("9")}
    assert targets_from_sets([_set(None, None, "lb")]) == {
        "target_sets": 1, "target_reps": None, "target_weight": None,
        "target_weight_unit": "lb", "target_rpe": None}
