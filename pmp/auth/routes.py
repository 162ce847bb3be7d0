"""Routes of /api/auth: parse, call one service function, answer."""

from __future__ import annotations

from flask import after_this_request, current_app, request
from flask_jwt_extended import decode_token, set_refresh_cookies, unset_jwt_cookies
from flask_jwt_extended.exceptions import CSRFError, NoAuthorizationError, WrongTokenError

from pmp.auth import schemas, service
from pmp.auth.guard import api_blueprint, current_claims, current_user, public
from pmp.auth.ratelimits import login_account_key, password_checks
from pmp.core.errors import ApiError
from pmp.core.extensions import limiter

blp = api_blueprint("auth", __name__, description="Registration, login, tokens and sessions")


def _config_limit(key: str):
    return lambda: current_app.config[key]


def _refresh_limit() -> str:
    cfg = current_app.config
    return (f"{cfg['REFRESH_RATE_LIMIT_REQUESTS']} per "
            f"{cfg['REFRESH_RATE_LIMIT_WINDOW_MINUTES']} minute")


def _deliver(pair: dict) -> dict:
    """Put the refresh token in its HttpOnly cookie as well as the body."""

    @after_this_request
    def set_cookie(response):
        set_refresh_cookies(response, pair["refresh_token"], max_age=pair["refresh_expires_in"])
        return response

    return pair


class RefreshTokenMissing(ApiError):
    """No refresh token in the body and no refresh cookie: the browser may have dropped a
    Secure cookie received over plain HTTP (COOKIE_SECURE on a LAN address)."""

    status, code = 401, "refresh_token_missing"

    def __init__(self):
        super().__init__("No refresh token: send the refresh cookie (with X-CSRF-TOKEN) or "
                         "refresh_token in the body. A browser drops a Secure cookie received "
                         "over plain HTTP; see COOKIE_SECURE.")


def presented_refresh_claims(body: dict, allow_expired: bool = False) -> dict:
    """Claims of the refresh token from the body, or from the cookie with its CSRF header."""
    token = body.get("refresh_token")
    csrf = None
    if not token:
        token = request.cookies.get(current_app.config["JWT_REFRESH_COOKIE_NAME"])
        if not token:
            raise RefreshTokenMissing()
        csrf = request.headers.get(current_app.config["JWT_REFRESH_CSRF_HEADER_NAME"])
        if not csrf:
            raise CSRFError("Missing CSRF token.")
    claims = decode_token(token, csrf_value=csrf, allow_expired=allow_expired)
    if claims.get("type") != "refresh":
        raise WrongTokenError("Only refresh tokens are allowed.")
    return claims


def _optional_access_claims() -> dict | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        claims = decode_token(header[7:].strip(), allow_expired=True)
    except Exception:  # noqa: BLE001 - a bad access token must not block logging out
        return None
    return claims if claims.get("type") == "access" else None


@blp.route("/auth/register", methods=["POST"])
@public
@limiter.limit(_config_limit("REGISTER_RATE_LIMIT"))
@blp.arguments(schemas.RegisterSchema)
@blp.response(201, schemas.TokenPairSchema)
def register(data):
    """Create an account and log it in."""
    return _deliver(service.register(data))


@blp.route("/auth/login", methods=["POST"])
@public
@limiter.limit(_config_limit("LOGIN_RATE_LIMIT"))
@password_checks(login_account_key)
@blp.arguments(schemas.LoginSchema)
@blp.response(200, schemas.TokenPairSchema)
def login(data):
    """Log in with username or email; starts a new session."""
    return _deliver(service.login(data))


@blp.route("/auth/refresh", methods=["POST"])
@public
@limiter.limit(_refresh_limit)
@blp.arguments(schemas.RefreshBodySchema, required=False)
@blp.response(200, schemas.TokenPairSchema)
def refresh(body):
    """Spend a refresh token (cookie + X-CSRF-TOKEN, or body) for a new token pair."""
    return _deliver(service.refresh(presented_refresh_claims(body or {})))


@blp.route("/auth/logout", methods=["POST"])
@public
@blp.arguments(schemas.RefreshBodySchema, required=False)
@blp.response(204)
def logout(body):
    """End this session: revoke its refresh family, blocklist the access token, clear cookies."""
    access = _optional_access_claims()
    try:
        refresh_claims = presented_refresh_claims(body or {}, allow_expired=True)
    except RefreshTokenMissing:
        if access is None:
            raise NoAuthorizationError("Nothing to log out: no token presented.") from None
        refresh_claims = None
    service.logout(refresh_claims, access)

    @after_this_request
    def clear(response):
        unset_jwt_cookies(response)
        return response


@blp.route("/auth/logout-all", methods=["POST"])
@blp.response(200, schemas.RevokedCountSchema)
def logout_all():
    """Revoke every session of the account, this one included."""
    return {"revoked_sessions": service.logout_all(current_user())}


@blp.route("/auth/sessions", methods=["GET"])
@blp.response(200, schemas.SessionSchema(many=True))
def sessions():
    """List the account's live sessions."""
    return service.list_sessions(current_user(), current_claims().get("sid"))


@blp.route("/auth/sessions/<int:session_id>", methods=["DELETE"])
@blp.response(204)
def revoke_session(session_id):
    """Revoke one session (log out a device)."""
    service.revoke_session(current_user(), session_id)
