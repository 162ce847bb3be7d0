"""How many records one POST /api/me/import may hold, checked before anything is validated or
written (docs/API-NOTES.md, "Import").

The caps sit well above a heavy account: ten years of training at five sessions a fortnight is
about 3,000 workouts, 12,000 exercise entries and 60,000 sets (an 11 MB export); twice that
fits. A gear library of a few thousand items fits (a Lighterpack CSV import takes 5,000 rows).
Plans are few (a routine per training day); 1,000 of them, 20 exercises and 20 dates each on
average, is far beyond any real account.
At the caps an import takes a few seconds and holds SQLite's single write lock for one or two
of them (docs/PERFORMANCE.md, "Account import"); without caps one document of 322,000 sets
held it for a minute and every other writer timed out.
"""

from __future__ import annotations

from typing import Any

from pmp.core.errors import ValidationFailed

CAPS: dict[str, int] = {
    "items": 5_000,
    "packs": 1_000,
    "packs.entries": 25_000,
    "custom_exercises": 1_000,
    "workouts": 10_000,
    "workouts.exercises": 30_000,
    "workouts.exercises.sets": 120_000,
    "plans": 1_000,
    "plans.exercises": 20_000,
    "plans.dates": 20_000,
}

NAMES = {"items": "items", "packs": "packs", "packs.entries": "pack entries",
         "custom_exercises": "custom exercises", "workouts": "workouts",
         "workouts.exercises": "workout exercises", "workouts.exercises.sets": "sets",
         "plans": "plans", "plans.exercises": "plan exercises", "plans.dates": "plan dates"}


def describe() -> str:
    """The caps in words, for the OpenAPI document."""
    *most, last = (f"{cap:,} {NAMES[key]}" for key, cap in CAPS.items())
    return f"{', '.join(most)} and {last}"


def check_caps(document: Any) -> None:
    """422 naming every cap the document is over (counted on the parsed JSON as it is)."""
    counts = count_records(document)
    over = {key: [f"At most {cap:,} in one import; this document has {counts[key]:,}."]
            for key, cap in CAPS.items() if counts[key] > cap}  # fmt: skip
    if over:
        listed = ", ".join(f"{counts[key]:,} {NAMES[key]} (at most {CAPS[key]:,})"
                           for key in over)  # fmt: skip
        raise ValidationFailed(f"The document holds more than one import accepts: {listed}.",
                               over)


def count_records(document: Any) -> dict[str, int]:
    """Records by cap, counting only what is shaped right (the rest fails validation later)."""
    top = document if isinstance(document, dict) else {}
    packs, workouts, plans = _list(top, "packs"), _list(top, "workouts"), _list(top, "plans")
    entries = [entry for workout in workouts for entry in _list(workout, "exercises")]
    return {
        "items": len(_list(top, "items")),
        "packs": len(packs),
        "packs.entries": sum(len(_list(pack, "entries")) for pack in packs),
        "custom_exercises": len(_list(top, "custom_exercises")),
        "workouts": len(workouts),
        "workouts.exercises": len(entries),
        "workouts.exercises.sets": sum(len(_list(entry, "sets")) for entry in entries),
        "plans": len(plans),
        "plans.exercises": sum(len(_list(plan, "exercises")) for plan in plans),
        "plans.dates": sum(len(_list(plan, "dates")) for plan in plans),
    }


def _list(parent: Any, key: str) -> list:
    value = parent.get(key) if isinstance(parent, dict) else None
    return value if isinstance(value, list) else []
