"""The weight-by-category donut of the share page, drawn on the server as SVG paths.

Pure geometry: no Flask, no database. Each slice is one closed path (an annulus sector) filled
with its category's colour through the SVG `fill` attribute, which the page's CSP allows
(presentation attributes are not inline styles), so the chart needs no script and prints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SIZE = 200  # the viewBox is SIZE x SIZE
OUTER = 96
INNER = 58
FULL = 0.9999  # a slice this close to the whole circle is drawn as two halves


@dataclass(frozen=True)
class Slice:
    name: str
    color: str
    path: str
    share: float  # 0..1 of the total


def donut(parts: list[tuple[str, str, float]]) -> list[Slice]:
    """(name, colour, weight) in order -> slices clockwise from 12 o'clock; parts that weigh
    nothing get no slice (the legend still lists them)."""
    total = sum(weight for _, _, weight in parts if weight > 0)
    if total <= 0:
        return []
    slices, start = [], 0.0
    for name, color, weight in parts:
        if weight <= 0:
            continue
        share = weight / total
        slices.append(Slice(name, color, _sector(start, start + share), share))
        start += share
    return slices


def _sector(start: float, end: float) -> str:
    """The path of the ring between fractions `start` and `end` of a turn."""
    if end - start >= FULL:
        middle = start + 0.5
        return f"{_sector(start, middle)} {_sector(middle, end)}"
    large = 1 if end - start > 0.5 else 0
    x0, y0 = _point(OUTER, start)
    x1, y1 = _point(OUTER, end)
    x2, y2 = _point(INNER, end)
    x3, y3 = _point(INNER, start)
    return (f"M{x0} {y0}A{OUTER} {OUTER} 0 {large} 1 {x1} {y1}"
            f"L{x2} {y2}A{INNER} {INNER} 0 {large} 0 {x3} {y3}Z")


def _point(radius: float, fraction: float) -> tuple[float, float]:
    angle = 2 * math.pi * fraction - math.pi / 2
    centre = SIZE / 2
    return (round(centre + radius * math.cos(angle), 2),
            round(centre + radius * math.sin(angle), 2))
