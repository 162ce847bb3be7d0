"""The schema that migrations build is the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from pmp.core.extensions import db


def _diff(app):
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_upgraded_database_matches_models(app):
    assert _diff(app) == []


def test_downgrade_to_base_and_upgrade_again(app):
    with app.app_context():
        downgrade(revision="base")
        db.session.remove()
        upgrade()
    assert _diff(app) == []


def test_rebuilding_tables_for_autoincrement_keeps_every_row(tmp_path, monkeypatch):
    """0004 rebuilds every table on SQLite; with foreign keys on, dropping `users` would have
    cascaded into every child table. Rows survive, and ids continue after the largest."""
    from sqlalchemy import text

    from pmp import create_app
    from tests.conftest import CHEAP_ARGON2

    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite3'}",
                      "JWT_SECRET_KEY": "k" * 40, "LOG_LEVEL": "WARNING", **CHEAP_ARGON2})
    now = "2026-01-01 00:00:00"
    with app.app_context():
        upgrade(revision="0003_workouts")
        for statement in (
            "INSERT INTO users VALUES (1, 'a', 'a@x.org', 'A', 'h', 'admin', 'g', 'EUR', NULL, "
            f"'{now}', '{now}')",
            "INSERT INTO users VALUES (2, 'b', 'b@x.org', 'B', 'h', 'user', 'g', 'EUR', NULL, "
            f"'{now}', '{now}')",
            f"INSERT INTO auth_sessions VALUES (1, 1, '{now}', '{now}', '2999-01-01', NULL, NULL,"
            " 0, '', '', 'j')",
            f"INSERT INTO items VALUES (1, 1, 'Tent', '', '', 1000, 'g', NULL, 'EUR', '', '{now}',"
            f" '{now}')",
            f"INSERT INTO packs VALUES (1, 1, 'P', '', NULL, '{now}', '{now}')",
            "INSERT INTO pack_entries VALUES (1, 1, 1, 1, 0, 0, NULL, 0)",
            f"INSERT INTO workouts VALUES (1, 1, '{now}', NULL, NULL, '{now}', '{now}')",
            "INSERT INTO workout_exercises VALUES (1, 1, 1, 0, NULL)",
            "INSERT INTO workout_sets VALUES (1, 1, 1, 5, 100, 'kg', NULL, NULL, NULL, NULL, 0)",
            "DELETE FROM users WHERE id = 2",
        ):
            db.session.execute(text(statement))
        db.session.commit()
        db.session.remove()
        upgrade()
        counts = {table: db.session.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608
                  for table in ("users", "auth_sessions", "items", "packs", "pack_entries",
                                "workouts", "workout_exercises", "workout_sets")}
        ids = []
        for name in ("c", "d"):
            db.session.execute(text(
                "INSERT INTO users (username, email, display_name, password_hash, role, "
                f"weight_unit, currency, created_at, updated_at) VALUES ('{name}', "
                f"'{name}@x.org', '', 'h', 'user', 'g', 'EUR', '{now}', '{now}')"))
            ids.append(db.session.scalar(text(f"SELECT id FROM users WHERE username = '{name}'")))
            db.session.execute(text(f"DELETE FROM users WHERE username = '{name}'"))
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        db.session.rollback()
        db.engine.dispose()
    assert counts == {"users": 1, "auth_sessions": 1, "items": 1, "packs": 1,
                      "pack_entries": 1, "workouts": 1, "workout_exercises": 1,
                      "workout_sets": 1}
    # From now on a deleted id is never handed out again (2 was deleted before the upgrade,
    # when nothing recorded it).
    assert ids == [2, 3]


def test_foreign_keys_stay_on_after_a_migration_run_with_nothing_to_do(app):
    """Migrations switch SQLite's foreign keys off; the pooled connection must get them back
    even when the run had nothing to do and left its transaction open."""
    from sqlalchemy import text

    with app.app_context():
        upgrade()
        upgrade()
        db.session.remove()
        with db.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
