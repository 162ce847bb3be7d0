"""Token rules: login families, rotation with reuse detection, revocation and cleanup.

A family (an `AuthSession` row) is one login. Its refresh tokens are JWTs whose `fam` claim
names the family and whose `jti` must equal the family's `current_jti` to be spent. Spending is
one conditional UPDATE, so of two concurrent refreshes with the same token exactly one wins.

The loser presents the token that was just rotated away. Within REFRESH_REUSE_GRACE_SECONDS of
that rotation it is answered with the family's current pair (two browser tabs refreshing at
once both stay signed in); after the window, a spent token coming back is reuse and the whole
family is revoked (RFC 9700 §4.14.2). The window is the price of that convenience: a thief who
replays a stolen token within seconds of its rotation is served too, which is why it is short
and can be set to 0.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token
from sqlalchemy import delete, update

from pmp.auth import security_events
from pmp.auth.models import AuthSession, RevokedToken, User
from pmp.core import idempotency
from pmp.core.errors import ApiError
from pmp.core.extensions import db
from pmp.core.logging import audit
from pmp.core.models import utcnow
from pmp.core.netinfo import client_ip, user_agent


class TokenRevoked(ApiError):
    status, code = 401, "token_revoked"


def _micros(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def family_lifetime(remember_me: bool) -> timedelta:
    cfg = current_app.config
    days = cfg["REFRESH_TOKEN_REMEMBER_ME_DAYS"] if remember_me else cfg["REFRESH_TOKEN_DAYS"]
    return timedelta(days=days)


def access_lifetime() -> timedelta:
    return timedelta(minutes=current_app.config["ACCESS_TOKEN_MINUTES"])


def start_family(user: User, remember_me: bool) -> AuthSession:
    now = utcnow()
    family = AuthSession(
        user_id=user.id,
        created_at=now,
        last_used_at=now,
        expires_at=now + family_lifetime(remember_me),
        remember_me=remember_me,
        user_agent=user_agent(),
        ip=client_ip(),
        current_jti=str(uuid.uuid4()),
    )
    db.session.add(family)
    db.session.flush()
    return family


def token_pair(user: User, family: AuthSession) -> dict:
    """Fresh access token plus the refresh token whose jti the family expects next."""
    now = utcnow()
    access_expires = access_lifetime()
    # Counted from the family's last use (its creation for a login), so a new session reports
    # exactly the configured lifetime rather than a second less.
    refresh_expires = family.expires_at - min(family.last_used_at, now)
    access = create_access_token(
        identity=str(user.id),
        additional_claims={"sid": family.id, "iat_us": _micros(now)},
        expires_delta=access_expires,
    )
    refresh = create_refresh_token(
        identity=str(user.id),
        additional_claims={"fam": family.id, "jti": family.current_jti, "exp": family.expires_at,
                           "iat_us": _micros(now)},
        expires_delta=refresh_expires,
    )
    access_seconds = int(access_expires.total_seconds())
    return {
        "access_token": access,
        "token": access,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": access_seconds,
        "access_expires_in": access_seconds,
        "refresh_expires_in": max(0, int(refresh_expires.total_seconds())),
        "user": user,
    }


def claimed_user_id(claims: dict) -> int:
    """The `sub` claim as a user id; a token without a usable one is invalid."""
    try:
        return int(claims["sub"])
    except (KeyError, TypeError, ValueError):
        raise ApiError("The token is invalid.", 401, "token_invalid") from None


def rotate_refresh_token(claims: dict) -> tuple[User, AuthSession]:
    """Spend the presented refresh token and move its family to a new jti."""
    family_id, presented = claims.get("fam"), claims.get("jti")
    if not isinstance(family_id, int) or not isinstance(presented, str):
        raise TokenRevoked("The refresh token is not valid.")
    user_id = claimed_user_id(claims)
    now, new_jti = utcnow(), str(uuid.uuid4())
    spent = db.session.execute(
        update(AuthSession)
        .where(
            AuthSession.id == family_id,
            AuthSession.user_id == user_id,
            AuthSession.current_jti == presented,
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
        .values(current_jti=new_jti, previous_jti=presented, rotated_at=now, last_used_at=now,
                ip=client_ip(), user_agent=user_agent())
        .execution_options(synchronize_session=False)
    ).rowcount
    family = db.session.get(AuthSession, family_id, populate_existing=True)
    if family is None or family.user_id != user_id:
        # Not this account's session (a token of a deleted account, a forged family id).
        db.session.rollback()
        raise TokenRevoked("The refresh token is not valid.")
    if spent != 1 and not _within_grace(family, presented, now):
        _refuse_spent_token(family, claims)
    user = db.session.get(User, family.user_id)
    if user is None or token_predates_account(claims, user):
        db.session.rollback()
        raise TokenRevoked("The refresh token is not valid.")
    db.session.commit()
    audit("token_refreshed", user.id, session_id=family.id, grace=spent != 1)
    return user, family


def _within_grace(family: AuthSession, presented: str, now: datetime) -> bool:
    """The token rotated away moments ago by a concurrent refresh of the same session."""
    grace = current_app.config["REFRESH_REUSE_GRACE_SECONDS"]
    if not grace or family.previous_jti != presented or family.rotated_at is None:
        return False
    live = family.revoked_at is None and family.expires_at > now
    return live and now - family.rotated_at <= timedelta(seconds=grace)


def _refuse_spent_token(family: AuthSession, claims: dict):
    if family.revoked_at is None and family.expires_at > utcnow():
        # Valid signature, live family, wrong jti: a spent token came back. Kill the family.
        revoke_family(family, "reuse_detected")
        security_events.record(family.user_id, "refresh_token_reuse_detected", family.id)
        db.session.commit()
        audit("refresh_token_reuse_detected", family.user_id, session_id=family.id,
              jti_prefix=str(claims.get("jti"))[:8])
    else:
        db.session.rollback()
    raise TokenRevoked("The refresh token has been revoked or already used.")


def revoke_family(family: AuthSession, reason: str) -> None:
    if family.revoked_at is None:
        family.revoked_at = utcnow()
        family.revoked_reason = reason


def revoke_user_families(user_id: int, reason: str, keep: int | None = None) -> int:
    """Revoke every live family of a user (but `keep`); returns how many were live."""
    now = utcnow()
    stmt = (
        update(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None),
               AuthSession.expires_at > now)
        .values(revoked_at=now, revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )
    if keep is not None:
        stmt = stmt.where(AuthSession.id != keep)
    return db.session.execute(stmt).rowcount


def blocklist_access_token(claims: dict) -> None:
    jti, exp = claims.get("jti"), claims.get("exp")
    if not jti or db.session.get(RevokedToken, jti) is not None:
        return
    expires = datetime.fromtimestamp(int(exp), tz=utcnow().tzinfo) if exp else utcnow()
    db.session.add(RevokedToken(jti=jti, expires_at=expires))


def token_issued_before(claims: dict, moment: datetime | None) -> bool:
    """Whether the token was issued before `moment` (a password change, an account's birth).

    Tokens carry `iat_us` (microseconds); one with only `iat` (whole seconds) counts as issued
    at the start of its second, the safe reading for a revocation.
    """
    if moment is None:
        return False
    issued = claims.get("iat_us")
    if not isinstance(issued, int):
        issued = int(claims.get("iat", 0)) * 1_000_000
    return issued < _micros(moment)


def token_predates_account(claims: dict, user: User) -> bool:
    """A token issued before its user existed names another, deleted account.

    Compared to the end of the token's second when it only carries whole seconds, so that a
    token issued in the same second as the account is not mistaken for an older one.
    """
    issued = claims.get("iat_us")
    if not isinstance(issued, int):
        issued = (int(claims.get("iat", 0)) + 1) * 1_000_000 - 1
    return issued < _micros(user.created_at)


def cleanup_expired(now: datetime | None = None) -> dict[str, int]:
    """Delete families and blocklist entries that can no longer matter, and security events
    past their retention."""
    now = now or utcnow()
    # A revoked family is kept until its natural expiry so reuse of its tokens is still caught.
    families = db.session.execute(
        delete(AuthSession).where(AuthSession.expires_at <= now)
    ).rowcount
    tokens = db.session.execute(delete(RevokedToken).where(RevokedToken.expires_at <= now)).rowcount
    events = security_events.delete_old(now)
    keys = idempotency.delete_expired(now)
    db.session.commit()
    return {"sessions": families, "revoked_tokens": tokens, "security_events": events,
            "idempotency_keys": keys}
