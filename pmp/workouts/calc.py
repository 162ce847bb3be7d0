"""Pure training arithmetic: units, volume, estimated 1RM, reports, records, ISO weeks.

Nothing here touches Flask or the database: services load plain rows in a bounded number of
queries and hand them to these functions. Arithmetic is done in ``Decimal`` so that sums of
converted weights do not drift; results are rounded to 2 decimals and returned as floats.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

WEIGHT_UNITS: tuple[str, ...] = ("kg", "lb")
KG_PER_LB = Decimal("0.45359237")
_CENT = Decimal("0.01")
_TRAINING_UNIT = {"g": "kg", "kg": "kg", "oz": "lb", "lb": "lb"}

Number = int | float | Decimal


def training_unit(preference: str | None) -> str:
    """The set weight unit matching a gear weight preference (g/kg → kg, oz/lb → lb)."""
    return _TRAINING_UNIT.get(preference or "kg", "kg")


def _dec(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def convert_weight(value: Number | None, from_unit: str, to_unit: str) -> Decimal | None:
    """Convert a weight between ``kg`` and ``lb`` exactly (1 lb = 0.45359237 kg)."""
    if value is None:
        return None
    if from_unit not in WEIGHT_UNITS or to_unit not in WEIGHT_UNITS:
        raise ValueError(f"unknown weight unit: {from_unit!r} -> {to_unit!r}")
    amount = _dec(value)
    if from_unit == to_unit:
        return amount
    return amount * KG_PER_LB if from_unit == "lb" else amount / KG_PER_LB


def round2(value: Number | None) -> float | None:
    """Round half-up to 2 decimals for output; ``None`` stays ``None``."""
    if value is None:
        return None
    return float(_dec(value).quantize(_CENT, rounding=ROUND_HALF_UP))


def set_volume(reps: int | None, weight: Number | None) -> Decimal:
    """Volume of one set, ``reps × weight``; a set without reps or weight adds 0."""
    if not reps or weight is None:
        return Decimal(0)
    return reps * _dec(weight)


def epley_1rm(weight: Number | None, reps: int | None) -> Decimal | None:
    """Epley's estimated one-rep max: ``weight × (1 + reps / 30)``; 1 rep is the weight itself.

    No estimate without a weight or without at least one rep.
    """
    if weight is None or not reps or reps < 1:
        return None
    amount = _dec(weight)
    if reps == 1:
        return amount
    return amount * (30 + reps) / 30


@dataclass(frozen=True, slots=True)
class SetRow:
    """One logged set, as much of it as the calculations need."""

    reps: int | None = None
    weight: Number | None = None
    weight_unit: str = "kg"
    is_warmup: bool = False

    def weight_in(self, unit: str) -> Decimal | None:
        return convert_weight(self.weight, self.weight_unit, unit)


def _max(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def sets_summary(sets: Iterable[SetRow], unit: str) -> dict[str, Any]:
    """Totals of a group of sets in ``unit``: working sets count, warm-ups are reported apart."""
    working, warmups = [], []
    for row in sets:
        (warmups if row.is_warmup else working).append(row)
    weights = [(row.reps, row.weight_in(unit)) for row in working]
    return {
        "sets_count": len(working),
        "total_reps": sum(reps or 0 for reps, _ in weights),
        "max_weight": round2(_max(w for _, w in weights)),
        "total_volume": round2(sum((set_volume(r, w) for r, w in weights), Decimal(0))),
        "estimated_1rm": round2(_max(epley_1rm(w, r) for r, w in weights)),
        "warmup_sets": len(warmups),
        "warmup_volume": round2(
            sum((set_volume(row.reps, row.weight_in(unit)) for row in warmups), Decimal(0))
        ),
    }


@dataclass(frozen=True, slots=True)
class ExerciseRows:
    """One exercise entry of a workout with its sets."""

    workout_exercise_id: int
    exercise_id: int
    exercise_name: str
    sets: tuple[SetRow, ...] = ()


def workout_report(entries: Iterable[ExerciseRows], unit: str) -> dict[str, Any]:
    """Per-entry summaries and workout totals, every weight in ``unit``.

    An exercise logged twice in one workout is reported as two entries, in workout order.
    """
    exercises = [
        {
            "workout_exercise_id": entry.workout_exercise_id,
            "exercise_id": entry.exercise_id,
            "exercise_name": entry.exercise_name,
            **sets_summary(entry.sets, unit),
        }
        for entry in entries
    ]
    return {
        "total_exercises": len(exercises),
        "total_sets": sum(e["sets_count"] for e in exercises),
        "total_reps": sum(e["total_reps"] for e in exercises),
        "total_volume": round2(sum(_dec(e["total_volume"]) for e in exercises)),
        "warmup_sets": sum(e["warmup_sets"] for e in exercises),
        "warmup_volume": round2(sum(_dec(e["warmup_volume"]) for e in exercises)),
        "volume_unit": unit,
        "exercises": exercises,
    }


def iso_week(moment: datetime) -> str:
    """The ISO 8601 week of a moment, e.g. ``2026-W03`` (the ISO year, not the calendar year)."""
    year, week, _ = moment.isocalendar()
    return f"{year:04d}-W{week:02d}"


def iso_weeks(start: datetime, end: datetime) -> list[str]:
    """Every ISO week that ``[start, end)`` touches, oldest first."""
    last = end - timedelta(microseconds=1)
    monday = start.date() - timedelta(days=start.weekday())
    weeks = []
    while monday <= last.date():
        weeks.append(iso_week(datetime.combine(monday, datetime.min.time())))
        monday += timedelta(days=7)
    return weeks


@dataclass(frozen=True, slots=True)
class SessionRows:
    """The sets of one exercise (or of a whole workout) logged in one workout."""

    workout_id: int
    performed_at: datetime
    duration_minutes: int | None = None
    sets: tuple[SetRow, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionTotals:
    """One workout's working sets, reps and volume (in the summary's unit, 2 decimals)."""

    performed_at: datetime
    duration_minutes: int | None
    sets: int
    reps: int
    volume: Decimal


def stats_summary(sessions: Iterable[SessionRows], unit: str) -> dict[str, Any]:
    """Totals over workouts and the same per ISO week (weeks with workouts, oldest first)."""
    return summary_of_totals(
        (SessionTotals(s.performed_at, s.duration_minutes, *_working_totals(s.sets, unit))
         for s in sessions), unit)  # fmt: skip


def summary_of_totals(sessions: Iterable[SessionTotals], unit: str,
                      weeks_shown: Iterable[str] = ()) -> dict[str, Any]:
    """`stats_summary` from per-workout totals (which SQL can aggregate); ``weeks_shown``
    are listed with zeros when they have no workout."""
    totals = _empty_bucket()
    weeks: dict[str, dict[str, Any]] = {week: _empty_bucket() for week in weeks_shown}
    for session in sessions:
        week = weeks.setdefault(iso_week(session.performed_at), _empty_bucket())
        for bucket in (totals, week):
            bucket["workouts"] += 1
            bucket["sets"] += session.sets
            bucket["reps"] += session.reps
            bucket["volume"] += session.volume
            bucket["duration_minutes"] += session.duration_minutes or 0
    return {
        **_rounded(totals),
        "volume_unit": unit,
        "weeks": [{"week": key, **_rounded(weeks[key])} for key in sorted(weeks)],
    }


def _working_totals(sets: Iterable[SetRow], unit: str) -> tuple[int, int, Decimal]:
    """Working sets, reps and volume (rounded like `sets_summary`'s) of one session: the
    only figures the summary needs, without `sets_summary`'s maxima and 1RM estimates."""
    count = reps = 0
    volume = Decimal(0)
    for row in sets:
        if row.is_warmup:
            continue
        count += 1
        reps += row.reps or 0
        volume += set_volume(row.reps, row.weight_in(unit))
    return count, reps, _dec(round2(volume))


def _empty_bucket() -> dict[str, Any]:
    return {"workouts": 0, "sets": 0, "reps": 0, "volume": Decimal(0), "duration_minutes": 0}


def _rounded(bucket: dict[str, Any]) -> dict[str, Any]:
    return {**bucket, "volume": round2(bucket["volume"])}


def _set_strength(row: SetRow, unit: str) -> tuple[Decimal, Decimal, int]:
    """Ordering key of a set: estimated 1RM, then weight, then reps (missing values lowest)."""
    weight = row.weight_in(unit)
    e1rm = epley_1rm(weight, row.reps)
    return (
        e1rm if e1rm is not None else Decimal(-1),
        weight if weight is not None else Decimal(-1),
        row.reps or 0,
    )


def best_set_index(sets: Iterable[SetRow], unit: str) -> int | None:
    """Index of the best working set (highest e1RM, then weight, then reps; first on ties)."""
    best: int | None = None
    best_key = None
    for index, row in enumerate(sets):
        if row.is_warmup:
            continue
        key = _set_strength(row, unit)
        if best_key is None or key > best_key:
            best, best_key = index, key
    return best


def session_summary(sets: tuple[SetRow, ...], unit: str) -> dict[str, Any]:
    """Best set index, estimated 1RM and working volume of one exercise in one workout."""
    summary = sets_summary(sets, unit)
    return {
        "best_index": best_set_index(sets, unit),
        "estimated_1rm": summary["estimated_1rm"],
        "volume": summary["total_volume"],
    }
