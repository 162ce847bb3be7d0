"""Which bucket a request counts in, for the rate limits declared next to the routes.

Password checks count per account, in one bucket whichever way the account is named: a login
names it by username or email in any case and spacing, the password-confirming routes of
/api/me by their access token. A stolen access token therefore guesses the password no faster
than a login form does (LOGIN_RATE_LIMIT), and switching between `carol`, `CAROL` and
`carol@example.com` buys no extra attempts.
"""

from __future__ import annotations

import hashlib

from flask import current_app, request
from sqlalchemy import or_, select

from pmp.auth.guard import current_user, current_user_id
from pmp.auth.models import User
from pmp.core.database import write_intent
from pmp.core.extensions import db, limiter

PASSWORD_SCOPE = "password-checks"
LOGIN_FIELDS = ("login", "username", "email")
MAX_LOGIN_LENGTH = 254


def _typed_login_name() -> str | None:
    """The login name as LoginSchema reads it: the first non-empty of login, username, email."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None
    for field in LOGIN_FIELDS:
        value = body.get(field)
        if isinstance(value, str) and value:
            return value.strip().lower()
    return None


def _searchable(name: str) -> bool:
    """Whether the database can be asked about the name; LoginSchema refuses the others."""
    if not name or len(name) > MAX_LOGIN_LENGTH or "\x00" in name:
        return False
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def _account_id(name: str) -> int | None:
    # A read: it must not queue for SQLite's write lock, although the request is a POST.
    token = write_intent(False)
    try:
        user_id = db.session.scalar(
            select(User.id).where(or_(User.username == name, User.email == name)))
        db.session.commit()
    finally:
        token.var.reset(token)
    return user_id


def login_account_key() -> str:
    """The account a login names, or the normalised name when no account has it.

    Both paths run the same one-row lookup, so the key costs no more for one than the other.
    Unknown names are kept as a digest: typed names are sometimes passwords.
    """
    name = _typed_login_name()
    if name is None:
        return "login:-"
    user_id = _account_id(name) if _searchable(name) else None
    if user_id is not None:
        return f"account:{user_id}"
    return "login:" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()


def current_account_key() -> str:
    return f"account:{current_user_id()}"


def keeps_email() -> bool:
    """PATCH /api/me checks the password only when the email changes (as MePatchSchema reads
    the email: stripped, lower case)."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return not isinstance(email, str) or email.strip().lower() == current_user().email


def password_checks(key_func, **options):
    """The per-account LOGIN_RATE_LIMIT, shared by every route that checks a password.

    Every attempt counts, whether the password was right or not: the limit is on guesses, and
    counting before the check is what keeps it exact under concurrency.
    """
    return limiter.shared_limit(lambda: current_app.config["LOGIN_RATE_LIMIT"],
                                scope=PASSWORD_SCOPE, key_func=key_func, **options)


def password_confirmation(**options):
    """For the /api/me routes: keyed by the authenticated user; the default limit still
    applies beside it."""
    return password_checks(current_account_key, override_defaults=False, **options)
