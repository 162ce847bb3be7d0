"""A whole-account export document of any size, generated in memory (no database, no HTTP).

The default is the heavy account of issue #11: ten years of training (3,000 workouts, 12,000
exercise entries, 60,000 sets, ~11 MB of JSON) and a gear library of 500 items in 30 packs.
`largest()` fills every cap of POST /api/me/import at once: the benchmark imports it and the
round-trip test imports a ten-year one. Every field the export writes is used, with every value
kind the API allows (units, warm-ups, empty and null fields, fractions, unicode).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from pmp.gear.units import UNITS, weight_in_unit
from pmp.workouts.catalogue import BUILT_IN_EXERCISES, CATEGORIES, MUSCLE_GROUPS

START = datetime(2016, 1, 4, 6, 30, tzinfo=UTC)
GEAR_CATEGORIES = ("Shelter", "Sleep", "Kitchen", "Clothing", "Water", "Électronique", "")
PACK_CATEGORIES = ("Shelter", "Sleep", "Kitchen", "Worn", "Water", "Électronique", "", "Misc")
COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#123abc", "#ffffff")
CURRENCIES = ("EUR", "EUR", "USD", "GBP", "JPY")


@dataclass(frozen=True)
class Scale:
    workouts: int = 3000
    entries_per_workout: int = 4
    sets_per_entry: int = 5
    custom_exercises: int = 15
    items: int = 500
    packs: int = 30
    entries_per_pack: int = 80
    days: int = 3652
    plans: int = 12
    exercises_per_plan: int = 6
    dates_per_plan: int = 10


def largest() -> Scale:
    """A document at every count cap of the import (pmp.account.caps)."""
    from pmp.account.caps import CAPS

    workouts = CAPS["workouts"]
    per_workout = CAPS["workouts.exercises"] // workouts
    return Scale(
        workouts=workouts, entries_per_workout=per_workout,
        sets_per_entry=CAPS["workouts.exercises.sets"] // (workouts * per_workout),
        custom_exercises=CAPS["custom_exercises"], items=CAPS["items"], packs=CAPS["packs"],
        entries_per_pack=min(CAPS["items"], CAPS["packs.entries"] // CAPS["packs"]),
        days=365 * 30, plans=CAPS["plans"],
        exercises_per_plan=CAPS["plans.exercises"] // CAPS["plans"],
        dates_per_plan=CAPS["plans.dates"] // CAPS["plans"],
    )  # fmt: skip


def account_document(scale: Scale | None = None, seed_value: int = 11) -> dict:
    """An export document (format pmp-export, version 1) of the given size."""
    scale = scale or Scale()
    rng = random.Random(seed_value)
    customs = _custom_exercises(rng, scale.custom_exercises)
    return {
        "format": "pmp-export", "version": 1, "exported_at": _stamp(START),
        "account": {"username": "heavy", "email": "heavy@example.com", "display_name": "Heavy",
                    "preferences": {"weight_unit": "kg", "currency": "EUR"}},
        "items": _items(rng, scale.items),
        "packs": _packs(rng, scale),
        "custom_exercises": customs,
        "workouts": _workouts(rng, scale, [c["name"] for c in customs]),
        "plans": _plans(rng, scale, [c["name"] for c in customs]),
    }  # fmt: skip


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _items(rng: random.Random, count: int) -> list[dict]:
    items = []
    for n in range(1, count + 1):
        unit = UNITS[n % 4]
        weight_mg = rng.randint(1_000, 2_500_000)
        price = Decimal(rng.randint(0, 99_999)).scaleb(-2) if n % 3 else None
        created = START + timedelta(minutes=7 * n)
        items.append({
            "id": n, "name": f"Item {n} ✓" if n % 11 == 0 else f"Item {n}",
            "category": GEAR_CATEGORIES[n % len(GEAR_CATEGORIES)],
            "description": "" if n % 2 else f"Line one\nline two of {n}",
            "weight": str(weight_in_unit(weight_mg, unit)), "weight_unit": unit,
            "weight_mg": weight_mg,
            "price": None if price is None else str(price),
            "currency": CURRENCIES[n % len(CURRENCIES)] if price is not None else "EUR",
            "url": f"https://example.com/gear/{n}?ref=a&b=c" if n % 5 == 0 else "",
            "image_url": f"https://img.example.com/{n}.jpg" if n % 4 == 0 else "",
            "created_at": _stamp(created), "updated_at": _stamp(created + timedelta(days=n % 9)),
        })  # fmt: skip
    return items


def _packs(rng: random.Random, scale: Scale) -> list[dict]:
    """Packs as the pack model keeps them: categories in order with their colours (one of them
    empty now and then), entries grouped by category with dense positions, an entry's category
    not always its item's."""
    packs = []
    for n in range(scale.packs):
        size = min(scale.entries_per_pack, scale.items) if n else 0  # the first pack is empty
        chosen = rng.sample(range(1, scale.items + 1), size)
        names = rng.sample(PACK_CATEGORIES, min(len(PACK_CATEGORIES), 1 + n % 5)) if n else []
        empty = ["To buy"] if n % 4 == 1 else []  # a category with no entry
        groups = sorted(chosen, key=lambda item: item % len(names)) if names else []
        created = START + timedelta(days=30 * n)
        packs.append({
            "name": f"Trip {n + 1}", "description": "" if n % 2 else "Three days out.",
            "created_at": _stamp(created), "updated_at": _stamp(created + timedelta(hours=n)),
            "categories": [{"name": name, "color": COLORS[(n + i) % len(COLORS)]}
                           for i, name in enumerate(names + empty)],
            "entries": [_entry(rng, item_id, names[item_id % len(names)], position)
                        for position, item_id in enumerate(groups)],
        })  # fmt: skip
    return packs


def _entry(rng: random.Random, item_id: int, category: str, position: int) -> dict:
    quantity = Decimal(rng.choice((1, 1, 1, 2, 3, 0, 1500))).scaleb(
        -3 if position % 9 == 8 else 0)
    worn = position % 10 == 1 and quantity > 0
    return {
        "item_id": item_id, "category": category, "quantity": f"{quantity:.3f}", "worn": worn,
        "consumable": not worn and position % 7 == 3,
        "worn_quantity": "1.000" if worn and position % 20 == 1 and quantity >= 1 else None,
        "position": position, "star": position % 4, "checked": position % 3 == 0,
    }  # fmt: skip


def _custom_exercises(rng: random.Random, count: int) -> list[dict]:
    return [{"name": f"Custom lift {n:03d}", "category": CATEGORIES[n % len(CATEGORIES)],
             "muscle_group": None if n % 4 == 0 else MUSCLE_GROUPS[n % len(MUSCLE_GROUPS)]}
            for n in range(count)]  # fmt: skip


def _workouts(rng: random.Random, scale: Scale, customs: list[str]) -> list[dict]:
    step = timedelta(days=scale.days) / max(scale.workouts, 1)
    builtins = [exercise.name for exercise in BUILT_IN_EXERCISES[:40]]
    workouts = []
    for n in range(scale.workouts):
        entries = []
        for order in range(scale.entries_per_workout):
            custom = bool(customs) and (n + order) % 6 == 0
            name = rng.choice(customs) if custom else rng.choice(builtins)
            entries.append({
                "exercise_name": name, "custom": custom, "exercise_order": order + 1,
                "notes": None if order % 3 else f"Felt strong ({n})",
                **_targets(rng, n + order),
                "sets": [_set(rng, number, n) for number in
                         range(1, scale.sets_per_entry + 1)],
            })  # fmt: skip
        performed = START + step * n
        workouts.append({
            "performed_at": _stamp(performed),
            "duration_minutes": None if n % 17 == 0 else rng.randint(20, 120),
            "notes": None if n % 4 else "Gym — Tag 🏋️",
            "created_at": _stamp(performed + timedelta(hours=2)),
            "updated_at": _stamp(performed + timedelta(hours=2, days=n % 3)),
            "exercises": entries,
        })  # fmt: skip
    return workouts


def _set(rng: random.Random, number: int, workout: int) -> dict:
    unit = "lb" if workout % 5 == 0 else "kg"
    cardio = number == 5 and workout % 3 == 0
    return {
        "set_number": number, "reps": None if cardio else rng.randint(1, 15),
        "weight": None if cardio else rng.randint(10, 4000) / 20, "weight_unit": unit,
        "rpe": rng.randint(2, 20) / 2 if number % 2 else None,
        "rir": rng.randint(0, 5) if number == 3 else None,
        "duration_seconds": rng.randint(60, 3600) if cardio else None,
        "distance_meters": rng.randint(100, 2_000_000) / 100 if cardio else None,
        "is_warmup": number == 1,
    }  # fmt: skip


def _targets(rng: random.Random, n: int) -> dict:
    """Targets as the export writes them: none at all, sets x reps, a weight, an RPE."""
    planned = n % 3 != 0
    return {
        "target_sets": rng.randint(1, 6) if planned else None,
        "target_reps": rng.randint(1, 15) if planned else None,
        "target_weight": rng.randint(10, 4000) / 20 if n % 3 == 1 else None,
        "target_weight_unit": "lb" if n % 5 == 0 else "kg",
        "target_rpe": rng.randint(2, 20) / 2 if n % 4 == 1 else None,
    }  # fmt: skip


def _plans(rng: random.Random, scale: Scale, customs: list[str]) -> list[dict]:
    builtins = [exercise.name for exercise in BUILT_IN_EXERCISES[:40]]
    plans = []
    for n in range(scale.plans):
        first = START + timedelta(days=rng.randint(0, scale.days))
        dates = [(first + timedelta(days=7 * k + n % 3)).date().isoformat()
                 for k in range(scale.dates_per_plan)]
        exercises = []
        for order in range(scale.exercises_per_plan):
            custom = bool(customs) and (n + order) % 5 == 0
            exercises.append({
                "exercise_name": rng.choice(customs) if custom else rng.choice(builtins),
                "custom": custom, "notes": None if order % 2 else "Pause — 2 s ⏸",
                **_targets(rng, n + order + 1),
            })  # fmt: skip
        plans.append({
            "name": f"Day {n % 7 + 1} — plan {n:04d}", "notes": None if n % 2 else "Plan 📅",
            "weekdays": sorted(rng.sample(range(1, 8), n % 4)),
            "dates": dates,
            "created_at": _stamp(first), "updated_at": _stamp(first + timedelta(days=n % 5)),
            "exercises": exercises,
        })  # fmt: skip
    return plans
