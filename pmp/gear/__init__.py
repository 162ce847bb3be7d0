"""Gear: items, packs, totals and Lighterpack CSV."""
