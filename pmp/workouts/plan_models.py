"""Plans: named routines of exercises with targets, scheduled on weekdays and/or dates."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pmp.core.extensions import db
from pmp.core.models import NEVER_REUSED_IDS, TimestampMixin
from pmp.workouts.models import Exercise, TargetsMixin, target_checks

ALL_WEEKDAYS = 0b1111111  # bit n-1 is ISO weekday n (1 = Monday)


class Plan(TimestampMixin, db.Model):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint(f"weekdays >= 0 AND weekdays <= {ALL_WEEKDAYS}", name="weekdays"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    # ISO weekdays as bits (Monday = 1): one column, matched in the calendar without a join
    weekdays: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")

    exercises: Mapped[list[PlanExercise]] = relationship(
        back_populates="plan",
        order_by="(PlanExercise.position, PlanExercise.id)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    dates: Mapped[list[PlanDate]] = relationship(
        order_by="PlanDate.day", cascade="all, delete-orphan", passive_deletes=True,
    )

    @property
    def weekday_list(self) -> list[int]:
        return weekdays_of(self.weekdays)

    @property
    def date_list(self) -> list[date]:
        return [row.day for row in self.dates]


def weekdays_of(mask: int) -> list[int]:
    return [day for day in range(1, 8) if mask & (1 << (day - 1))]


def weekday_mask(days: list[int]) -> int:
    mask = 0
    for day in days:
        mask |= 1 << (day - 1)
    return mask


class PlanDate(db.Model):
    """A date a plan is scheduled on, besides its weekdays."""

    __tablename__ = "plan_dates"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class PlanExercise(TargetsMixin, db.Model):
    """One exercise of a plan; `position` is its place, 0..n-1 without gaps."""

    __tablename__ = "plan_exercises"
    __table_args__ = (
        CheckConstraint("position >= 0", name="position_non_negative"),
        Index("ix_plan_exercises_plan_id_position", "plan_id", "position"),
        *target_checks(),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # indexed by ix_plan_exercises_plan_id_position, which leads with plan_id
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), nullable=False
    )
    # A custom exercise used by a plan cannot be deleted (pmp.workouts.exercises), deferred
    # like workout_exercises.exercise_id so that deleting a user cascades cleanly.
    exercise_id: Mapped[int] = mapped_column(
        ForeignKey("exercises.id", deferrable=True, initially="DEFERRED"), index=True,
        nullable=False,
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)

    plan: Mapped[Plan] = relationship(back_populates="exercises")
    exercise: Mapped[Exercise] = relationship(lazy="joined", innerjoin=True)

    @property
    def exercise_name(self) -> str:
        return self.exercise.name
