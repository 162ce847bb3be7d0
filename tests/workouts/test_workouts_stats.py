"""Report, stats summary and exercise history over HTTP, and their query counts."""

import pytest

from tests.workouts.conftest import Log


def test_report_matches_the_api_example(as_alice):
    workout = as_alice.workout(duration_minutes=45, notes="…")
    entry = as_alice.entry(workout["id"])
    as_alice.set(entry["id"], reps=10, weight=60)
    report = as_alice.get(f"/api/workouts/{workout['id']}/report")
    assert report == {
        "workout_id": workout["id"], "performed_at": workout["performed_at"],
        "duration_minutes": 45, "notes": "…", "total_exercises": 1, "total_sets": 1,
        "total_reps": 10, "total_volume": 600.0, "volume_unit": "kg",
        "warmup_sets": 0, "warmup_volume": 0.0,
        "exercises": [{"workout_exercise_id": entry["id"], "exercise_id": entry["exercise_id"],
                       "exercise_name": "Bench Press", "sets_count": 1, "total_reps": 10,
                       "max_weight": 60.0, "total_volume": 600.0, "estimated_1rm": 80.0,
                       "warmup_sets": 0, "warmup_volume": 0.0}],
        "personal_records": [
            {"exercise_id": entry["exercise_id"], "exercise_name": "Bench Press", "kind": kind,
             "value": value, "previous": None}
            for kind, value in (("heaviest_weight", 60.0), ("best_estimated_1rm", 80.0),
                                ("best_session_volume", 600.0), ("most_reps", 10.0))],
    }


def test_report_converts_units_and_keeps_warmups_apart(as_alice):
    workout = as_alice.workout()
    entry = as_alice.entry(workout["id"], "Deadlift")
    as_alice.set(entry["id"], reps=5, weight=60, is_warmup=True)
    as_alice.set(entry["id"], reps=5, weight=225, weight_unit="lb")
    as_alice.set(entry["id"], reps=3, weight=110)
    as_alice.set(entry["id"], duration_seconds=60)  # no reps, no weight: adds 0
    plank = as_alice.entry(workout["id"], "Plank")
    as_alice.set(plank["id"], duration_seconds=90)
    report = as_alice.get(f"/api/workouts/{workout['id']}/report")
    deadlift = report["exercises"][0]
    assert deadlift["sets_count"] == 3
    assert deadlift["total_reps"] == 8
    assert deadlift["max_weight"] == 110.0
    assert deadlift["total_volume"] == round(5 * 225 * 0.45359237 + 330, 2)
    assert deadlift["warmup_sets"] == 1 and deadlift["warmup_volume"] == 300.0
    assert report["exercises"][1]["total_volume"] == 0
    assert report["exercises"][1]["estimated_1rm"] is None
    assert report["total_sets"] == 4
    assert report["total_volume"] == deadlift["total_volume"]


def test_report_in_pounds_for_imperial_users(client, make_user):
    user = make_user("imperial")
    client.patch("/api/me", headers=user.headers, json={"preferences": {"weight_unit": "lb"}})
    log = Log(client, user)
    workout = log.workout()
    entry = log.entry(workout["id"])
    log.set(entry["id"], reps=10, weight=100, weight_unit="kg")
    report = log.get(f"/api/workouts/{workout['id']}/report")
    assert report["volume_unit"] == "lb"
    assert report["total_volume"] == round(1000 / 0.45359237, 2)


def test_empty_report_and_summary(as_alice):
    workout = as_alice.workout()
    report = as_alice.get(f"/api/workouts/{workout['id']}/report")
    assert (report["total_exercises"], report["total_volume"], report["exercises"]) == (0, 0, [])
    assert report["personal_records"] == []
    summary = as_alice.get("/api/stats/summary", query_string={
        "from": "2030-01-01T00:00:00Z", "to": "2030-01-15T00:00:00Z"})
    zeros = {"workouts": 0, "sets": 0, "reps": 0, "volume": 0.0, "duration_minutes": 0}
    assert summary == {"from": "2030-01-01T00:00:00Z", "to": "2030-01-15T00:00:00Z", **zeros,
                       "volume_unit": "kg",
                       "weeks": [{"week": f"2030-W0{n}", **zeros} for n in (1, 2, 3)]}


def test_summary_per_iso_week_across_the_year_boundary(as_alice, as_bob):
    for when, reps in (("2025-12-28T18:00:00Z", 10), ("2025-12-29T07:00:00Z", 5),
                       ("2026-01-02T07:00:00Z", 5), ("2026-01-14T07:00:00Z", 1)):
        workout = as_alice.workout(when, duration_minutes=30)
        as_alice.set(as_alice.entry(workout["id"])["id"], reps=reps, weight=100)
    as_bob.workout("2025-12-29T07:00:00Z")
    summary = as_alice.get("/api/stats/summary", query_string={
        "from": "2025-12-01T00:00:00Z", "to": "2026-01-14T00:00:00Z"})
    assert (summary["workouts"], summary["sets"], summary["reps"]) == (3, 3, 20)
    assert (summary["volume"], summary["duration_minutes"]) == (2000.0, 90)
    assert summary["from"] == "2025-12-01T00:00:00Z"
    assert summary["to"] == "2026-01-14T00:00:00Z"
    assert [w for w in summary["weeks"] if w["workouts"]] == [
        {"week": "2025-W52", "workouts": 1, "sets": 1, "reps": 10, "volume": 1000.0,
         "duration_minutes": 30},
        {"week": "2026-W01", "workouts": 2, "sets": 2, "reps": 10, "volume": 1000.0,
         "duration_minutes": 60},
    ]
    assert [w["week"] for w in summary["weeks"]] == [
        "2025-W49", "2025-W50", "2025-W51", "2025-W52", "2026-W01", "2026-W02", "2026-W03"]
    everything = {"from": "2025-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}
    assert as_alice.get("/api/stats/summary", query_string=everything)["workouts"] == 4


@pytest.mark.parametrize("query", [{"from": "nope"}, {"to": "2026-13-01T00:00:00Z"},
                                   {"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}])
def test_summary_bad_range(as_alice, query):
    assert as_alice.get("/api/stats/summary", 422, query_string=query)["code"] == \
        "validation_error"


def test_exercise_history(as_alice):
    bench = as_alice.exercise_id("Bench Press")
    first = as_alice.workout("2026-01-05T18:00:00Z")
    entry = as_alice.entry(first["id"], bench)
    as_alice.set(entry["id"], reps=10, weight=40, is_warmup=True)
    top = as_alice.set(entry["id"], reps=5, weight=100)
    as_alice.set(entry["id"], reps=12, weight=50)
    second = as_alice.workout("2026-01-12T18:00:00Z")
    as_alice.entry(second["id"], "Back Squat")
    again = as_alice.entry(second["id"], bench)
    heavy = as_alice.set(again["id"], reps=3, weight=110)
    as_alice.set(as_alice.entry(second["id"], bench)["id"], reps=12, weight=60)
    as_alice.workout("2026-01-13T18:00:00Z")  # without bench press: not in the history

    history = as_alice.get(f"/api/exercises/{bench}/history")
    assert history["exercise"]["name"] == "Bench Press"
    assert history["volume_unit"] == "kg"
    sessions = history["sessions"]
    assert [s["workout_id"] for s in sessions] == [second["id"], first["id"]]  # newest first
    assert [len(s["sets"]) for s in sessions] == [2, 3]
    assert sessions[1]["best_set"] == top
    assert sessions[1]["estimated_1rm"] == round(100 * 35 / 30, 2)
    assert sessions[1]["volume"] == 1100.0
    assert sessions[0]["best_set"] == heavy
    assert sessions[0]["performed_at"] == "2026-01-12T18:00:00Z"
    records = history["personal_records"]
    assert records == as_alice.get(f"/api/exercises/{bench}/records")
    assert records["heaviest_weight"] == {"value": 110.0, "workout_id": second["id"],
                                          "performed_at": "2026-01-12T18:00:00Z"}
    assert records["best_estimated_1rm"]["value"] == 121.0
    assert records["best_session_volume"]["value"] == 1100.0
    assert records["best_session_volume"]["workout_id"] == first["id"]
    assert records["most_reps"] == {"value": 12, "weight": 60.0, "workout_id": second["id"],
                                    "performed_at": "2026-01-12T18:00:00Z"}
    assert [(r["reps"], r["weight"], r["workout_id"]) for r in records["rep_records"]] == [
        (3, 110.0, second["id"]), (5, 100.0, first["id"]), (12, 60.0, second["id"])]


def test_history_of_an_unused_exercise(as_alice):
    history = as_alice.get(f"/api/exercises/{as_alice.exercise_id('Yoga')}/history")
    assert history["sessions"] == []
    assert history["personal_records"]["heaviest_weight"] is None


def test_history_only_shows_own_sets(as_alice, as_bob):
    bench = as_alice.exercise_id("Bench Press")
    workout = as_bob.workout()
    as_bob.set(as_bob.entry(workout["id"], bench)["id"], reps=1, weight=200)
    assert as_alice.get(f"/api/exercises/{bench}/history")["sessions"] == []


def _count(count_queries, log, url):
    with count_queries() as queries:
        body = log.get(url)
    return queries.count, body


@pytest.mark.parametrize("path", ["/details", "/report"])
def test_workout_views_cost_the_same_for_small_and_large_workouts(
        as_alice, seed_workouts, count_queries, path):
    small = as_alice.workout()
    as_alice.set(as_alice.entry(small["id"])["id"], reps=1, weight=1)
    large = as_alice.workout()
    for n in range(30):
        entry = as_alice.entry(large["id"], "Deadlift" if n % 2 else "Bench Press")
        for _ in range(3):
            as_alice.set(entry["id"], reps=5, weight=100)
    few, _ = _count(count_queries, as_alice, f"/api/workouts/{small['id']}{path}")
    many, body = _count(count_queries, as_alice, f"/api/workouts/{large['id']}{path}")
    assert few == many
    assert len(body["exercises"]) == 30


@pytest.mark.parametrize("url", [
    "/api/stats/summary?from=2025-01-01T00:00:00Z&to=2028-01-01T00:00:00Z",
    "/api/exercises/{bench}/history", "/api/workouts?limit=200",
    "/api/workouts/{last}/details", "/api/workouts/{last}/report",
])
def test_aggregates_cost_the_same_for_1_and_500_workouts(
        app, as_alice, seed_workouts, count_queries, url):
    bench = as_alice.exercise_id("Bench Press")
    ids = seed_workouts(as_alice.user.id, 1)
    one, _ = _count(count_queries, as_alice, url.format(bench=bench, last=ids[-1]))
    ids = seed_workouts(as_alice.user.id, 499)
    many, body = _count(count_queries, as_alice, url.format(bench=bench, last=ids[-1]))
    assert one == many
    if url.startswith("/api/stats/summary"):
        assert body["workouts"] == 500
        assert body["sets"] == 500 * 4
    if "history" in url:
        assert len(body["sessions"]) == 20
