"""Validating the many records of one document (an account import), one level at a time.

A nested marshmallow schema walks each record again at every level above it (the NUL check of
`BaseSchema` runs on the whole subtree); a document of 60,000 sets took seconds that way.
Here each record is loaded by its own schema with its children set apart, and a record may
first try a fast path: a function that accepts only plain, obviously valid input and returns
None for anything else, which then goes through the schema (the authority on what is valid and
on every message). Errors are keyed by dotted path (``workouts.3.exercises.0.sets.2.reps``),
and at most MAX_REPORTED of them are kept, so a document of bad records fails fast and small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, ValidationError

from pmp.core.errors import ValidationFailed

MAX_REPORTED = 100
NOT_A_LIST = "Not a valid list."


class RecordErrors:
    """Messages by dotted path, the first MAX_REPORTED of them."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}
        self.dropped = 0

    def add(self, path: str, messages: Any) -> None:
        if isinstance(messages, dict):  # marshmallow's nested messages become longer paths
            for key, value in messages.items():
                self.add(f"{path}.{key}" if path else str(key), value)
            return
        if path not in self.fields and self.full():
            self.dropped += 1
            return
        listed = messages if isinstance(messages, list) else [messages]
        self.fields.setdefault(path, []).extend(str(m) for m in listed)

    def full(self) -> bool:
        return len(self.fields) >= MAX_REPORTED

    def raise_if_any(self, message: str) -> None:
        if not self.fields:
            return
        if self.dropped:
            message += f" Only the first {MAX_REPORTED} problems are listed."
        raise ValidationFailed(message, self.fields)


def records(data: dict, key: str, path: str, errors: RecordErrors) -> list:
    """The list under ``key`` (empty when the key is absent); anything else is an error."""
    if key not in data:
        return []
    value = data[key]
    if isinstance(value, list):
        return value
    errors.add(path, [NOT_A_LIST])
    return []


def set_apart(raw: Any, key: str) -> tuple[Any, dict]:
    """(the record without its children, ``{key: children}`` or ``{}``), for `records`; input
    that is not a dict is returned as it is, for its schema to refuse."""
    if not isinstance(raw, dict) or key not in raw:
        return raw, {}
    rest = dict(raw)
    return rest, {key: rest.pop(key)}


def load(schema: Schema, raw: Any, path: str, errors: RecordErrors,
         fast: Callable[[Any], dict | None] | None = None) -> dict | None:
    """The loaded record, or None with its errors added."""
    if fast is not None:
        loaded = fast(raw)
        if loaded is not None:
            return loaded
    try:
        return schema.load(raw)
    except ValidationError as exc:
        errors.add(path, exc.messages)
    return None


def plain_text(value: Any, low: int, high: int) -> bool:
    """Whether a fast path may take this string as it is: printable ASCII of a length in
    [low, high]. Anything else (other characters included) is left to the schema's checks."""
    return type(value) is str and low <= len(value) <= high and value.isascii() \
        and value.isprintable()
