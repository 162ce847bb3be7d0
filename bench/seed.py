"""Seed one realistic account fast: bulk INSERTs through the app's models (no HTTP).

Call `seed()` inside an app context on a migrated database. The defaults are the account of
issue #6: 400 items, 20 packs of 50-200 entries (the first has the most), about two years of
workouts (300 x 5 exercises x 4 sets) and a share code on the first pack.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from pmp.auth.service import create_user
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.gear.categories import insert_entries
from pmp.gear.models import Item, Pack
from pmp.workouts import record_book
from pmp.workouts.models import Exercise, Workout, WorkoutExercise, WorkoutSet

PASSWORD = "bench marks are not passwords"
CATEGORIES = ("Shelter", "Sleep", "Kitchen", "Clothing", "Water", "Electronics", "First aid",
              "Navigation", "Hygiene", "Food")  # fmt: skip


@dataclass
class Scale:
    items: int = 400
    packs: int = 20
    entries: tuple[int, int] = (50, 200)
    workouts: int = 300
    exercises_per_workout: int = 5
    sets_per_exercise: int = 4
    days: int = 730


@dataclass
class Seeded:
    """What the load rows need: the login, the ids and the share code."""

    user_id: int
    username: str
    password: str
    pack_ids: list[int] = field(default_factory=list)
    big_pack_id: int = 0
    big_pack_entries: int = 0
    share_code: str = ""
    workout_id: int = 0
    workout_exercise_ids: list[int] = field(default_factory=list)


def seed(scale: Scale | None = None, username: str = "bench", seed_value: int = 6) -> Seeded:
    """Create the account and its data in a few bulk statements; commits once."""
    scale = scale or Scale()
    rng = random.Random(seed_value)
    user = create_user(username, f"{username}@example.com", PASSWORD)
    out = Seeded(user.id, user.username, PASSWORD)
    item_ids = _items(rng, user.id, scale.items)
    _packs(rng, out, item_ids, scale)
    _workouts(rng, out, scale)
    db.session.commit()
    return out


def _returning_ids(model, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(stmt, rows))


def _items(rng: random.Random, user_id: int, count: int) -> list[int]:
    rows = []
    for n in range(count):
        unit = rng.choice(("g", "g", "g", "oz", "kg"))
        price = Decimal(rng.randint(0, 40_000)) / 100 if rng.random() < 0.7 else None
        rows.append({
            "user_id": user_id, "name": f"Item {n:04d} {rng.choice(CATEGORIES).lower()} thing",
            "category": rng.choice(CATEGORIES), "description": "Bought in a sale. " * (n % 3),
            "weight_mg": rng.randint(5_000, 2_500_000), "weight_unit": unit, "price": price,
            "currency": "EUR", "url": f"https://example.com/gear/{n}" if n % 4 == 0 else "",
        })  # fmt: skip
    return _returning_ids(Item, rows)


def _packs(rng: random.Random, out: Seeded, item_ids: list[int], scale: Scale) -> None:
    rows = [{"user_id": out.user_id, "name": f"Trip {n + 1}", "description": "Three days out."}
            for n in range(scale.packs)]  # fmt: skip
    out.pack_ids = _returning_ids(Pack, rows)
    if not out.pack_ids:
        return
    categories = dict(db.session.execute(
        select(Item.id, Item.category).where(Item.id.in_(item_ids))).all())
    for n, pack_id in enumerate(out.pack_ids):
        size = scale.entries[1] if n == 0 else rng.randint(*scale.entries)
        size = min(size, len(item_ids))
        if n == 0:
            out.big_pack_entries = size
        entries = []
        for item_id in rng.sample(item_ids, size):
            worn = rng.random() < 0.1
            entries.append({
                "item_id": item_id, "category": categories[item_id],
                "quantity": Decimal(rng.choice((1, 1, 1, 2, 3))), "worn": worn,
                "consumable": not worn and rng.random() < 0.1, "star": rng.choice((0, 0, 0, 1)),
                "checked": rng.random() < 0.3,
            })  # fmt: skip
        insert_entries(pack_id, entries)
    out.big_pack_id = out.pack_ids[0]
    out.share_code = secrets.token_urlsafe(24)
    db.session.get(Pack, out.big_pack_id).share_code = out.share_code


def _workouts(rng: random.Random, out: Seeded, scale: Scale) -> None:
    catalogue = list(db.session.scalars(
        select(Exercise.id).where(Exercise.user_id.is_(None)).order_by(Exercise.id).limit(40)
    ))  # fmt: skip
    start = utcnow() - timedelta(days=scale.days)
    step = timedelta(days=scale.days) / max(scale.workouts, 1)
    rows = [{"user_id": out.user_id, "performed_at": start + step * n,
             "duration_minutes": rng.randint(30, 90), "notes": "Felt good." if n % 5 else None}
            for n in range(scale.workouts)]  # fmt: skip
    workout_ids = _returning_ids(Workout, rows)
    if not workout_ids or not catalogue:
        return
    entries = [{"workout_id": workout_id, "exercise_id": exercise_id, "exercise_order": order}
               for workout_id in workout_ids
               for order, exercise_id in enumerate(
                   rng.sample(catalogue, min(scale.exercises_per_workout, len(catalogue))))]
    entry_ids = _returning_ids(WorkoutExercise, entries)
    sets = [{"workout_exercise_id": entry_id, "set_number": number, "reps": rng.randint(3, 12),
             "weight": Decimal(rng.randint(8, 120)) + Decimal("0.5") * rng.randint(0, 1),
             "weight_unit": "kg", "rpe": Decimal(rng.randint(12, 20)) / 2}
            for entry_id in entry_ids for number in range(1, scale.sets_per_exercise + 1)]
    if sets:
        db.session.execute(insert(WorkoutSet), sets)
    record_book.rebuild(out.user_id)  # the records of sets written behind the services' back
    out.workout_id = workout_ids[-1]
    out.workout_exercise_ids = entry_ids[-scale.exercises_per_workout * 4:]
