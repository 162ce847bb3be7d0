"""Exercises (built-in and custom), workouts, their exercise entries and sets."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pmp.core.extensions import db
from pmp.core.models import NEVER_REUSED_IDS, TimestampMixin, UTCDateTime
from pmp.workouts.catalogue import CATEGORIES, MUSCLE_GROUPS


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


RPE_HALF_STEPS = "{0} >= 1 AND {0} <= 10 AND {0} * 2 = CAST({0} * 2 AS INTEGER)"


def target_checks() -> tuple[CheckConstraint, ...]:
    """The rules of TargetsMixin's columns, for the table args of each table that has them."""
    return (
        CheckConstraint("target_sets >= 0", name="target_sets_non_negative"),
        CheckConstraint("target_reps >= 0", name="target_reps_non_negative"),
        CheckConstraint("target_weight >= 0", name="target_weight_non_negative"),
        CheckConstraint("target_weight_unit IN ('kg', 'lb')", name="target_weight_unit"),
        CheckConstraint(RPE_HALF_STEPS.format("target_rpe"), name="target_rpe_half_steps"),
    )


class TargetsMixin:
    """What is planned for an exercise: sets x reps at a weight (in its unit) or an RPE."""

    target_sets: Mapped[int | None] = mapped_column(Integer, nullable=True)
    target_reps: Mapped[int | None] = mapped_column(Integer, nullable=True)
    target_weight: Mapped[Decimal | None] = mapped_column(Numeric(9, 3), nullable=True)
    target_weight_unit: Mapped[str] = mapped_column(
        String(2), nullable=False, default="kg", server_default="kg")
    target_rpe: Mapped[Decimal | None] = mapped_column(Numeric(3, 1), nullable=True)


class Exercise(db.Model):
    """A built-in catalogue exercise (``user_id`` NULL) or one user's custom exercise."""

    __tablename__ = "exercises"
    __table_args__ = (
        # NULLs are distinct in a UNIQUE constraint, so built-ins get a partial index too.
        UniqueConstraint("user_id", "name_key", name="uq_exercises_user_id_name_key"),
        Index(
            "uq_exercises_builtin_name_key",
            "name_key",
            unique=True,
            sqlite_where=text("user_id IS NULL"),
            postgresql_where=text("user_id IS NULL"),
        ),
        CheckConstraint(_one_of("category", CATEGORIES), name="category"),
        CheckConstraint(
            f"muscle_group IS NULL OR {_one_of('muscle_group', MUSCLE_GROUPS)}",
            name="muscle_group",
        ),
        # the test suite empties tables between tests but keeps the migrated catalogue
        {"info": {"keep_rows": "user_id IS NULL"}, **NEVER_REUSED_IDS},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # casefolded name: uniqueness per owner is case-insensitive on every backend
    name_key: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(20), nullable=False)
    muscle_group: Mapped[str | None] = mapped_column(String(20), nullable=True)


class Workout(TimestampMixin, db.Model):
    __tablename__ = "workouts"
    __table_args__ = (
        CheckConstraint("duration_minutes >= 0", name="duration_non_negative"),
        Index("ix_workouts_user_id_performed_at", "user_id", "performed_at"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # indexed by ix_workouts_user_id_performed_at, which leads with user_id
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    performed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)

    exercises: Mapped[list[WorkoutExercise]] = relationship(
        back_populates="workout",
        order_by="(WorkoutExercise.exercise_order, WorkoutExercise.id)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class WorkoutExercise(TargetsMixin, db.Model):
    """One exercise performed in a workout; the same exercise may appear twice."""

    __tablename__ = "workout_exercises"
    __table_args__ = (
        CheckConstraint("exercise_order >= 0", name="order_non_negative"),
        *target_checks(),
        # "is this exercise in that workout?" in one probe (last time, history, progress)
        Index("ix_workout_exercises_workout_id_exercise_id", "workout_id", "exercise_id"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workout_id: Mapped[int] = mapped_column(
        ForeignKey("workouts.id", ondelete="CASCADE"), index=True, nullable=False
    )
    # An exercise used in a workout cannot be deleted. The check is deferred to COMMIT so that
    # deleting a user, which cascades to both its workouts and its custom exercises, works:
    # PostgreSQL checks an immediate constraint before the workouts' cascade reaches this table.
    exercise_id: Mapped[int] = mapped_column(
        ForeignKey("exercises.id", deferrable=True, initially="DEFERRED"), index=True,
        nullable=False,
    )
    exercise_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)

    workout: Mapped[Workout] = relationship(back_populates="exercises")
    exercise: Mapped[Exercise] = relationship(lazy="joined", innerjoin=True)
    sets: Mapped[list[WorkoutSet]] = relationship(
        back_populates="workout_exercise",
        order_by="WorkoutSet.set_number",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def exercise_name(self) -> str:
        return self.exercise.name


class WorkoutSet(db.Model):
    __tablename__ = "workout_sets"
    __table_args__ = (
        UniqueConstraint(
            "workout_exercise_id", "set_number", name="uq_workout_sets_workout_exercise_id_number"
        ),
        CheckConstraint("set_number >= 1", name="set_number_positive"),
        CheckConstraint("reps >= 0", name="reps_non_negative"),
        CheckConstraint("weight >= 0", name="weight_non_negative"),
        CheckConstraint("weight_unit IN ('kg', 'lb')", name="weight_unit"),
        CheckConstraint("rpe >= 1 AND rpe <= 10 AND rpe * 2 = CAST(rpe * 2 AS INTEGER)",
                        name="rpe_half_steps"),
        CheckConstraint("rir >= 0", name="rir_non_negative"),
        CheckConstraint("duration_seconds >= 0", name="duration_non_negative"),
        CheckConstraint("distance_meters >= 0", name="distance_non_negative"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workout_exercise_id: Mapped[int] = mapped_column(
        ForeignKey("workout_exercises.id", ondelete="CASCADE"), index=True, nullable=False
    )
    set_number: Mapped[int] = mapped_column(Integer, nullable=False)
    reps: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weight: Mapped[Decimal | None] = mapped_column(Numeric(9, 3), nullable=True)
    weight_unit: Mapped[str] = mapped_column(String(2), nullable=False, default="kg")
    rpe: Mapped[Decimal | None] = mapped_column(Numeric(3, 1), nullable=True)
    rir: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    distance_meters: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    is_warmup: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    workout_exercise: Mapped[WorkoutExercise] = relationship(back_populates="sets")


RECORD_KINDS = ("heaviest_weight", "best_estimated_1rm", "best_session_volume", "most_reps",
                *(f"reps_{n}" for n in range(1, 13)))


class RecordBookEntry(db.Model):
    """One step of a (user, exercise)'s record progression: ``workout_id`` beat, for ``kind``,
    every workout performed before it (pmp.workouts.record_book keeps these with the sets).

    What the record was, in the units it was logged in: the set (``reps``, ``weight``,
    ``weight_unit``) or, for ``best_session_volume``, the session's working volume in
    thousandths per unit (``volume_kg``, ``volume_lb``); answers convert to the user's unit.
    """

    __tablename__ = "record_book"
    __table_args__ = (
        # the latest row of a kind (before a workout): one descending probe
        Index("ix_record_book_progression", "user_id", "exercise_id", "kind", "performed_at",
              "workout_id", unique=True),
        CheckConstraint(_one_of("kind", RECORD_KINDS), name="kind"),
        CheckConstraint("weight_unit IN ('kg', 'lb')", name="weight_unit"),
        NEVER_REUSED_IDS,  # every integer id of the project (tests/auth/test_token_binding.py)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # indexed by ix_record_book_progression, which leads with user_id
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    exercise_id: Mapped[int] = mapped_column(
        ForeignKey("exercises.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    workout_id: Mapped[int] = mapped_column(
        ForeignKey("workouts.id", ondelete="CASCADE"), index=True, nullable=False)
    performed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    reps: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weight: Mapped[Decimal | None] = mapped_column(Numeric(9, 3), nullable=True)
    weight_unit: Mapped[str | None] = mapped_column(String(2), nullable=True)
    volume_kg: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    volume_lb: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
