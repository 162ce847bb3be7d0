"""``flask demo seed``: an account with gear, packs and weeks of workouts, in seconds.

The data goes in through the same import functions as ``POST /api/me/import``, so the demo
is validated like any user's document and shows exactly what a real account looks like.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import click
from flask.cli import AppGroup

from pmp.auth import service
from pmp.core.database import write_intent
from pmp.core.errors import ApiError
from pmp.core.extensions import db
from pmp.gear import portability as gear
from pmp.ops.demo_data import ITEMS, PACKS, workouts_document
from pmp.workouts import portability as workouts

demo_cli = AppGroup("demo", help="A demo account to explore the API with.")


def gear_document() -> dict:
    """The demo inventory and packs in the export format (entries refer to item ids)."""
    ids = {name: number for number, (name, *_) in enumerate(ITEMS, start=1)}
    items = [
        {"id": ids[name], "name": name, "category": category, "description": description,
         "weight": str(weight), "weight_unit": unit, "price": price, "currency": "EUR"}
        for name, category, description, weight, unit, price in ITEMS
    ]  # fmt: skip
    packs = [
        {"name": name, "description": description, "entries": [
            {"item_id": ids[item], "quantity": str(quantity), "worn": worn,
             "consumable": consumable, "position": position}
            for position, (item, quantity, worn, consumable) in enumerate(entries)
        ]}
        for name, description, entries in PACKS
    ]  # fmt: skip
    return {"items": items, "packs": packs}


def seed(username: str, email: str, password: str, weeks: int) -> dict[str, int]:
    """Create the account and its data in one transaction; returns what was added."""
    write_intent(True)
    user = service.create_user(username, email, password, "Demo Hiker", "user")
    counts = {"user_id": user.id}
    counts.update(gear.import_data(user.id, gear_document()))
    today = datetime.now(UTC).date()
    counts.update(workouts.import_data(user.id, workouts_document(today, weeks)))
    db.session.commit()
    return counts


@demo_cli.command("seed")
@click.option("--username", default="demo", show_default=True)
@click.option("--email", default=None, help="Default: USERNAME@example.com.")
@click.option("--password", default=None, help="Default: a random one, printed once.")
@click.option("--weeks", default=4, show_default=True, type=click.IntRange(1, 52),
              help="Weeks of workout history.")
@click.option("--replace", is_flag=True, help="Delete an existing account of that name first.")
def seed_command(username, email, password, weeks, replace):
    """Create a demo account with a gear inventory, packs and weeks of workouts."""
    write_intent(True)
    existing = service.find_user_by_login(username.strip().lower())
    if existing is not None:
        if not replace:
            raise click.ClickException(f"{username} exists; pass --replace to recreate it")
        db.session.delete(existing)
        db.session.flush()
    password = password or secrets.token_urlsafe(12)
    try:
        counts = seed(username, email or f"{username}@example.com", password, weeks)
    except ApiError as error:
        db.session.rollback()
        fields = "; ".join(f"{k}: {v}" for k, v in (error.fields or {}).items())
        raise click.ClickException(f"{error.message} {fields}".strip()) from error
    summary = ", ".join(f"{n} {name}" for name, n in counts.items() if name != "user_id")
    click.echo(f"Demo account {username} (id {counts['user_id']}): {summary}.")
    click.echo(f"Log in with login={username} password={password}")
