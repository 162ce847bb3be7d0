"""Idempotency-Key: a POST retried with the same key answers its first result, once written.

A client that queues writes while offline (the web app's workout log) sends one random key per
logical POST and may send it again when it is unsure the first attempt arrived. Per user, for
KEEP (24 h), a key remembers the request it came with (method, path and body, as a digest) and
the first successful answer (status, body, Location):

- same key, same request: that answer again, with ``Idempotency-Replayed: true``, no write;
- same key, another request: 422 ``idempotency_key_reused``;
- a malformed key: 400 ``bad_request``; errors (4xx, 5xx) are not kept, so a retry may succeed.

Two identical requests at once cannot both write: a request first claims its key by inserting
a pending row (unique per user and key) in a transaction of its own; the loser of the race finds
the row and answers 409 while the winner works, or the answer once it is stored. A claim left
pending longer than ABANDONED (its worker died between the claim and the answer) is taken over.

Expired keys are deleted with the user's next claim and by the periodic maintenance
(``delete_expired``). Put ``@idempotent`` between ``@blp.route`` and the other decorators of a
view of an `api_blueprint` (it reads the authenticated user from ``g.user_id``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from functools import wraps

from flask import Response, current_app, g, make_response, request
from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from pmp.core.errors import ApiError, BadRequest, Conflict
from pmp.core.extensions import db
from pmp.core.models import NEVER_REUSED_IDS, UTCDateTime, utcnow

HEADER = "Idempotency-Key"
REPLAYED = "Idempotency-Replayed"
MAX_KEY_LENGTH = 200
KEEP = timedelta(hours=24)
ABANDONED = timedelta(minutes=2)
REUSED = "idempotency_key_reused"

KEY_PARAMETER = {
    "in": "header", "name": HEADER, "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
    "description": "1-200 printable ASCII characters, one random value per logical request. "
                   "A repeat with the same key and body within 24 h answers the first result "
                   "(header Idempotency-Replayed: true) without writing; the same key with "
                   "another body or path is 422 idempotency_key_reused.",
}


class IdempotencyKey(db.Model):
    """One user's key: the request's digest and, once answered, the answer (NULL: pending)."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="uq_idempotency_keys_user_id_key"),
        Index("ix_idempotency_keys_created_at", "created_at"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # indexed by the unique constraint, which leads with user_id
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    key: Mapped[str] = mapped_column(String(MAX_KEY_LENGTH), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    body: Mapped[str | None] = mapped_column(Text, nullable=True)
    location: Mapped[str | None] = mapped_column(String(2000), nullable=True)


def valid_key(key: str) -> bool:
    return 1 <= len(key) <= MAX_KEY_LENGTH and all(" " <= c <= "~" for c in key)


def idempotent(view):
    """Make a POST view answer repeats of a keyed request from the stored first answer."""

    @wraps(view)
    def keyed(*args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return view(*args, **kwargs)
        if not valid_key(key):
            raise BadRequest(f"{HEADER} must be 1-{MAX_KEY_LENGTH} printable ASCII characters.")
        claim = _claim(g.user_id, key, _fingerprint())
        if isinstance(claim, Response):
            return claim
        try:
            response = make_response(view(*args, **kwargs))
        except BaseException:
            db.session.rollback()
            _release(claim)
            raise
        if 200 <= response.status_code < 300:
            _store(claim, response)
        else:
            _release(claim)
        return response

    doc = getattr(keyed, "_apidoc", {})
    manual = doc.setdefault("manual_doc", {})
    manual["parameters"] = [*manual.get("parameters", []), KEY_PARAMETER]
    keyed._apidoc = doc
    return keyed


def _fingerprint() -> str:
    """Digest of method, path and body (JSON compared by value, key order aside)."""
    raw = request.get_data(cache=True)
    try:
        body = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, RecursionError):
        body = raw
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def _claim(user_id: int, key: str, fingerprint: str) -> IdempotencyKey | Response:
    """The pending row this request now owns, or the answer to give instead."""
    now = utcnow()
    found = _find(user_id, key, now)
    if found is None:
        db.session.execute(delete(IdempotencyKey).where(
            IdempotencyKey.user_id == user_id, IdempotencyKey.created_at <= now - KEEP))
        row = IdempotencyKey(user_id=user_id, key=key, fingerprint=fingerprint, created_at=now)
        db.session.add(row)
        try:
            db.session.commit()
            return row
        except IntegrityError:  # another request claimed the key in the meantime
            db.session.rollback()
        found = _find(user_id, key, now)
        if found is None:
            raise Conflict("This Idempotency-Key expired just now; retry.")
    if found.fingerprint != fingerprint:
        db.session.rollback()
        raise ApiError(f"This {HEADER} was used for another request.", 422, REUSED)
    if found.status is not None:
        db.session.rollback()
        return _replay(found)
    return _take_over(found, now)


def _find(user_id: int, key: str, now: datetime) -> IdempotencyKey | None:
    return db.session.scalar(select(IdempotencyKey).where(
        IdempotencyKey.user_id == user_id, IdempotencyKey.key == key,
        IdempotencyKey.created_at > now - KEEP))


def _take_over(found: IdempotencyKey, now: datetime) -> IdempotencyKey:
    """A pending claim: still being answered (409), or abandoned and now this request's."""
    claimed_at = found.created_at
    if now - claimed_at < ABANDONED:
        db.session.rollback()
        raise Conflict("A request with this Idempotency-Key is still being processed; retry "
                       "in a moment.")
    taken = db.session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.id == found.id, IdempotencyKey.status.is_(None),
               IdempotencyKey.created_at == claimed_at)
        .values(created_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    if taken != 1:
        raise Conflict("Another request took over this Idempotency-Key; retry.")
    return found


def _store(claim: IdempotencyKey, response: Response) -> None:
    db.session.execute(
        update(IdempotencyKey).where(IdempotencyKey.id == claim.id).values(
            status=response.status_code, body=response.get_data(as_text=True),
            location=response.headers.get("Location"))
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def _release(claim: IdempotencyKey) -> None:
    """Forget a claim whose request failed: the same key may be tried again."""
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == claim.id)
                       .execution_options(synchronize_session=False))
    db.session.commit()


def _replay(found: IdempotencyKey) -> Response:
    response = Response(found.body, status=found.status,
                        content_type=current_app.json.mimetype)
    if found.location:
        response.headers["Location"] = found.location
    response.headers[REPLAYED] = "true"
    return response


def delete_expired(now: datetime | None = None) -> int:
    """Delete keys past KEEP (the caller commits); the maintenance calls it."""
    cutoff = (now or utcnow()) - KEEP
    return db.session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.created_at <= cutoff)).rowcount
