"""The demo account's data, as plain documents in the /api/me/export format.

Deterministic: the same day gives the same documents, so the demo is reproducible and
testable. Workouts follow a push / pull / legs week with a Sunday run and slow progression,
over the weeks before the current one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

# (exercise, sets, reps, starting kg, kg added per week); weight None = body weight.
Lift = tuple[str, int, int, float | None, float]

PLAN: dict[int, tuple[str, list[Lift]]] = {
    0: ("Push day", [
        ("Bench Press", 4, 6, 60.0, 2.5),
        ("Overhead Press", 3, 8, 35.0, 1.25),
        ("Lateral Raise", 3, 12, 8.0, 0.0),
        ("Triceps Pushdown", 3, 12, 25.0, 1.25),
    ]),
    2: ("Pull day", [
        ("Deadlift", 3, 5, 100.0, 5.0),
        ("Barbell Row", 4, 8, 55.0, 2.5),
        ("Pull-Up", 3, 6, None, 0.0),
        ("Bicep Curl", 3, 10, 12.0, 0.5),
    ]),
    4: ("Leg day", [
        ("Back Squat", 4, 6, 80.0, 2.5),
        ("Romanian Deadlift", 3, 8, 70.0, 2.5),
        ("Lunge", 3, 10, 16.0, 1.0),
        ("Plank", 3, 1, None, 0.0),
    ]),
}  # fmt: skip
RUN_DAY = 6
SESSION_START = time(18, 0, tzinfo=UTC)


def _timestamp(day: date, at: time) -> str:
    return datetime.combine(day, at).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sets(lift: Lift, week: int) -> list[dict]:
    name, count, reps, start, step = lift
    weight = None if start is None else round(start + step * week, 2)
    if name == "Plank":
        return [{"set_number": n, "duration_seconds": 45 + 15 * week} for n in range(1, 4)]
    sets = []
    if weight is not None and weight >= 60:  # a warm-up set before the heavy compound lifts
        sets.append({"reps": 8, "weight": round(weight * 0.5, 2), "weight_unit": "kg",
                     "is_warmup": True})
    for n in range(count):
        rpe = min(10, 7 + 0.5 * n)
        sets.append({"reps": reps + (week if weight is None else 0), "weight": weight,
                     "weight_unit": "kg", "rpe": rpe, "is_warmup": False})
    for number, row in enumerate(sets, start=1):
        row["set_number"] = number
    return sets


def _strength(day: date, week: int, title: str, lifts: list[Lift]) -> dict:
    return {
        "performed_at": _timestamp(day, SESSION_START),
        "duration_minutes": 55 + 5 * (week % 2),
        "notes": f"{title}, week {week + 1}.",
        "exercises": [
            {"exercise_name": lift[0], "exercise_order": order, "sets": _sets(lift, week)}
            for order, lift in enumerate(lifts)
        ],
    }


def _run(day: date, week: int) -> dict:
    km = 5 + week
    return {
        "performed_at": _timestamp(day, time(8, 30, tzinfo=UTC)),
        "duration_minutes": km * 6,
        "notes": "Easy long run.",
        "exercises": [{
            "exercise_name": "Running", "exercise_order": 0,
            "sets": [{"set_number": 1, "duration_seconds": km * 360,
                      "distance_meters": km * 1000.0}],
        }],
    }  # fmt: skip


def workouts_document(today: date, weeks: int = 4) -> dict:
    """``weeks`` full weeks of training, Monday to Sunday, before the week of ``today``."""
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks)
    workouts = []
    for week in range(weeks):
        monday = first_monday + timedelta(weeks=week)
        for weekday, (title, lifts) in PLAN.items():
            workouts.append(_strength(monday + timedelta(days=weekday), week, title, lifts))
        workouts.append(_run(monday + timedelta(days=RUN_DAY), week))
    return {"custom_exercises": [], "workouts": workouts}


# (name, category, description, weight, unit, price in EUR)
ITEMS: list[tuple[str, str, str, float, str, str | None]] = [
    ("Trekking-pole tent", "Shelter", "Single-wall, pitched with two poles", 620, "g", "389.00"),
    ("Groundsheet", "Shelter", "Polycryo, cut to size", 58, "g", "12.00"),
    ("Titanium stakes (8)", "Shelter", "", 96, "g", "40.00"),
    ("Down quilt -5 °C", "Sleep", "850 fill power", 640, "g", "360.00"),
    ("Inflatable pad", "Sleep", "R-value 4.2", 13, "oz", "199.95"),
    ("Inflatable pillow", "Sleep", "", 57, "g", "39.90"),
    ("Frameless pack 40 l", "Pack", "Roll-top, hip belt pockets", 1.2, "lb", "240.00"),
    ("Pack liner", "Pack", "Trash compactor bag", 60, "g", "2.00"),
    ("Titanium pot 750 ml", "Kitchen", "", 103, "g", "34.95"),
    ("Canister stove", "Kitchen", "", 2.6, "oz", "59.95"),
    ("Fuel canister 100 g", "Kitchen", "Full weight", 195, "g", "6.50"),
    ("Long spoon", "Kitchen", "", 18, "g", "12.00"),
    ("Water filter", "Water", "Squeeze type, with 1 l pouch", 85, "g", "45.00"),
    ("Water bottles 2 × 1 l", "Water", "", 70, "g", "4.00"),
    ("Rain jacket", "Clothing", "3-layer, pit zips", 210, "g", "280.00"),
    ("Fleece hoodie", "Clothing", "", 280, "g", "95.00"),
    ("Trail runners", "Clothing", "Pair, size 43", 580, "g", "149.00"),
    ("Merino T-shirt", "Clothing", "", 140, "g", "65.00"),
    ("Trekking poles", "Clothing", "Carbon, pair", 390, "g", "160.00"),
    ("Headlamp", "Electronics", "USB rechargeable", 56, "g", "55.00"),
    ("Power bank 10 000 mAh", "Electronics", "", 150, "g", "39.00"),
    ("Phone", "Electronics", "Maps offline", 190, "g", None),
    ("First aid kit", "Health", "Blister care, tape, painkillers", 110, "g", "25.00"),
    ("Sunscreen 30 ml", "Health", "", 35, "g", "8.00"),
    ("Dehydrated dinner", "Food", "", 150, "g", "9.90"),
    ("Oat breakfast", "Food", "", 120, "g", "2.50"),
    ("Trail snacks (per day)", "Food", "Nuts, bars, chocolate", 400, "g", "6.00"),
]

# (name, description, [(item name, quantity, worn, consumable)])
PACKS: list[tuple[str, str, list[tuple[str, float, bool, bool]]]] = [
    ("Weekend overnighter", "Two days, one night, mild summer weather", [
        ("Trekking-pole tent", 1, False, False), ("Groundsheet", 1, False, False),
        ("Titanium stakes (8)", 1, False, False), ("Down quilt -5 °C", 1, False, False),
        ("Inflatable pad", 1, False, False), ("Frameless pack 40 l", 1, False, False),
        ("Pack liner", 1, False, False), ("Titanium pot 750 ml", 1, False, False),
        ("Canister stove", 1, False, False), ("Fuel canister 100 g", 1, False, True),
        ("Long spoon", 1, False, False), ("Water filter", 1, False, False),
        ("Water bottles 2 × 1 l", 1, False, False), ("Rain jacket", 1, False, False),
        ("Trail runners", 1, True, False), ("Merino T-shirt", 1, True, False),
        ("Trekking poles", 1, True, False), ("Headlamp", 1, False, False),
        ("Phone", 1, True, False), ("First aid kit", 1, False, False),
        ("Dehydrated dinner", 1, False, True), ("Oat breakfast", 1, False, True),
        ("Trail snacks (per day)", 2, False, True),
    ]),
    ("Five-day hut trek", "No shelter or kitchen: huts serve dinner", [
        ("Frameless pack 40 l", 1, False, False), ("Pack liner", 1, False, False),
        ("Rain jacket", 1, False, False), ("Fleece hoodie", 1, False, False),
        ("Trail runners", 1, True, False), ("Merino T-shirt", 2, False, False),
        ("Trekking poles", 1, True, False), ("Headlamp", 1, False, False),
        ("Power bank 10 000 mAh", 1, False, False), ("Phone", 1, True, False),
        ("First aid kit", 1, False, False), ("Sunscreen 30 ml", 1, False, True),
        ("Water bottles 2 × 1 l", 1, False, False), ("Trail snacks (per day)", 5, False, True),
    ]),
    ("Day hike", "", [
        ("Rain jacket", 1, False, False), ("Fleece hoodie", 1, False, False),
        ("Water bottles 2 × 1 l", 1, False, False), ("Trail snacks (per day)", 1, False, True),
        ("Phone", 1, True, False), ("Trail runners", 1, True, False),
        ("First aid kit", 1, False, False),
    ]),
]  # fmt: skip
