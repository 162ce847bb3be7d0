"""Pack totals, pure: from plain entries to the `totals` document of API.md.

Sums are exact (integer milligrams times Decimal quantities); values are converted to the
requested unit and rounded to 2 decimals only when the document is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from pmp.gear.units import from_milligrams, round2

_ZERO = Decimal(0)
_ONE = Decimal(1)
_MG_PER_G = Decimal(1000)


class TotalsEntry(NamedTuple):
    """What totals need to know about one pack entry (a plain tuple works too)."""

    weight_mg: int
    quantity: Decimal
    worn: bool = False
    consumable: bool = False
    worn_quantity: Decimal | None = None
    category: object = ""  # the category's key: its name, or its id in a pack
    price: Decimal | None = None
    currency: str = "EUR"


def worn_units(entry: TotalsEntry) -> Decimal:
    """How many units of a worn entry count as worn: `worn_quantity`, else one (Lighterpack)."""
    if not entry.worn:
        return _ZERO
    units = _ONE if entry.worn_quantity is None else Decimal(entry.worn_quantity)
    return min(units, Decimal(entry.quantity))


class _Sums:
    """Running exact sums for one group (the whole pack or one category)."""

    __slots__ = ("total", "worn", "consumable", "count", "price")

    def __init__(self) -> None:
        self.total = self.worn = self.consumable = self.count = _ZERO
        self.price: dict[str, Decimal] = {}

    def add(self, weight: Decimal, worn: Decimal, consumable: Decimal, quantity: Decimal,
            currency: str, price: Decimal | None) -> None:
        self.total += weight
        self.count += quantity
        if worn:
            self.worn += worn
        if consumable:
            self.consumable += consumable
        if price is not None:
            self.price[currency] = self.price.get(currency, _ZERO) + price

    def document(self, unit: str) -> dict:
        weights = {
            "total": self.total,
            "worn": self.worn,
            "consumable": self.consumable,
            "base": self.total - self.worn - self.consumable,
            "pack": self.total - self.worn,
        }
        doc: dict = {"unit": unit}
        doc.update({k: float(round2(from_milligrams(v, unit))) for k, v in weights.items()})
        doc["item_count"] = number(self.count)
        doc["price"] = {cur: float(round2(amount)) for cur, amount in self.price.items()}
        doc["grams"] = {k: float(round2(v / _MG_PER_G)) for k, v in weights.items()}
        return doc


def number(value: Decimal) -> int | float:
    """A JSON number: an int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


class CategoryInfo(NamedTuple):
    """A pack's category as the totals show it: `key` is what entries name it by."""

    key: object
    name: str
    color: str | None = None


def pack_totals(entries: Iterable[TotalsEntry | tuple], unit: str, categories: bool = True,
                order: Iterable[CategoryInfo] | None = None) -> dict:
    """Totals of a pack in `unit`, with per-category totals.

    With `order` (the pack's categories), categories come in that order, empty ones included,
    and entries name theirs by key; without it, by name in first-appearance order.
    """
    pack = _Sums()
    known = list(order or ())
    by_category: dict[object, _Sums] = {info.key: _Sums() for info in known}
    for raw in entries:
        entry = raw if isinstance(raw, TotalsEntry) else TotalsEntry(*raw)
        # each entry's figures once, then added to the pack and to its category
        quantity = entry.quantity
        if not isinstance(quantity, Decimal):
            quantity = Decimal(quantity)
        weight = entry.weight_mg * quantity
        figures = (
            weight,
            entry.weight_mg * worn_units(entry) if entry.worn else _ZERO,
            weight if entry.consumable else _ZERO,
            quantity,
            entry.currency,
            None if entry.price is None else entry.price * quantity,
        )
        pack.add(*figures)
        if categories:
            sums = by_category.get(entry.category)
            if sums is None:
                sums = by_category[entry.category] = _Sums()
            sums.add(*figures)
    doc = pack.document(unit)
    if categories:
        info = {c.key: c for c in known}
        doc["categories"] = [
            _category_doc(info.get(key) or CategoryInfo(key, key), sums.document(unit))
            for key, sums in by_category.items()
        ]
    return doc


def _category_doc(info: CategoryInfo, sums: dict) -> dict:
    doc = {"category": info.name}
    if info.color is not None:
        doc["color"] = info.color
    return {**doc, **_without_unit(sums)}


def _without_unit(doc: dict) -> dict:
    doc.pop("unit")
    return doc
