"""Accounts, login sessions (refresh-token families) and revoked access tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pmp.core.extensions import db
from pmp.core.models import NEVER_REUSED_IDS, TimestampMixin, UTCDateTime, utcnow

ROLES = ("admin", "user")
WEIGHT_UNITS = ("g", "kg", "oz", "lb")


class User(TimestampMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'user')", name="role"),
        CheckConstraint("weight_unit IN ('g', 'kg', 'oz', 'lb')", name="weight_unit"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    password_hash: Mapped[str] = mapped_column(Text, nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False, default="user")
    weight_unit: Mapped[str] = mapped_column(String(2), nullable=False, default="g")
    currency: Mapped[str] = mapped_column(String(3), nullable=False, default="EUR")
    # Access tokens issued before this instant are refused (password change, deletion).
    tokens_valid_after: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AuthSession(db.Model):
    """One login: the family of refresh tokens that rotation produces from it."""

    __tablename__ = "auth_sessions"
    __table_args__ = (Index("ix_auth_sessions_expires_at", "expires_at"), NEVER_REUSED_IDS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    last_used_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    remember_me: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    user_agent: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    ip: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    # jti of the only refresh token of this family that may still be spent.
    current_jti: Mapped[str] = mapped_column(String(36), nullable=False)
    # The jti rotated away last and when: presented again within the reuse grace window it is
    # a concurrent refresh (another tab), not a theft (pmp.auth.tokens).
    previous_jti: Mapped[str | None] = mapped_column(String(36), nullable=True)
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class RevokedToken(db.Model):
    """Access tokens logged out before they expired (the blocklist)."""

    __tablename__ = "revoked_tokens"
    __table_args__ = (Index("ix_revoked_tokens_expires_at", "expires_at"),)

    jti: Mapped[str] = mapped_column(String(36), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
