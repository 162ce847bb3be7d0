"""Accounts, login sessions (refresh-token families), revoked access tokens and the security
events an account holder can read (sign-ins, detected token reuse, password changes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    select,
)
from sqlalchemy.orm import Mapped, column_property, deferred, mapped_column

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


SECURITY_EVENT_KINDS = ("login_success", "refresh_token_reuse_detected", "password_changed",
                        "email_changed", "logout_all", "session_revoked")
# Kinds the account holder must acknowledge: a stolen refresh token came back.
ALERT_KINDS = ("refresh_token_reuse_detected",)


class SecurityEvent(db.Model):
    """What happened to an account's security, for its holder to read (the audit log is the
    operator's). Kept for SECURITY_EVENT_DAYS (pmp.auth.security_events)."""

    __tablename__ = "security_events"
    __table_args__ = (
        Index("ix_security_events_user_id_id", "user_id", "id"),
        Index("ix_security_events_created_at", "created_at"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    ip: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    user_agent: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    # The session concerned (not a foreign key: the event outlives the session's row).
    session_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Set when the holder has seen an alert (ALERT_KINDS); other kinds never need it.
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


# Loaded only when read (GET /api/me, a token pair's user): one COUNT on an indexed range.
User.unacknowledged_alerts = deferred(column_property(
    select(func.count(SecurityEvent.id))
    .where(SecurityEvent.user_id == User.id, SecurityEvent.kind.in_(ALERT_KINDS),
           SecurityEvent.acknowledged_at.is_(None))
    .correlate_except(SecurityEvent)
    .scalar_subquery()
))
