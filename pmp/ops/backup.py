"""``flask backup``: consistent SQLite snapshots, restore, and the copy to PostgreSQL.

Snapshots use SQLite's online backup API, which copies the database page by page inside one
read transaction: the copy is consistent even while gunicorn workers keep writing (in WAL
mode they are not even blocked). Copying the file with ``cp`` is not safe: recent commits may
still sit in the ``-wal`` file.
"""

import os
import sqlite3
import sys
from pathlib import Path

import click
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from pmp.core.extensions import db
from pmp.ops.db_transfer import TransferError, copy_rows

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 30

backup_cli = AppGroup("backup", help="Back up, restore or move the database.")


class BackupError(Exception):
    """A backup cannot be taken or restored; the message says why."""


def snapshot(live: Path, dest: Path) -> None:
    """Copy the live database to ``dest`` as one self-contained file, atomically."""
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"{live.resolve().as_uri()}?mode=ro", uri=True,
                             timeout=BUSY_TIMEOUT_SECONDS)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # A single file to carry around: no -wal/-shm companions next to the backup.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    os.replace(partial, dest)


def inspect_backup(path: Path) -> str:
    """Check that ``path`` is an intact pmp database; returns its migration revision."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with path.open("rb") as file:
        if file.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{path} is not an SQLite database")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise BackupError(f"{path} failed the integrity check: {'; '.join(problems[:5])}")
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_version:
            raise BackupError(f"{path} has no alembic_version table: not a pmp database")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} cannot be read as a database: {exc}") from exc
    finally:
        conn.close()
    if revision is None:
        raise BackupError(f"{path} has an empty alembic_version table: never migrated")
    return revision[0]


def restore(backup: Path, live: Path) -> None:
    """Replace the live database's content with the backup's, through SQLite's locking."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(live, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def live_sqlite_path() -> Path:
    """The configured SQLite file; on anything else, say which tool to use and exit 1."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        click.echo(
            f"The database is {url.get_backend_name()}, not SQLite: back it up with the "
            "database's own tools, e.g. `pg_dump -Fc` and `pg_restore` for PostgreSQL "
            "(see docs/DEPLOY.md).",
            err=True,
        )
        sys.exit(1)
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise click.ClickException("the database is in memory or a URI: nothing to back up")
    return Path(url.database)


def known_revisions() -> set[str]:
    """Every migration revision this version of pmp knows."""
    config = current_app.extensions["migrate"].migrate.get_config()
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


@backup_cli.command("create")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def create_command(path: Path, force: bool) -> None:
    """Write a consistent snapshot of the live SQLite database to PATH."""
    live = live_sqlite_path()
    if not live.is_file():
        raise click.ClickException(f"{live} does not exist yet: run `pmp migrate` first")
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists; pass --force to overwrite it")
    if not path.parent.is_dir():
        raise click.ClickException(f"{path.parent} is not a directory")
    snapshot(live, path)
    click.echo(f"Backed up {live} to {path} (revision {inspect_backup(path)}).")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Really replace the live database.")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the live SQLite database with the backup at PATH (stop the server first)."""
    live = live_sqlite_path()
    try:
        revision = inspect_backup(path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    if revision not in known_revisions():
        raise click.ClickException(
            f"{path} is at revision {revision}, unknown to this version of pmp: "
            "restore it with the pmp version that wrote it"
        )
    if not yes:
        raise click.ClickException(
            f"This replaces every record in {live} with the content of {path} "
            f"(revision {revision}). Run again with --yes to do it."
        )
    db.engine.dispose()  # no pooled connection keeps reading the old pages
    restore(path, live)
    click.echo(f"Restored {path} into {live} (revision {revision}); `flask db upgrade` "
               "or the next start brings it to the current schema.")


@backup_cli.command("transfer")
@click.argument("target_url")
def transfer_command(target_url: str) -> None:
    """Copy every row of this database into TARGET_URL (empty, migrated to the same revision)."""
    try:
        target_engine = create_engine(make_url(target_url))
    except (ArgumentError, ImportError) as exc:
        # The message would repeat the URL, password included.
        raise click.ClickException(
            "TARGET_URL is not a database URL, e.g. postgresql+psycopg://user:password@host/db"
        ) from exc
    try:
        with db.engine.connect() as source, target_engine.begin() as target:
            counts = copy_rows(source, target, db.metadata)
    except TransferError as exc:
        raise click.ClickException(str(exc)) from exc
    except OperationalError as exc:
        raise click.ClickException(f"cannot use the target database: {exc.orig}") from exc
    finally:
        target_engine.dispose()
    total = sum(counts.values())
    click.echo(f"Copied {total} rows: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
