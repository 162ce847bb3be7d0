"""Progress series, records, last time, paged history, report records, summary range."""

from datetime import UTC, date, datetime, timedelta

import pytest

from pmp.workouts.calc import iso_week
from pmp.workouts.progress import progress_range
from pmp.workouts.stats import summary_range
from tests.workouts.conftest import Log


def log_session(log, when, sets, exercise="Bench Press"):
    workout = log.workout(when)
    entry = log.entry(workout["id"], exercise)
    for fields in sets:
        log.set(entry["id"], **fields)
    return workout


@pytest.fixture
def bench(as_alice):
    """Three sessions: 2026-01-05 (Mon), 2026-01-07 (Wed), 2026-02-02 (Mon)."""
    ids = [
        log_session(as_alice, "2026-01-05T18:00:00Z", [
            {"reps": 10, "weight": 40, "is_warmup": True}, {"reps": 5, "weight": 100},
            {"reps": 8, "weight": 80}])["id"],
        log_session(as_alice, "2026-01-07T18:00:00Z", [
            {"reps": 3, "weight": 110}, {"reps": 5, "weight": 220, "weight_unit": "lb"}])["id"],
        log_session(as_alice, "2026-02-02T18:00:00Z", [{"reps": 1, "weight": 120}])["id"],
    ]
    return as_alice.exercise_id("Bench Press"), ids


def test_progress_per_session_week_and_month(as_alice, bench):
    exercise_id, (first, second, third) = bench
    url = f"/api/exercises/{exercise_id}/progress"
    query = {"from": "2026-01-01", "to": "2026-02-02", "bucket": "session"}
    series = as_alice.get(url, query_string=query)
    assert (series["from"], series["to"], series["unit"]) == ("2026-01-01", "2026-02-02", "kg")
    assert series["exercise"] == {"id": exercise_id, "name": "Bench Press"}
    assert series["points"][0] == {
        "start": "2026-01-05", "workout_id": first, "performed_at": "2026-01-05T18:00:00Z",
        "sessions": 1, "estimated_1rm": round(100 * 35 / 30, 2), "max_weight": 100.0,
        "volume": 1140.0, "sets": 2, "reps": 13}
    lb = 220 * 0.45359237
    assert series["points"][1]["max_weight"] == 110.0  # heavier than 220 lb
    assert series["points"][1]["volume"] == round(330 + 5 * lb, 2)
    assert [p["workout_id"] for p in series["points"]] == [first, second, third]
    weeks = as_alice.get(url, query_string={**query, "bucket": "week"})["points"]
    assert [(p["start"], p["sessions"], p["sets"], p["workout_id"]) for p in weeks] == [
        ("2026-01-05", 2, 4, None), ("2026-02-02", 1, 1, None)]
    assert weeks[0]["max_weight"] == 110.0
    assert weeks[0]["estimated_1rm"] == 121.0 and weeks[0]["volume"] == round(
        1140 + 330 + 5 * lb, 2)
    months = as_alice.get(url, query_string={**query, "bucket": "month"})["points"]
    assert [(p["start"], p["sessions"]) for p in months] == [("2026-01-01", 2), ("2026-02-01", 1)]
    only_january = as_alice.get(url, query_string={"from": "2026-01-06", "to": "2026-01-31"})
    assert [p["sessions"] for p in only_january["points"]] == [1]


def test_progress_defaults_to_a_year_of_weeks(as_alice):
    assert progress_range(None, None, "week", date(2026, 6, 1)) == (date(2025, 6, 1),
                                                                     date(2026, 6, 1))
    assert progress_range(None, date(2026, 1, 1), "month") == (date(2025, 1, 1),
                                                               date(2026, 1, 1))
    log_session(as_alice, datetime.now(UTC).isoformat(), [{"reps": 1, "weight": 1}])
    series = as_alice.get(f"/api/exercises/{as_alice.exercise_id()}/progress")
    assert series["to"] == datetime.now(UTC).date().isoformat()
    assert series["bucket"] == "week" and len(series["points"]) == 1


def test_progress_in_pounds(client, make_user):
    user = make_user("imperial")
    client.patch("/api/me", headers=user.headers, json={"preferences": {"weight_unit": "lb"}})
    log = Log(client, user)
    log_session(log, "2026-01-05T18:00:00Z", [{"reps": 1, "weight": 100, "weight_unit": "kg"}])
    exercise_id = log.exercise_id()
    series = log.get(f"/api/exercises/{exercise_id}/progress",
                     query_string={"from": "2026-01-01", "to": "2026-01-31"})
    assert series["unit"] == "lb"
    assert series["points"][0]["max_weight"] == round(100 / 0.45359237, 2)


@pytest.mark.parametrize("query", [
    {"from": "nope"}, {"to": "2026-02-30"}, {"bucket": "foo"}, {"bucket": ""},
    {"from": "2026-02-01", "to": "2026-01-01"}, {"from": "0001-01-01", "to": "2026-01-01"},
    {"from": "1990-01-01", "to": "2026-01-01"}, {"from": "2020-01-01", "bucket": "session",
                                                  "to": "2026-01-01"},
    {"to": "9999-12-31"}, {"from": "2026-01-01", "bucket": "week", "to": "2052-01-01"},
    {"from": "2026-1-1x"},
])
def test_progress_garbage_is_422(as_alice, query):
    url = f"/api/exercises/{as_alice.exercise_id()}/progress"
    assert as_alice.get(url, 422, query_string=query)["code"] == "validation_error"


def test_records_with_rep_records(as_alice, bench):
    exercise_id, (first, second, third) = bench
    records = as_alice.get(f"/api/exercises/{exercise_id}/records")
    lb = round(220 * 0.45359237, 2)
    assert records["exercise_id"] == exercise_id and records["unit"] == "kg"
    assert records["heaviest_weight"] == {"value": 120.0, "workout_id": third,
                                          "performed_at": "2026-02-02T18:00:00Z"}
    assert records["best_estimated_1rm"] == {"value": 121.0, "workout_id": second,
                                             "performed_at": "2026-01-07T18:00:00Z"}
    assert records["best_session_volume"]["workout_id"] == first
    assert records["most_reps"]["value"] == 8 and records["most_reps"]["weight"] == 80.0
    assert [(r["reps"], r["weight"], r["workout_id"]) for r in records["rep_records"]] == [
        (1, 120.0, third), (3, 110.0, second), (5, 100.0, first), (8, 80.0, first)]
    assert lb < 100.0  # 5 × 220 lb is lighter than 5 × 100 kg: not the 5-rep record


def test_records_of_an_unused_exercise_are_empty(as_alice):
    records = as_alice.get(f"/api/exercises/{as_alice.exercise_id('Yoga')}/records")
    assert records["heaviest_weight"] is None and records["rep_records"] == []
    assert records["most_reps"] is None


def test_a_tie_goes_to_the_earlier_workout(as_alice):
    first = log_session(as_alice, "2026-01-01T10:00:00Z", [{"reps": 5, "weight": 100}])
    log_session(as_alice, "2026-01-02T10:00:00Z", [{"reps": 5, "weight": 100}])
    records = as_alice.get(f"/api/exercises/{as_alice.exercise_id()}/records")
    assert {records[k]["workout_id"] for k in ("heaviest_weight", "best_estimated_1rm",
                                               "best_session_volume", "most_reps")} == {first["id"]}


def test_history_pages_newest_first(client, as_alice, bench):
    exercise_id, (first, second, third) = bench
    response = client.get(f"/api/exercises/{exercise_id}/history",
                          query_string={"limit": 2, "offset": 1}, headers=as_alice.user.headers)
    assert response.headers["X-Total-Count"] == "3"
    assert [s["workout_id"] for s in response.get_json()["sessions"]] == [second, first]
    default = as_alice.get(f"/api/exercises/{exercise_id}/history")
    assert [s["workout_id"] for s in default["sessions"]] == [third, second, first]


@pytest.mark.parametrize("query", [{"limit": -1}, {"limit": 0}, {"limit": 101},
                                   {"offset": -1}, {"limit": "x"}, {"offset": 10**12}])
def test_history_garbage_is_422(as_alice, query):
    url = f"/api/exercises/{as_alice.exercise_id()}/history"
    assert as_alice.get(url, 422, query_string=query)["code"] == "validation_error"


def test_last_time_of_an_exercise_and_of_a_workout(as_alice, bench):
    exercise_id, (first, second, third) = bench
    today = as_alice.workout("2026-02-09T18:00:00Z")
    as_alice.entry(today["id"], exercise_id)
    as_alice.entry(today["id"], "Back Squat")
    as_alice.entry(today["id"], exercise_id)  # twice: one answer
    url = f"/api/exercises/{exercise_id}/last"
    latest = as_alice.get(url)
    assert (latest["workout_id"], latest["performed_at"]) == (third, "2026-02-02T18:00:00Z")
    assert [s["weight"] for s in latest["sets"]] == [120.0]
    before = as_alice.get(url, query_string={"before": third})
    assert before["workout_id"] == second
    assert [(s["reps"], s["weight_unit"]) for s in before["sets"]] == [(3, "kg"), (5, "lb")]
    assert as_alice.get(url, query_string={"before": first}) == {
        "exercise_id": exercise_id, "workout_id": None, "performed_at": None, "sets": []}
    squat = as_alice.exercise_id("Back Squat")
    assert as_alice.get(f"/api/workouts/{today['id']}/last") == [
        {**as_alice.get(url, query_string={"before": today["id"]})},
        {"exercise_id": squat, "workout_id": None, "performed_at": None, "sets": []}]
    assert as_alice.get(f"/api/workouts/{first}/last")[0]["workout_id"] is None


def test_last_time_skips_a_workout_at_the_same_moment_only_when_later(as_alice):
    one = log_session(as_alice, "2026-03-01T10:00:00Z", [{"reps": 1, "weight": 1}])
    two = log_session(as_alice, "2026-03-01T10:00:00Z", [{"reps": 2, "weight": 2}])
    url = f"/api/exercises/{as_alice.exercise_id()}/last"
    assert as_alice.get(url, query_string={"before": two["id"]})["workout_id"] == one["id"]
    assert as_alice.get(url, query_string={"before": one["id"]})["workout_id"] is None


@pytest.mark.parametrize("query", [{"before": "x"}, {"before": -1}, {"before": 0},
                                   {"before": 2**40}])
def test_last_time_garbage_is_422(as_alice, query):
    url = f"/api/exercises/{as_alice.exercise_id()}/last"
    assert as_alice.get(url, 422, query_string=query)["code"] == "validation_error"


def test_last_time_before_someone_elses_workout_is_404(as_alice, as_bob):
    theirs = as_bob.workout()
    url = f"/api/exercises/{as_alice.exercise_id()}/last"
    assert as_alice.get(url, 404, query_string={"before": theirs["id"]})["code"] == "not_found"


def test_report_lists_the_records_set_against_earlier_workouts(as_alice, bench):
    exercise_id, (first, second, third) = bench
    report = as_alice.get(f"/api/workouts/{second}/report")
    by_kind = {r["kind"]: r for r in report["personal_records"]}
    assert set(by_kind) == {"heaviest_weight", "best_estimated_1rm"}
    assert by_kind["heaviest_weight"]["value"] == 110.0
    assert by_kind["heaviest_weight"]["previous"] == 100.0
    assert by_kind["best_estimated_1rm"] == {
        "exercise_id": exercise_id, "exercise_name": "Bench Press", "kind":
        "best_estimated_1rm", "value": 121.0, "previous": round(100 * 35 / 30, 2)}
    third_report = as_alice.get(f"/api/workouts/{third}/report")["personal_records"]
    assert [(r["kind"], r["previous"]) for r in third_report] == [("heaviest_weight", 110.0)]
    # an earlier-dated workout logged later does not see the later ones
    early = log_session(as_alice, "2025-12-01T10:00:00Z", [{"reps": 2, "weight": 10}])
    assert len(as_alice.get(f"/api/workouts/{early['id']}/report")["personal_records"]) == 4


def test_summary_defaults_to_the_last_12_weeks_with_zeros(as_alice):
    wednesday = datetime(2026, 6, 3, 12, tzinfo=UTC)
    monday = datetime(2026, 3, 16, tzinfo=UTC)  # of the week 11 weeks before
    assert summary_range(None, None, wednesday) == (monday, wednesday)
    assert summary_range(None, datetime(2026, 6, 8, tzinfo=UTC)) == (monday, datetime(
        2026, 6, 8, tzinfo=UTC))  # `to` on a Monday at midnight ends the week before
    now = datetime.now(UTC)
    log_session(as_alice, (now - timedelta(days=1)).isoformat(), [{"reps": 5, "weight": 100}])
    log_session(as_alice, (now - timedelta(weeks=13)).isoformat(), [{"reps": 5, "weight": 1}])
    summary = as_alice.get("/api/stats/summary")
    assert len(summary["weeks"]) == 12
    assert summary["weeks"][-1]["week"] == iso_week(now)
    assert summary["workouts"] == 1 and summary["volume"] == 500.0
    assert sum(w["workouts"] for w in summary["weeks"]) == 1


@pytest.mark.parametrize("query", [
    {"from": "2015-01-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"},
    {"from": "1900-01-01T00:00:00Z"}, {"to": "1800-01-01T00:00:00Z"},
    {"from": "2026-01-02T00:00:00Z", "to": "2026-01-01T00:00:00Z"}, {"from": "2026-99-01"},
])
def test_summary_ranges_out_of_bounds_are_422(as_alice, query):
    assert as_alice.get("/api/stats/summary", 422, query_string=query)["code"] == \
        "validation_error"


def _count(count_queries, log, url):
    with count_queries() as queries:
        log.get(url)
    return queries.count


@pytest.mark.parametrize("url", [
    "/api/exercises/{bench}/progress?from=2025-01-01&to=2026-12-31&bucket=session",
    "/api/exercises/{bench}/progress?from=2025-01-01&to=2027-12-31&bucket=month",
    "/api/exercises/{bench}/records", "/api/exercises/{bench}/history?limit=100",
    "/api/exercises/{bench}/last", "/api/exercises/{bench}/last?before={last}",
    "/api/workouts/{last}/last", "/api/workouts/{last}/report",
])
def test_new_views_cost_the_same_for_2_and_300_workouts(as_alice, seed_workouts,
                                                        count_queries, url):
    bench = as_alice.exercise_id("Bench Press")
    ids = seed_workouts(as_alice.user.id, 2)
    one = _count(count_queries, as_alice, url.format(bench=bench, last=ids[-1]))
    ids = seed_workouts(as_alice.user.id, 298)
    assert _count(count_queries, as_alice, url.format(bench=bench, last=ids[-1])) == one


def test_workout_last_costs_the_same_for_2_and_20_exercises(as_alice, seed_workouts,
                                                           count_queries):
    seed_workouts(as_alice.user.id, 20)
    small = as_alice.workout("2027-06-01T10:00:00Z")
    for name in ("Bench Press", "Back Squat"):
        as_alice.entry(small["id"], name)
    large = as_alice.workout("2027-06-02T10:00:00Z")
    names = [e["name"] for e in as_alice.get("/api/exercises")][:20]
    for name in names:
        as_alice.entry(large["id"], name)
    few = _count(count_queries, as_alice, f"/api/workouts/{small['id']}/last")
    many = _count(count_queries, as_alice, f"/api/workouts/{large['id']}/last")
    assert few == many
    assert len(as_alice.get(f"/api/workouts/{large['id']}/last")) == len(set(names))
