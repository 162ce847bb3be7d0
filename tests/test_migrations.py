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


def test_existing_packs_get_categories_in_first_appearance_order(tmp_path, monkeypatch):
    """0006: a pack's categories come from its items', in the order they first appear; entries
    keep their order within a category and are numbered 0..n-1 grouped by category."""
    from sqlalchemy import text

    from pmp import create_app
    from pmp.gear.categories import PALETTE

    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'packs.sqlite3'}",
                      "JWT_SECRET_KEY": "k" * 40, "LOG_LEVEL": "WARNING"})
    now = "2026-01-01 00:00:00"
    with app.app_context():
        upgrade(revision="0005_refresh_reuse_grace")
        db.session.execute(text(
            "INSERT INTO users (id, username, email, display_name, password_hash, role, "
            f"weight_unit, currency, created_at, updated_at) VALUES (1, 'a', 'a@x.org', '', "
            f"'h', 'admin', 'g', 'EUR', '{now}', '{now}')"))
        db.session.execute(text(f"INSERT INTO packs VALUES (1, 1, 'P', '', NULL, '{now}', "
                                f"'{now}')"))
        for item_id, category in enumerate(["Shelter", "Food", "Shelter", "", "Food"], start=1):
            db.session.execute(text(
                f"INSERT INTO items VALUES ({item_id}, 1, 'i{item_id}', '{category}', '', 1000, "
                f"'g', NULL, 'EUR', '', '{now}', '{now}')"))
            db.session.execute(text(
                f"INSERT INTO pack_entries VALUES ({item_id}, 1, {item_id}, 1, 0, 0, NULL, "
                f"{item_id * 10})"))
        db.session.commit()
        db.session.remove()
        upgrade()
        categories = db.session.execute(text(
            "SELECT id, name, position, color FROM pack_categories ORDER BY position")).all()
        entries = db.session.execute(text(
            "SELECT e.item_id, c.name, e.position FROM pack_entries e JOIN pack_categories c "
            "ON c.id = e.category_id ORDER BY e.position")).all()
        db.session.remove()
        db.engine.dispose()
    assert [(c.name, c.position, c.color) for c in categories] == [
        ("Shelter", 0, PALETTE[0]), ("Food", 1, PALETTE[1]), ("", 2, PALETTE[2])]
    assert [tuple(e) for e in entries] == [
        (1, "Shelter", 0), (3, "Shelter", 1), (2, "Food", 2), (5, "Food", 3), (4, "", 4)]
