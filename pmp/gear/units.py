"""Weight units: parsing every accepted spelling and exact conversion.

Weights are stored as integer milligrams. Conversions use Decimal with the
international definitions (1 oz = 28.349523125 g, 1 lb = 453.59237 g), so the only
rounding is to the nearest milligram on the way in and to 2 decimals on output.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

UNITS = ("g", "kg", "oz", "lb")

MG_PER_UNIT: dict[str, Decimal] = {
    "g": Decimal(1000),
    "kg": Decimal(1_000_000),
    "oz": Decimal("28349.523125"),
    "lb": Decimal("453592.37"),
}

# Lighterpack's CSV spells units out in full.
CSV_UNIT_NAMES = {"g": "gram", "kg": "kilogram", "oz": "ounce", "lb": "pound"}

# Lighterpack's own importer reads g, gram(s), kg(s), kilogram(s), oz, ounce(s), lb(s),
# pound(s); spreadsheets add plurals, British spellings and abbreviations with a dot.
# "gr" stays out: it is grams in Europe but grains in the US.
_SPELLINGS = {
    "g": "g", "g.": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "kg": "kg", "kg.": "kg", "kgs": "kg", "kgs.": "kg", "kilo": "kg", "kilos": "kg",
    "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg",
    "oz": "oz", "oz.": "oz", "ozs": "oz", "ozs.": "oz", "ounce": "oz", "ounces": "oz",
    "lb": "lb", "lb.": "lb", "lbs": "lb", "lbs.": "lb", "pound": "lb", "pounds": "lb",
}  # fmt: skip

# Enough decimals for every milligram to survive a round trip through the unit.
_MAX_DECIMALS = {"g": 3, "kg": 6, "oz": 5, "lb": 6}

_CENT = Decimal("0.01")


class UnitError(ValueError):
    """A unit spelling that is not one of the accepted ones."""


def parse_unit(text: str) -> str:
    """Return the canonical unit (g, kg, oz, lb) for any accepted spelling, in any case."""
    unit = _SPELLINGS.get(str(text).strip().lower())
    if unit is None:
        raise UnitError(f"Unknown unit {text!r}; use one of g, kg, oz, lb.")
    return unit


def to_milligrams(weight: Decimal | int | str, unit: str) -> int:
    """Convert a weight in `unit` to whole milligrams (half up)."""
    value = Decimal(weight) * MG_PER_UNIT[unit]
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def from_milligrams(mg: Decimal | int, unit: str) -> Decimal:
    """Exact (unrounded) value of `mg` milligrams in `unit`."""
    return Decimal(mg) / MG_PER_UNIT[unit]


@lru_cache(maxsize=4096)
def weight_in_unit(mg: int, unit: str) -> Decimal:
    """The shortest decimal in `unit` that converts back to exactly `mg` milligrams.

    A weight typed as 3.5 oz is stored as 99223 mg and shown as 3.5 again, not 3.49999.
    """
    exact = from_milligrams(mg, unit)
    for places in range(_MAX_DECIMALS[unit] + 1):
        candidate = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if to_milligrams(candidate, unit) == mg:
            return normalize(candidate)
    return normalize(exact.quantize(Decimal(1).scaleb(-_MAX_DECIMALS[unit])))


def round2(value: Decimal) -> Decimal:
    """Round to 2 decimals, half up (the output precision of totals)."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1E+1 -> 10)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
