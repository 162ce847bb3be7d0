"""Migration 0003_workouts installs the catalogue once and the constraints hold in the DB."""

import importlib.util
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from pmp.core.extensions import db
from pmp.workouts.catalogue import BUILT_IN_EXERCISES
from pmp.workouts.models import Exercise

REVISION = Path(__file__).parents[2] / "pmp/migrations/versions/0003_workouts.py"


def _built_ins(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(
            select(Exercise.name, Exercise.category, Exercise.muscle_group)
            .where(Exercise.user_id.is_(None)).order_by(Exercise.id)
        ).all()
        db.session.remove()
    return [tuple(row) for row in rows]


def test_migration_installs_the_catalogue(app):
    assert _built_ins(app) == [tuple(e) for e in BUILT_IN_EXERCISES]


def _revision():
    spec = importlib.util.spec_from_file_location("rev_0003", REVISION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_frozen_catalogue_of_the_revision_matches_the_module():
    """The module may grow (with a revision of its own); what 0003 installed stays first."""
    frozen = list(_revision().CATALOGUE)
    assert frozen == [tuple(e) for e in BUILT_IN_EXERCISES[: len(frozen)]]


def test_downgrade_and_upgrade_leave_exactly_one_copy(app):
    with app.app_context():
        downgrade(revision=_revision().down_revision)
        db.session.remove()
        upgrade()
        upgrade()  # already at head: nothing runs twice
        db.session.remove()
    assert _built_ins(app) == [tuple(e) for e in BUILT_IN_EXERCISES]


def test_database_refuses_a_second_built_in_with_the_same_name(app):
    with app.app_context():
        db.session.add(Exercise(user_id=None, name="BENCH PRESS", name_key="bench press",
                                category="strength"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        count = db.session.scalar(select(func.count()).select_from(Exercise))
        db.session.remove()
    assert count == len(BUILT_IN_EXERCISES)


@pytest.mark.parametrize("assignment", [
    "reps = -1", "weight = -1", "rpe = 11", "rpe = 7.3", "rir = -1", "duration_seconds = -1",
    "distance_meters = -1", "weight_unit = 'st'", "set_number = 0",
])
def test_set_check_constraints(app, as_alice, assignment):
    entry = as_alice.entry(as_alice.workout()["id"])
    row = as_alice.set(entry["id"], reps=5, weight=50, rpe=8)
    with app.app_context():
        with pytest.raises(IntegrityError):
            db.session.execute(text(f"UPDATE workout_sets SET {assignment} WHERE id = :id"),
                               {"id": row["id"]})
            db.session.commit()
        db.session.rollback()
        db.session.remove()


def test_deleting_a_user_cascades_to_workouts_and_custom_exercises(app, as_alice, client):
    custom = as_alice.post("/api/exercises", {"name": "Mine", "category": "sport"})
    entry = as_alice.entry(as_alice.workout()["id"], custom["id"])
    as_alice.set(entry["id"], reps=1)
    with app.app_context():
        db.session.execute(text("DELETE FROM users WHERE id = :id"), {"id": as_alice.user.id})
        db.session.commit()
        counts = [db.session.scalar(text(f"SELECT count(*) FROM {table}"))
                  for table in ("workouts", "workout_exercises", "workout_sets")]
        customs = db.session.scalar(
            text("SELECT count(*) FROM exercises WHERE user_id IS NOT NULL"))
        db.session.remove()
    assert counts == [0, 0, 0]
    assert customs == 0


def test_database_refuses_to_delete_a_used_exercise(app, as_alice):
    custom = as_alice.post("/api/exercises", {"name": "Mine", "category": "sport"})
    as_alice.entry(as_alice.workout()["id"], custom["id"])
    with app.app_context():
        with pytest.raises(IntegrityError):
            db.session.execute(text("DELETE FROM exercises WHERE id = :id"), {"id": custom["id"]})
            db.session.commit()
        db.session.rollback()
        db.session.remove()
    assert as_alice.get(f"/api/exercises/{custom['id']}") == custom
