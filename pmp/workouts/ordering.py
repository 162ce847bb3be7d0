"""Dense positions (0..n-1, no gaps, no duplicates) of a list whose rows can move, pure.

The gear wing orders pack entries within categories (pmp.gear.ordering, which the workouts
wing may not import and which is specific to packs); this is the plain list case: the caller
loads the ids in order, computes the new order here and writes back only the rows that moved.
"""

from __future__ import annotations

from collections.abc import Sequence


def clamp(index: int | None, length: int) -> int:
    """An insertion index within ``0..length``; None (or beyond the end) means the end."""
    if index is None or index > length:
        return length
    return max(0, index)


def place(ids: Sequence[int], item: int, index: int | None) -> list[int]:
    """``ids`` with ``item`` at ``index`` (taken out of its old place first, if there)."""
    rest = [i for i in ids if i != item]
    at = clamp(index, len(rest))
    return [*rest[:at], item, *rest[at:]]


def changes(order: Sequence[int], before: dict[int, int]) -> dict[int, int]:
    """id -> new position of the ids whose position in ``order`` differs from ``before``."""
    return {i: n for n, i in enumerate(order) if before.get(i) != n}
