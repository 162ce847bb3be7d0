"""Security activity an account holder can read: sign-ins, refresh-token reuse the server
detected, password and email changes, sessions ended.

The audit log tells the operator; these rows tell the person whose account it is, so that a
stolen refresh token (its reuse revokes the session) does not go unnoticed: reuse events are
alerts, counted in the user's `unacknowledged_alerts` until acknowledged. Events are written in
the transaction of what they record and kept for RETENTION.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from pmp.auth.models import ALERT_KINDS, SecurityEvent
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.core.netinfo import client_ip, user_agent
from pmp.core.pagination import paginate

RETENTION = timedelta(days=90)


def record(user_id: int, kind: str, session_id: int | None = None) -> None:
    """Add an event for the current request (its address and user agent); the caller commits."""
    db.session.add(SecurityEvent(user_id=user_id, kind=kind, session_id=session_id,
                                 created_at=utcnow(), ip=client_ip(), user_agent=user_agent()))


def list_events(user_id: int, limit: int, offset: int) -> tuple[list[dict], int]:
    """One page of the user's events, newest first, and how many there are."""
    stmt = (select(SecurityEvent).where(SecurityEvent.user_id == user_id)
            .order_by(SecurityEvent.id.desc()))
    rows, total = paginate(stmt, limit, offset)
    return [_view(event) for event in rows], total


def _view(event: SecurityEvent) -> dict:
    return {"id": event.id, "kind": event.kind, "created_at": event.created_at,
            "ip": event.ip, "user_agent": event.user_agent, "session_id": event.session_id,
            "alert": event.kind in ALERT_KINDS, "acknowledged_at": event.acknowledged_at}


def acknowledge(user_id: int) -> int:
    """Mark every alert of the user as seen; returns how many were new."""
    count = db.session.execute(
        update(SecurityEvent)
        .where(SecurityEvent.user_id == user_id, SecurityEvent.kind.in_(ALERT_KINDS),
               SecurityEvent.acknowledged_at.is_(None))
        .values(acknowledged_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return count


def delete_old(now: datetime) -> int:
    """Forget events older than RETENTION (part of the token cleanup); the caller commits."""
    return db.session.execute(
        delete(SecurityEvent).where(SecurityEvent.created_at <= now - RETENTION)
    ).rowcount
