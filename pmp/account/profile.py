"""The account itself (/api/me): profile and preferences, password change, deletion."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from pmp.auth import security_events, tokens
from pmp.auth.models import User
from pmp.auth.passwords import hash_password
from pmp.auth.service import TAKEN, check_password_policy, require_password
from pmp.core.errors import Conflict
from pmp.core.extensions import db
from pmp.core.logging import audit
from pmp.core.models import utcnow


def update_me(user: User, data: dict) -> User:
    if "email" in data and data["email"] != user.email:
        require_password(user, data.get("current_password"), "current_password")
        taken = db.session.scalar(
            select(func.count()).select_from(User).where(User.email == data["email"],
                                                          User.id != user.id)
        )
        if taken:
            raise Conflict(TAKEN)
        user.email = data["email"]
        security_events.record(user.id, "email_changed")
        audit("email_changed", user.id)
    if "display_name" in data:
        user.display_name = data["display_name"]
    prefs = data.get("preferences") or {}
    user.weight_unit = prefs.get("weight_unit", user.weight_unit)
    user.currency = prefs.get("currency", user.currency)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(TAKEN) from None
    return user


def change_password(user: User, data: dict, current_session_id: int | None) -> None:
    require_password(user, data["current_password"], "current_password")
    check_password_policy(data["new_password"], "new_password", user.username, user.email)
    new_hash = hash_password(data["new_password"])
    user.password_hash = new_hash
    user.tokens_valid_after = utcnow()
    tokens.revoke_user_families(user.id, "password_changed", keep=current_session_id)
    security_events.record(user.id, "password_changed", current_session_id)
    db.session.commit()
    audit("password_changed", user.id)


def delete_account(user: User, password: str) -> None:
    require_password(user, password, "password")
    user_id = user.id
    db.session.delete(user)
    db.session.commit()
    audit("account_deleted", user_id)
