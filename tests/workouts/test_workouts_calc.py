"""Unit tests for the pure training arithmetic in pmp.workouts.calc."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmp.workouts import calc
from pmp.workouts.calc import ExerciseRows, SessionRows, SetRow

weights = st.decimals(min_value=0, max_value=10_000, places=3, allow_nan=False)
reps = st.none() | st.integers(min_value=0, max_value=1000)


@pytest.mark.parametrize(
    ("preference", "unit"),
    [("g", "kg"), ("kg", "kg"), ("oz", "lb"), ("lb", "lb"), (None, "kg"), ("stone", "kg")],
)
def test_training_unit_follows_gear_preference(preference, unit):
    assert calc.training_unit(preference) == unit


def test_convert_weight_exact_factor():
    assert calc.convert_weight(1, "lb", "kg") == Decimal("0.45359237")
    assert calc.convert_weight(100, "kg", "kg") == Decimal(100)
    assert calc.round2(calc.convert_weight(100, "kg", "lb")) == 220.46
    assert calc.convert_weight(None, "kg", "lb") is None


def test_convert_weight_rejects_unknown_units():
    with pytest.raises(ValueError):
        calc.convert_weight(1, "stone", "kg")


@given(weights)
def test_convert_weight_round_trip(weight):
    back = calc.convert_weight(calc.convert_weight(weight, "kg", "lb"), "lb", "kg")
    assert abs(back - weight) < Decimal("1e-20")


def test_round2_half_up():
    assert calc.round2(Decimal("2.345")) == 2.35
    assert calc.round2(None) is None
    assert calc.round2(600) == 600.0


@pytest.mark.parametrize(
    ("r", "w", "volume"),
    [(10, 60, 600), (None, 60, 0), (0, 60, 0), (10, None, 0), (3, Decimal("2.5"), 7.5)],
)
def test_set_volume(r, w, volume):
    assert calc.set_volume(r, w) == Decimal(str(volume))


@given(reps, st.none() | weights)
def test_set_volume_never_negative(r, w):
    assert calc.set_volume(r, w) >= 0


def test_epley():
    assert calc.epley_1rm(60, 10) == Decimal(80)
    assert calc.epley_1rm(100, 1) == Decimal(100)
    assert calc.epley_1rm(100, 0) is None
    assert calc.epley_1rm(100, None) is None
    assert calc.epley_1rm(None, 5) is None


@given(weights, st.integers(min_value=1, max_value=1000))
def test_epley_is_at_least_the_weight_and_grows_with_reps(weight, r):
    e1rm = calc.epley_1rm(weight, r)
    assert e1rm >= weight
    assert calc.epley_1rm(weight, r + 1) >= e1rm


def test_sets_summary_keeps_warmups_apart_and_converts():
    sets = [
        SetRow(reps=10, weight=20, weight_unit="kg", is_warmup=True),
        SetRow(reps=10, weight=60, weight_unit="kg"),
        SetRow(reps=5, weight=100, weight_unit="lb"),
        SetRow(reps=None, weight=70),
        SetRow(reps=8, weight=None),
    ]
    summary = calc.sets_summary(sets, "kg")
    assert summary == {
        "sets_count": 4,
        "total_reps": 23,
        "max_weight": 70.0,
        "total_volume": calc.round2(600 + 5 * Decimal("45.359237")),
        "estimated_1rm": 80.0,
        "warmup_sets": 1,
        "warmup_volume": 200.0,
    }


def test_sets_summary_empty():
    summary = calc.sets_summary([], "lb")
    assert summary["sets_count"] == 0
    assert summary["total_volume"] == 0
    assert summary["max_weight"] is None
    assert summary["estimated_1rm"] is None


def test_workout_report_matches_api_example_and_keeps_entries_apart():
    bench = ExerciseRows(1, 1, "Bench Press", (SetRow(reps=10, weight=60),))
    again = ExerciseRows(2, 1, "Bench Press", (SetRow(reps=10, weight=20, is_warmup=True),))
    report = calc.workout_report([bench, again], "kg")
    assert report["total_exercises"] == 2
    assert report["total_sets"] == 1
    assert report["total_reps"] == 10
    assert report["total_volume"] == 600
    assert report["warmup_sets"] == 1
    assert report["warmup_volume"] == 200
    assert report["volume_unit"] == "kg"
    first = report["exercises"][0]
    assert first["exercise_name"] == "Bench Press"
    assert (first["max_weight"], first["total_volume"], first["estimated_1rm"]) == (60, 600, 80)
    assert report["exercises"][1]["workout_exercise_id"] == 2


@given(st.lists(st.tuples(reps, st.none() | weights, st.booleans()), max_size=20))
def test_report_totals_are_sums_of_entries(rows):
    sets = tuple(SetRow(reps=r, weight=w, is_warmup=wu) for r, w, wu in rows)
    half = len(sets) // 2
    report = calc.workout_report(
        [ExerciseRows(1, 1, "A", sets[:half]), ExerciseRows(2, 2, "B", sets[half:])], "kg"
    )
    assert report["total_sets"] + report["warmup_sets"] == len(sets)
    assert report["total_reps"] == sum(r or 0 for r, _, wu in rows if not wu)
    expected = sum(calc.set_volume(r, w) for r, w, wu in rows if not wu)
    assert abs(Decimal(str(report["total_volume"])) - expected) <= Decimal("0.01")


@pytest.mark.parametrize(
    ("moment", "week"),
    [
        (datetime(2026, 1, 14, tzinfo=UTC), "2026-W03"),
        (datetime(2025, 12, 29, tzinfo=UTC), "2026-W01"),  # Monday of ISO 2026-W01
        (datetime(2027, 1, 1, tzinfo=UTC), "2026-W53"),  # 2026 has 53 ISO weeks
        (datetime(2021, 1, 3, 23, 59, tzinfo=UTC), "2020-W53"),
        (datetime(2021, 1, 4, tzinfo=UTC), "2021-W01"),
    ],
)
def test_iso_week_across_year_boundaries(moment, week):
    assert calc.iso_week(moment) == week


def _session(wid, moment, duration=None, *sets):
    return SessionRows(wid, moment, duration, tuple(sets))


def test_stats_summary_buckets_by_iso_week_across_new_year():
    sessions = [
        _session(1, datetime(2025, 12, 28, 18, tzinfo=UTC), 30, SetRow(10, 50)),
        _session(2, datetime(2025, 12, 29, 7, tzinfo=UTC), 45, SetRow(5, 100), SetRow(5, 100)),
        _session(3, datetime(2026, 1, 2, 7, tzinfo=UTC), None, SetRow(8, 10, is_warmup=True)),
    ]
    summary = calc.stats_summary(sessions, "kg")
    assert summary["workouts"] == 3
    assert summary["sets"] == 3
    assert summary["reps"] == 20
    assert summary["volume"] == 1500
    assert summary["duration_minutes"] == 75
    assert summary["volume_unit"] == "kg"
    assert summary["weeks"] == [
        {"week": "2025-W52", "workouts": 1, "sets": 1, "reps": 10, "volume": 500,
         "duration_minutes": 30},
        {"week": "2026-W01", "workouts": 2, "sets": 2, "reps": 10, "volume": 1000,
         "duration_minutes": 45},
    ]


def test_stats_summary_empty():
    summary = calc.stats_summary([], "lb")
    assert summary == {"workouts": 0, "sets": 0, "reps": 0, "volume": 0.0,
                       "duration_minutes": 0, "volume_unit": "lb", "weeks": []}


@given(st.lists(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                             timezones=st.just(UTC)), max_size=30))
def test_stats_weeks_partition_the_workouts(moments):
    summary = calc.stats_summary([_session(i, m) for i, m in enumerate(moments)], "kg")
    assert sum(week["workouts"] for week in summary["weeks"]) == len(moments)
    labels = [week["week"] for week in summary["weeks"]]
    assert labels == sorted(set(labels))


def test_best_set_prefers_e1rm_then_weight_and_skips_warmups():
    sets = [SetRow(1, 200, is_warmup=True), SetRow(5, 100), SetRow(1, 110), SetRow(10, 80)]
    # e1RM: 116.67, 110, 106.67
    assert calc.best_set_index(sets, "kg") == 1
    assert calc.best_set_index([SetRow(5, None), SetRow(8, None)], "kg") == 1
    assert calc.best_set_index([SetRow(1, 200, is_warmup=True)], "kg") is None
    assert calc.best_set_index([SetRow(5, 100), SetRow(5, 100)], "kg") == 0


def test_session_summary():
    summary = calc.session_summary((SetRow(10, 60), SetRow(5, 50, "lb")), "lb")
    assert summary["best_index"] == 0
    assert summary["estimated_1rm"] == calc.round2(calc.convert_weight(80, "kg", "lb"))
    assert summary["volume"] == calc.round2(600 / Decimal("0.45359237") + 250)


@pytest.mark.parametrize("milli", [0, 1, 4, 5, 12345, 12344, 99995, 10**15 + 5])
def test_summary_volume_in_integers_rounds_like_round2(milli):
    from pmp.workouts.aggregates import volume as _volume

    expected = Decimal(str(calc.round2(Decimal(milli) / 1000)))
    assert _volume({"kg": milli, "lb": None}, "kg") == expected
    assert _volume({"kg": None, "lb": milli}, "lb") == expected
    mixed = calc.convert_weight(Decimal(milli) / 1000, "lb", "kg") + Decimal(1)
    assert _volume({"kg": 1000, "lb": milli}, "kg") == Decimal(str(calc.round2(mixed)))
