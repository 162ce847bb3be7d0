"""Account use cases: register, log in, refresh, log out, sessions, the account itself."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from pmp.auth import security_events, tokens
from pmp.auth.models import AuthSession, User
from pmp.auth.passwords import hash_password, needs_rehash, password_problems, verify_password
from pmp.core.errors import ApiError, Conflict, Forbidden, NotFound, ValidationFailed
from pmp.core.extensions import db
from pmp.core.logging import audit
from pmp.core.models import utcnow

TAKEN = "Username or email is already registered."


def check_password_policy(password: str, field: str, username: str = "", email: str = ""):
    problems = password_problems(password, username=username, email=email)
    if problems:
        raise ValidationFailed("The password is not acceptable.", {field: problems})


def create_user(username: str, email: str, password: str, display_name: str | None = None,
                role: str | None = None) -> User:
    """Add a user (first one becomes admin) and flush; the caller commits."""
    username, email = username.strip().lower(), email.strip().lower()
    check_password_policy(password, "password", username, email)
    password_hash = hash_password(password)
    if db.session.scalar(
        select(User.id).where(or_(User.username == username, User.email == email)).limit(1)
    ):
        raise Conflict(TAKEN)
    if role is None:
        role = "user" if db.session.scalar(select(User.id).limit(1)) else "admin"
    user = User(username=username, email=email, display_name=display_name or username,
                password_hash=password_hash, role=role)
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(TAKEN) from None
    return user


def register(data: dict) -> dict:
    if current_app.config["REGISTRATION"] == "closed":
        raise Forbidden("Registration is closed on this server.")
    user = create_user(data["username"], data["email"], data["password"],
                       data.get("display_name"))
    family = tokens.start_family(user, data["remember_me"])
    security_events.record(user.id, "login_success", family.id)
    db.session.commit()
    audit("register", user.id)
    audit("login_success", user.id, session_id=family.id)
    return tokens.token_pair(user, family)


def find_user_by_login(login: str) -> User | None:
    return db.session.scalar(select(User).where(or_(User.username == login, User.email == login)))


def login(data: dict) -> dict:
    user = find_user_by_login(data["login"])
    # Release the transaction before the slow hash so no lock is held while it runs.
    db.session.commit()
    if not verify_password(user.password_hash if user else None, data["password"]):
        audit("login_failed", user.id if user else None, login=data["login"][:64])
        raise ApiError("Invalid username/email or password.", 401, "invalid_credentials")
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(data["password"])
    family = tokens.start_family(user, data["remember_me"])
    security_events.record(user.id, "login_success", family.id)
    db.session.commit()
    audit("login_success", user.id, session_id=family.id)
    return tokens.token_pair(user, family)


def refresh(claims: dict) -> dict:
    user, family = tokens.rotate_refresh_token(claims)
    return tokens.token_pair(user, family)


def logout(refresh_claims: dict | None, access_claims: dict | None) -> None:
    """Revoke the session named by the refresh token and blocklist the access token."""
    user_id = None
    for claims, key in ((refresh_claims, "fam"), (access_claims, "sid")):
        if not claims:
            continue
        family = db.session.get(AuthSession, claims.get(key))
        if family is not None and str(family.user_id) == claims.get("sub"):
            tokens.revoke_family(family, "logout")
            user_id = family.user_id
    if access_claims:
        tokens.blocklist_access_token(access_claims)
    db.session.commit()
    audit("logout", user_id)


def logout_all(user: User) -> int:
    count = tokens.revoke_user_families(user.id, "logout_all")
    security_events.record(user.id, "logout_all")
    db.session.commit()
    audit("logout_all", user.id, revoked_sessions=count)
    return count


def list_sessions(user: User, current_session_id: int | None) -> list[dict]:
    rows = db.session.scalars(
        select(AuthSession)
        .where(AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None),
               AuthSession.expires_at > utcnow())
        .order_by(AuthSession.last_used_at.desc(), AuthSession.id.desc())
    ).all()
    return [
        {"id": s.id, "created_at": s.created_at, "last_used_at": s.last_used_at,
         "expires_at": s.expires_at, "user_agent": s.user_agent, "ip": s.ip,
         "current": s.id == current_session_id}
        for s in rows
    ]


def revoke_session(user: User, session_id: int) -> None:
    family = db.session.scalar(
        select(AuthSession).filter_by(id=session_id, user_id=user.id, revoked_at=None)
    )
    if family is None:
        raise NotFound("Session not found.")
    tokens.revoke_family(family, "revoked_by_user")
    security_events.record(user.id, "session_revoked", session_id)
    db.session.commit()
    audit("session_revoked", user.id, session_id=session_id)


def require_password(user: User, password: str | None, field: str) -> None:
    if not password or not verify_password(user.password_hash, password):
        raise ValidationFailed("The password is not correct.", {field: ["Incorrect password."]})
