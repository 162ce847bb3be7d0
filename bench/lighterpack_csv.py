"""A Lighterpack CSV of N distinct rows, written with pmp's own writer (the import benchmark)."""

from __future__ import annotations

import random
from decimal import Decimal

from pmp.gear.lighterpack import CsvRow, write_csv

CATEGORIES = ("Shelter", "Sleep", "Kitchen", "Clothing", "Water", "Electronics")


def lighterpack_csv(rows: int = 5000, seed_value: int = 6) -> str:
    """Distinct items (no merging), short cells so 5,000 rows stay under the 1 MiB limit."""
    rng = random.Random(seed_value)
    lines = []
    for n in range(rows):
        worn = n % 10 == 0
        lines.append(CsvRow(
            name=f"Thing {n}", category=rng.choice(CATEGORIES), quantity=Decimal(1 + n % 3),
            weight_mg=rng.randint(1_000, 900_000), unit=rng.choice(("g", "oz")),
            price=Decimal(rng.randint(100, 9_999)) / 100 if n % 2 else None,
            worn=worn, consumable=not worn and n % 7 == 0,
        ))  # fmt: skip
    return write_csv(lines, "EUR")
