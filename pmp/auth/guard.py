"""Auth on by default: every view of an `api_blueprint` needs a valid access token.

One query per request loads the user, the state of the token's session and whether the token's
jti is on the blocklist; a token is refused when any of them says so.
"""

from __future__ import annotations

from functools import lru_cache

from flask import current_app, g, request
from flask_jwt_extended import get_jwt, verify_jwt_in_request
from sqlalchemy import bindparam, exists, select

from pmp.auth.models import AuthSession, RevokedToken, User
from pmp.auth.tokens import (
    TokenRevoked,
    claimed_user_id,
    token_issued_before,
    token_predates_account,
)
from pmp.core.bodies import PmpBlueprint
from pmp.core.extensions import db

PUBLIC_ATTR = "_pmp_public"
BEARER = [{"bearerAuth": []}]


def public(view):
    """Mark a view as reachable without an access token."""
    setattr(view, PUBLIC_ATTR, True)
    doc = getattr(view, "_apidoc", {})
    doc.setdefault("manual_doc", {})["security"] = []
    view._apidoc = doc
    return view


def api_blueprint(name: str, import_name: str, **kwargs) -> PmpBlueprint:
    blp = PmpBlueprint(name, import_name, **kwargs)
    blp.before_request(_require_access_token)
    return blp


def _require_access_token() -> None:
    if request.method == "OPTIONS":
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or getattr(view, PUBLIC_ATTR, False):
        return
    authenticate()


def authenticate() -> User:
    verify_jwt_in_request(locations=["headers"])
    claims = get_jwt()
    user = load_token_user(claims)
    g.user, g.user_id, g.jwt_claims = user, user.id, claims
    return user


def load_token_user(claims: dict) -> User:
    user_id = claimed_user_id(claims)
    row = db.session.execute(_token_user_statement(), {
        "user_id": user_id, "sid": claims.get("sid"), "jti": claims.get("jti"),
    }).first()  # fmt: skip
    # End the read transaction now: views that hash passwords must not hold a write lock.
    db.session.commit()
    if row is None:
        raise TokenRevoked("The account no longer exists.")
    user, revoked, is_blocked = row
    # `revoked` is None when the token's session is not this user's (or no longer exists).
    if revoked is None or revoked or is_blocked:
        raise TokenRevoked("The token has been revoked.")
    if token_issued_before(claims, user.tokens_valid_after) or token_predates_account(
            claims, user):
        raise TokenRevoked("The token has been revoked.")
    return user


@lru_cache(maxsize=1)
def _token_user_statement():
    """The user, whether the token's session (bound to that user) is revoked, whether the token
    is blocklisted: one query, built once (every authenticated request runs it)."""
    session_revoked = (
        select(AuthSession.revoked_at.is_not(None))
        .where(AuthSession.id == bindparam("sid"), AuthSession.user_id == User.id)
        .correlate(User)
        .scalar_subquery()
    )
    blocked = exists().where(RevokedToken.jti == bindparam("jti"))
    return select(User, session_revoked, blocked.label("blocked")).where(
        User.id == bindparam("user_id"))


def current_user() -> User:
    return g.user


def current_user_id() -> int:
    return g.user_id


def current_claims() -> dict:
    return g.jwt_claims
