"""The `pmp` command: `pmp serve` (migrate, then run gunicorn) and `pmp migrate`."""

from __future__ import annotations

import argparse
import os
import sys

from pmp.core.config import ConfigError


def migrate() -> None:
    """Apply every pending migration to the configured database."""
    from flask_migrate import upgrade

    from pmp import create_app
    from pmp.core.extensions import db
    from pmp.ops.migrate_lock import migration_lock

    app = create_app()
    # Several instances may start at once: the others wait, then find the schema current.
    with app.app_context(), migration_lock(db.engine):
        upgrade()


def serve(migrate_first: bool = True) -> None:
    if migrate_first:
        migrate()
    # Replace this process, so gunicorn gets signals directly (PID 1 in a container).
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    argv = [gunicorn, "--config", "python:pmp.ops.gunicorn_conf", "wsgi:app"]
    os.execv(gunicorn, argv)  # noqa: S606 - fixed program and arguments


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pmp", description="Run the pmp API server.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="apply migrations, then serve with gunicorn")
    serve_cmd.add_argument("--no-migrate", action="store_true", help="skip migrations")
    commands.add_parser("migrate", help="apply migrations and exit")
    args = parser.parse_args(argv)
    try:
        if args.command == "migrate":
            migrate()
        else:
            serve(migrate_first=not args.no_migrate)
    except ConfigError as error:
        print(f"pmp: configuration error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
