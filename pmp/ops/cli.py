"""Operator commands: `flask users …`, `flask tokens cleanup` (and `flask db …` from Migrate)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import func, select

from pmp.auth import service
from pmp.auth.models import AuthSession, User
from pmp.auth.security_events import RETENTION
from pmp.auth.tokens import cleanup_expired, revoke_user_families
from pmp.core.database import write_intent
from pmp.core.errors import ApiError
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.ops.backup import backup_cli
from pmp.ops.demo import demo_cli

users_cli = AppGroup("users", help="Manage accounts.")
tokens_cli = AppGroup("tokens", help="Manage sessions and revoked tokens.")


def _fail(error: ApiError) -> None:
    detail = ""
    if error.fields:
        detail = " " + "; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in error.fields.items())
    raise click.ClickException(error.message + detail)


def _user(login: str) -> User:
    user = service.find_user_by_login(login.strip().lower())
    if user is None:
        raise click.ClickException(f"No user {login!r}.")
    return user


@users_cli.command("create")
@click.argument("username")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--admin", is_flag=True, help="Give the account the admin role.")
@click.option("--display-name", default=None)
def create_user(username, email, password, admin, display_name):
    """Create an account."""
    write_intent(True)
    try:
        user = service.create_user(username, email, password, display_name,
                                   "admin" if admin else None)
    except ApiError as error:
        db.session.rollback()
        _fail(error)
    db.session.commit()
    click.echo(f"Created user {user.username} (id {user.id}, role {user.role}).")


@users_cli.command("list")
def list_users():
    """List accounts with their live session count."""
    live = (
        select(func.count(AuthSession.id))
        .where(AuthSession.user_id == User.id, AuthSession.revoked_at.is_(None),
               AuthSession.expires_at > utcnow())
        .scalar_subquery()
    )
    rows = db.session.execute(select(User, live).order_by(User.id)).all()
    for user, sessions in rows:
        click.echo(f"{user.id}\t{user.username}\t{user.email}\t{user.role}\t"
                   f"sessions={sessions}\tcreated={user.created_at:%Y-%m-%d}")
    if not rows:
        click.echo("No users.")


@users_cli.command("set-password")
@click.argument("login")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def set_password(login, password):
    """Set a user's password and log out all their sessions."""
    write_intent(True)
    user = _user(login)
    try:
        service.check_password_policy(password, "password", user.username, user.email)
    except ApiError as error:
        _fail(error)
    user.password_hash = service.hash_password(password)
    user.tokens_valid_after = utcnow()
    count = revoke_user_families(user.id, "password_reset")
    db.session.commit()
    click.echo(f"Password of {user.username} changed; {count} session(s) revoked.")


@users_cli.command("delete")
@click.argument("login")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete_user(login, yes):
    """Delete an account and all its data."""
    write_intent(True)
    user = _user(login)
    if not yes:
        click.confirm(f"Delete {user.username} and all their data?", abort=True)
    db.session.delete(user)
    db.session.commit()
    click.echo(f"Deleted user {login}.")


@tokens_cli.command("cleanup")
def tokens_cleanup():
    """Delete expired sessions, blocklist entries and idempotency keys, and old security events
    now."""
    write_intent(True)
    counts = cleanup_expired()
    click.echo(f"Deleted {counts['sessions']} expired session(s), "
               f"{counts['revoked_tokens']} expired revoked token(s), "
               f"{counts['idempotency_keys']} expired idempotency key(s) and "
               f"{counts['security_events']} security event(s) older than {RETENTION.days} days.")


def register_commands(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(tokens_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(demo_cli)
