"""The order of a pack, pure: categories in their order, entries grouped by category.

An entry's `position` is its index in the whole pack in display order, so positions are always
0..n-1 with no duplicates and no gaps, whatever the moves. Every change (add, move, delete an
entry or a category) is computed here on plain ids, and the caller writes back only the rows
whose position or category changed, all in one transaction with the pack locked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class PackOrder:
    """Category ids in order, and for each category the entry ids in order."""

    def __init__(self, categories: Sequence[int], entries: Iterable[tuple[int, int]]):
        """`entries`: (entry id, category id) pairs in the pack's current position order."""
        self.categories = list(categories)
        self.groups: dict[int, list[int]] = {category: [] for category in self.categories}
        for entry_id, category_id in entries:
            self.groups.setdefault(category_id, []).append(entry_id)
            if category_id not in self.categories:
                self.categories.append(category_id)

    def category_of(self, entry_id: int) -> int:
        return next(c for c, ids in self.groups.items() if entry_id in ids)

    def add_entry(self, entry_id: int, category_id: int, index: int | None = None) -> None:
        group = self.groups.setdefault(category_id, [])
        if category_id not in self.categories:
            self.categories.append(category_id)
        group.insert(_clamp(index, len(group)), entry_id)

    def remove_entry(self, entry_id: int) -> None:
        self.groups[self.category_of(entry_id)].remove(entry_id)

    def move_entry(self, entry_id: int, category_id: int, index: int | None) -> None:
        """To `index` within `category_id` (its end when None or beyond it)."""
        self.remove_entry(entry_id)
        self.add_entry(entry_id, category_id, index)

    def move_entry_to_position(self, entry_id: int, position: int) -> None:
        """To the pack-wide `position`, staying in its category (clamped to its block)."""
        category_id = self.category_of(entry_id)
        start = sum(len(self.groups[c]) for c in self.categories[:self.categories.index(
            category_id)])
        self.remove_entry(entry_id)
        self.add_entry(entry_id, category_id, max(0, position - start))

    def add_category(self, category_id: int, index: int | None = None) -> None:
        self.groups.setdefault(category_id, [])
        self.categories.insert(_clamp(index, len(self.categories)), category_id)

    def move_category(self, category_id: int, index: int) -> None:
        self.categories.remove(category_id)
        self.categories.insert(_clamp(index, len(self.categories)), category_id)

    def remove_category(self, category_id: int) -> list[int]:
        """Drop a category; returns the ids of its entries (they leave the pack with it)."""
        self.categories.remove(category_id)
        return self.groups.pop(category_id)

    def positions(self) -> dict[int, tuple[int, int]]:
        """entry id -> (category id, position in the pack), in display order."""
        result, position = {}, 0
        for category_id in self.categories:
            for entry_id in self.groups[category_id]:
                result[entry_id] = (category_id, position)
                position += 1
        return result

    def category_positions(self) -> dict[int, int]:
        return {category_id: index for index, category_id in enumerate(self.categories)}


def _clamp(index: int | None, length: int) -> int:
    if index is None or index > length:
        return length
    return max(0, index)
