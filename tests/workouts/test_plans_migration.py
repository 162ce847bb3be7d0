"""Migration 0009_plans: existing workout exercises keep every row and get no targets; the
database holds the target rules too."""

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from pmp import create_app
from pmp.core.extensions import db
from tests.conftest import CHEAP_ARGON2

NOW = "2026-01-01 00:00:00"
BEFORE = "0008_pack_version"


def _count(table: str) -> int:
    return db.session.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608


def test_existing_workout_exercises_survive_and_get_no_targets(tmp_path, monkeypatch):
    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'plans.sqlite3'}",
                      "JWT_SECRET_KEY": "k" * 40, "LOG_LEVEL": "WARNING", **CHEAP_ARGON2})
    with app.app_context():
        upgrade(revision=BEFORE)
        for statement in (
            "INSERT INTO users (id, username, email, display_name, password_hash, role, "
            f"weight_unit, currency, created_at, updated_at) VALUES (1, 'a', 'a@x.org', '', "
            f"'h', 'user', 'lb', 'EUR', '{NOW}', '{NOW}')",
            f"INSERT INTO workouts VALUES (1, 1, '{NOW}', NULL, NULL, '{NOW}', '{NOW}')",
            "INSERT INTO workout_exercises VALUES (1, 1, 1, 3, 'n')",
            "INSERT INTO workout_sets VALUES (1, 1, 1, 5, 100, 'kg', NULL, NULL, NULL, NULL, 0)",
        ):
            db.session.execute(text(statement))
        db.session.commit()
        db.session.remove()
        upgrade()
        row = db.session.execute(text(
            "SELECT exercise_order, notes, target_sets, target_reps, target_weight, "
            "target_weight_unit, target_rpe FROM workout_exercises")).one()
        assert tuple(row) == (3, "n", None, None, None, "kg", None)
        assert (_count("workout_sets"), _count("plans")) == (1, 0)
        for bad in ("target_rpe = 7.3", "target_sets = -1", "target_weight_unit = 'g'"):
            with pytest.raises(IntegrityError):
                db.session.execute(text(f"UPDATE workout_exercises SET {bad}"))  # noqa: S608
            db.session.rollback()
        db.session.execute(text(
            f"INSERT INTO plans VALUES (1, 1, 'P', NULL, 3, '{NOW}', '{NOW}')"))
        db.session.commit()
        db.session.remove()
        downgrade(revision=BEFORE)
        assert (_count("workout_exercises"), _count("workout_sets")) == (1, 1)
        db.session.remove()
        db.engine.dispose()
