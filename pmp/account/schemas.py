"""Request and response shapes of /api/me."""

from marshmallow import fields, validate

from pmp.auth.schemas import PASSWORD, Email, PreferencesSchema
from pmp.core.schemas import BaseSchema


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
