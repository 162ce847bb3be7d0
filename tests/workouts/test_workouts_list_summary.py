"""The `summary` of each workout in `GET /api/workouts` (the History list): what it holds, that
it agrees with the report, owner scoping, and its cost (one statement per page)."""

from decimal import Decimal

import pytest

from tests.workouts.conftest import Log


def _listed(log, workout_id, **query):
    return next(w for w in log.get("/api/workouts", query_string=query)
                if w["id"] == workout_id)


def test_summary_names_sets_and_volume_as_the_report(as_alice):
    workout = as_alice.workout()
    deadlift = as_alice.entry(workout["id"], "Deadlift")
    as_alice.set(deadlift["id"], reps=5, weight=60, is_warmup=True)
    as_alice.set(deadlift["id"], reps=5, weight=225, weight_unit="lb")
    as_alice.set(deadlift["id"], reps=3, weight="110.005")
    plank = as_alice.entry(workout["id"], "Plank")
    as_alice.set(plank["id"], duration_seconds=90)
    for name in ("Bench Press", "Deadlift", "Back Squat", "Pull-Up"):
        entry = as_alice.entry(workout["id"], name)
        as_alice.set(entry["id"], reps=1, weight="0.005")
    listed = _listed(as_alice, workout["id"])
    report = as_alice.get(f"/api/workouts/{workout['id']}/report")
    assert listed["summary"] == {
        "exercises": ["Deadlift", "Plank", "Bench Press", "Back Squat"],
        "exercise_count": 5, "set_count": report["total_sets"],
        "volume": report["total_volume"], "volume_unit": "kg",
    }
    assert report["total_sets"] == 7  # the warm-up left out
    # each entry rounded first, as in the report: 0.005 → 0.01, four times
    expected = Decimal(str(round(5 * 225 * 0.45359237 + 330.015, 2))) + Decimal("0.04")
    assert Decimal(str(listed["summary"]["volume"])) == expected
    assert set(listed) == {"id", "performed_at", "duration_minutes", "notes", "created_at",
                           "updated_at", "summary"}


def test_summary_of_an_empty_workout_and_in_pounds(client, make_user):
    user = make_user("imperial")
    client.patch("/api/me", headers=user.headers, json={"preferences": {"weight_unit": "oz"}})
    log = Log(client, user)
    empty = log.workout("2026-01-10T10:00:00Z")
    assert _listed(log, empty["id"])["summary"] == {
        "exercises": [], "exercise_count": 0, "set_count": 0, "volume": 0.0,
        "volume_unit": "lb"}
    workout = log.workout()
    log.set(log.entry(workout["id"])["id"], reps=10, weight=100, weight_unit="kg")
    summary = _listed(log, workout["id"])["summary"]
    assert summary["volume"] == round(1000 / 0.45359237, 2)
    assert summary["volume"] == log.get(f"/api/workouts/{workout['id']}/report")["total_volume"]


def test_summaries_are_the_owners_only(as_alice, as_bob):
    mine = as_alice.workout()
    as_alice.set(as_alice.entry(mine["id"])["id"], reps=5, weight=100)
    theirs = as_bob.workout()
    as_bob.set(as_bob.entry(theirs["id"], "Deadlift")["id"], reps=1, weight=200)
    assert [w["id"] for w in as_bob.get("/api/workouts")] == [theirs["id"]]
    assert _listed(as_bob, theirs["id"])["summary"]["exercises"] == ["Deadlift"]
    assert _listed(as_alice, mine["id"])["summary"]["volume"] == 500.0
    # the single workout stays as it was: no summary
    assert "summary" not in as_alice.get(f"/api/workouts/{mine['id']}")


def test_the_summary_is_read_only(as_alice):
    body = {"performed_at": "2026-01-14T18:00:00Z", "summary": {"set_count": 3}}
    assert as_alice.post("/api/workouts", body, 422)["code"] == "validation_error"


@pytest.mark.parametrize("limit", [1, 20, 200])
def test_a_page_of_summaries_costs_the_same_whatever_its_size(
        as_alice, seed_workouts, count_queries, limit):
    seed_workouts(as_alice.user.id, 1)
    with count_queries() as one:
        page = as_alice.get("/api/workouts", query_string={"limit": limit})
    assert page[0]["summary"]["set_count"] == 4
    seed_workouts(as_alice.user.id, 249)
    with count_queries() as many:
        page = as_alice.get("/api/workouts", query_string={"limit": limit})
    assert one.count == many.count
    assert len(page) == limit
    assert all(w["summary"]["exercises"] == ["Bench Press", "Back Squat"] for w in page)
    assert all(w["summary"]["set_count"] == 4 for w in page)
