"""Request and response shapes of /api/auth and /api/me."""

from marshmallow import ValidationError, fields, post_load, validate

from pmp.auth.models import WEIGHT_UNITS
from pmp.core.schemas import BaseSchema, CurrencyCode, Timestamp

USERNAME = validate.And(
    validate.Length(min=3, max=32),
    validate.Regexp(r"^[A-Za-z0-9_.-]+$", error="Use letters, digits, '_', '.' or '-' only."),
)
PASSWORD = fields.String(required=True, validate=validate.Length(min=1, max=1024))


class Email(fields.Email):
    def __init__(self, **kwargs):
        super().__init__(validate=validate.Length(max=254), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip().lower()


class PreferencesSchema(BaseSchema):
    weight_unit = fields.String(validate=validate.OneOf(WEIGHT_UNITS))
    currency = CurrencyCode()


class UserSchema(BaseSchema):
    id = fields.Integer()
    username = fields.String()
    email = fields.String()
    display_name = fields.String()
    role = fields.String()
    preferences = fields.Method("_preferences")
    unacknowledged_alerts = fields.Integer(metadata={
        "description": "Security alerts (refresh-token reuse the server detected) not yet "
                       "acknowledged: POST /api/me/security-events/acknowledge"})
    created_at = Timestamp()
    updated_at = Timestamp()

    def _preferences(self, user):
        return {"weight_unit": user.weight_unit, "currency": user.currency}


class RegisterSchema(BaseSchema):
    username = fields.String(required=True, validate=USERNAME)
    email = Email(required=True)
    password = PASSWORD
    display_name = fields.String(validate=validate.Length(max=100))
    remember_me = fields.Boolean(load_default=False)


class LoginSchema(BaseSchema):
    login = fields.String(validate=validate.Length(min=1, max=254))
    username = fields.String(validate=validate.Length(min=1, max=254))
    email = fields.String(validate=validate.Length(min=1, max=254))
    password = PASSWORD
    remember_me = fields.Boolean(load_default=False)

    @post_load
    def _one_login(self, data, **kwargs):
        given = data.get("login") or data.get("username") or data.get("email")
        if not given:
            raise ValidationError("Give your username or email.", "login")
        return {"login": given.strip().lower(), "password": data["password"],
                "remember_me": data["remember_me"]}


class RefreshBodySchema(BaseSchema):
    refresh_token = fields.String(validate=validate.Length(max=4096))


class TokenPairSchema(BaseSchema):
    access_token = fields.String()
    token = fields.String()
    refresh_token = fields.String()
    token_type = fields.String()
    expires_in = fields.Integer()
    access_expires_in = fields.Integer()
    refresh_expires_in = fields.Integer()
    user = fields.Nested(UserSchema)


class SessionSchema(BaseSchema):
    id = fields.Integer()
    created_at = Timestamp()
    last_used_at = Timestamp()
    expires_at = Timestamp()
    user_agent = fields.String()
    ip = fields.String()
    current = fields.Boolean()


class RevokedCountSchema(BaseSchema):
    revoked_sessions = fields.Integer()
