"""Schema building blocks shared by every blueprint."""

import decimal
import re
from collections.abc import Mapping
from datetime import UTC, datetime

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

from pmp.core.currencies import ISO_4217

# Largest id the databases store (32-bit INTEGER on PostgreSQL); a bigger one is simply not found.
DB_INT_MAX = 2**31 - 1


NUL_MESSAGE = "Must not contain NUL characters."
SURROGATE_MESSAGE = "Must not contain unpaired surrogates (text that is not valid Unicode)."
# NUL: PostgreSQL cannot store it. A lone surrogate ("\ud800" in JSON) is no character at all:
# neither database nor the password hasher can encode it.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_text(value) -> str | None:
    """Why a JSON value holds text no backend can store (NUL, a lone surrogate), or None.

    Walks nested lists and objects without recursion: a deeply nested body must not turn into
    a RecursionError here.
    """
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found = _UNSTORABLE.search(item)
            if found:
                return NUL_MESSAGE if found.group() == "\x00" else SURROGATE_MESSAGE
        elif isinstance(item, Mapping):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return None


class BaseSchema(Schema):
    """Unknown fields are an error, so typos and mass assignment never pass silently."""

    class Meta:
        unknown = RAISE
        ordered = True

    @pre_load
    def _refuse_unstorable_text(self, data, **kwargs):
        """One place for every body and query string: text that some backend cannot store is
        a 422 naming the field, never a driver error."""
        if isinstance(data, Mapping):
            bad = {}
            for key, value in data.items():
                problem = unstorable_text(value)
                if problem:
                    bad[key] = [problem]
            if bad:
                raise ValidationError(bad)
        return data


class Timestamp(fields.DateTime):
    """RFC 3339 in UTC with a `Z`; input without an offset is read as UTC."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _deserialize(self, value, attr, data, **kwargs):
        result = super()._deserialize(value, attr, data, **kwargs)
        if result.tzinfo is None:
            result = result.replace(tzinfo=UTC)
        result = result.astimezone(UTC)
        if not datetime(1900, 1, 1, tzinfo=UTC) <= result <= datetime(2200, 1, 1, tzinfo=UTC):
            raise ValidationError("Timestamp out of range.")
        return result


class ExactDecimal(fields.Decimal):
    """A decimal number (or numeric string) within a sane magnitude, refused with a message
    before anything rounds it: 1e308 would overflow `quantize` (decimal.InvalidOperation)."""

    MAX_ADJUSTED_EXPONENT = 15  # below 10**16: every amount pmp stores is far smaller

    def _format_num(self, value):
        try:
            number = decimal.Decimal(str(value))
        except (decimal.InvalidOperation, ValueError, TypeError):
            raise self.make_error("invalid") from None
        if number.is_finite() and number.adjusted() > self.MAX_ADJUSTED_EXPONENT:
            raise ValidationError("Number out of range.")
        return super()._format_num(number)


class CurrencyCode(fields.String):
    """An ISO 4217 code in any case, loaded upper-case."""

    def _deserialize(self, value, attr, data, **kwargs):
        code = super()._deserialize(value, attr, data, **kwargs).strip().upper()
        if code not in ISO_4217:
            raise ValidationError("Not an ISO 4217 currency code.")
        return code


class PageArgs(BaseSchema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=10_000_000))


class MessageSchema(Schema):
    message = fields.String()


class ErrorSchema(Schema):
    error = fields.String(required=True)
    code = fields.String(required=True)
    fields = fields.Dict(keys=fields.String())
