"""A two-year training log, made up and imported in one request (POST /api/me/import), for the
progress screens' browser tests; and the numbers those screens must show, computed here from
the same sets with the server's own arithmetic (pmp.workouts.calc).

Three workouts a week (Monday, Wednesday, Friday at noon UTC) for 104 weeks up to yesterday:
Bench Press every time (a warm-up, three working sets of 5 that climb 2.5 kg every five weeks, every
fourth session a set of 8 instead; a deload in the last three weeks), Back Squat on Mondays and
Fridays, Deadlift on Wednesdays, and a custom exercise now and then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from pmp.workouts.calc import epley_1rm, round2

WEEKS = 104
CUSTOM = "Sled Push (seed)"


@dataclass
class Seed:
    document: dict
    # exercise name -> [(day, [(reps, weight, is_warmup)])], oldest first
    sessions: dict[str, list[tuple[date, list[tuple[int, float, bool]]]]] = field(
        default_factory=dict)
    workout_days: list[date] = field(default_factory=list)

    def working_sets(self, name: str, since: date | None = None):
        return [(day, reps, weight) for day, sets in self.sessions[name]
                if since is None or day >= since
                for reps, weight, warmup in sets if not warmup]

    def best_e1rm(self, name: str, since: date | None = None) -> float:
        return max(round2(epley_1rm(Decimal(str(w)), r)) for _, r, w in
                   self.working_sets(name, since))

    def heaviest(self, name: str) -> float:
        return max(w for _, _, w in self.working_sets(name))


def _bench(n: int, weeks_left: int) -> list[tuple[int, float, bool]]:
    top = 60 + 2.5 * (n // 15)
    if weeks_left < 3:
        top = round(top * 0.8 / 2.5) * 2.5  # the deload
    sets = [(10, 40.0, True)] + [(5, top, False)] * 3
    if n % 4 == 3:
        sets[-1] = (8, top - 10, False)
    return sets


def _squat(n: int) -> list[tuple[int, float, bool]]:
    return [(5, 80 + 2.5 * (n // 10), False)] * 3


def _deadlift(n: int) -> list[tuple[int, float, bool]]:
    return [(5, 100 + 5 * (n // 12), False), (3, 110 + 5 * (n // 12), False)]


def _entry(name: str, order: int, sets, custom: bool = False) -> dict:
    return {"exercise_name": name, "custom": custom, "exercise_order": order,
            "sets": [{"set_number": i + 1, "reps": reps, "weight": weight, "weight_unit": "kg",
                      "is_warmup": warmup} for i, (reps, weight, warmup) in enumerate(sets)]}


def two_years(today: date | None = None) -> Seed:
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=WEEKS - 1)
    seed = Seed(document={}, sessions={"Bench Press": [], "Back Squat": [], "Deadlift": [],
                                       CUSTOM: []})
    workouts, count = [], {"bench": 0, "squat": 0, "deadlift": 0}
    for week in range(WEEKS):
        for weekday in (0, 2, 4):
            day = start + timedelta(weeks=week, days=weekday)
            if day >= today:
                continue
            plan = [("Bench Press", _bench(count["bench"], WEEKS - 1 - week))]
            count["bench"] += 1
            if weekday == 2:
                plan.append(("Deadlift", _deadlift(count["deadlift"])))
                count["deadlift"] += 1
            else:
                plan.append(("Back Squat", _squat(count["squat"])))
                count["squat"] += 1
            if week % 5 == 0 and weekday == 4:
                plan.append((CUSTOM, [(1, 120.0 + week, False)]))
            for name, sets in plan:
                seed.sessions[name].append((day, sets))
            seed.workout_days.append(day)
            at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            workouts.append({
                "performed_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "duration_minutes": 60,
                "notes": None, "exercises": [_entry(name, i, sets, name == CUSTOM)
                                             for i, (name, sets) in enumerate(plan)]})
    seed.document = {
        "format": "pmp-export", "version": 1,
        "custom_exercises": [{"name": CUSTOM, "category": "strength", "muscle_group": "legs"}],
        "workouts": workouts,
    }
    return seed


def number(value: float | Decimal) -> str:
    """A number as the app shows it in en-GB: grouped thousands, at most 2 decimals."""
    text = f"{Decimal(str(value)):,.2f}".rstrip("0").rstrip(".")
    return text
