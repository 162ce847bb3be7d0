"""Request and response shapes of /api/me."""

from marshmallow import fields, validate

from pmp.auth.models import SECURITY_EVENT_KINDS
from pmp.auth.schemas import PASSWORD, Email, PreferencesSchema
from pmp.core.schemas import BaseSchema, Timestamp


class MePatchSchema(BaseSchema):
    display_name = fields.String(validate=validate.Length(max=100))
    email = Email()
    current_password = fields.String(validate=validate.Length(max=1024))
    preferences = fields.Nested(PreferencesSchema)


class PasswordChangeSchema(BaseSchema):
    current_password = PASSWORD
    new_password = PASSWORD


class DeleteAccountSchema(BaseSchema):
    password = PASSWORD


class ImportCountsSchema(BaseSchema):
    imported = fields.Dict(keys=fields.String(), values=fields.Integer())


class SecurityEventSchema(BaseSchema):
    id = fields.Integer()
    kind = fields.String(metadata={"enum": list(SECURITY_EVENT_KINDS)})
    created_at = Timestamp()
    ip = fields.String()
    user_agent = fields.String()
    session_id = fields.Integer(allow_none=True)
    alert = fields.Boolean(metadata={"description": "A reuse the holder should know about"})
    acknowledged_at = Timestamp(allow_none=True)


class AcknowledgedSchema(BaseSchema):
    acknowledged = fields.Integer()
