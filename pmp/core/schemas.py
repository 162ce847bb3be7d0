"""Schema building blocks shared by every blueprint."""

from collections.abc import Mapping
from datetime import UTC, datetime

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

from pmp.core.currencies import ISO_4217

# Largest id the databases store (32-bit INTEGER on PostgreSQL); a bigger one is simply not found.
DB_INT_MAX = 2**31 - 1


NUL_MESSAGE = "Must not contain NUL characters."


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, Mapping):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


class BaseSchema(Schema):
    """Unknown fields are an error, so typos and mass assignment never pass silently."""

    class Meta:
        unknown = RAISE
        ordered = True

    @pre_load
    def _refuse_nul(self, data, **kwargs):
        """No backend-specific surprise: PostgreSQL cannot store NUL, so no backend takes it."""
        if isinstance(data, Mapping):
            bad = {key: [NUL_MESSAGE] for key, value in data.items() if _has_nul(value)}
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
