"""The whole account as one JSON document (GET /api/me/export) and back (POST /api/me/import).

Each domain contributes its own keys: `export_data` on the way out; on the way in, its
`document.load_document` checks every record (pure, no database) and its `write_document` adds
them with bulk INSERTs. This module adds the envelope and the caps and owns the transaction:
an import is checked completely before its first write, and is all or nothing across domains.
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validate

from pmp.account.caps import check_caps
from pmp.auth.models import User
from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.core.records import RecordErrors
from pmp.core.schemas import BaseSchema, Timestamp
from pmp.gear import document as gear_document
from pmp.gear import portability as gear
from pmp.workouts import document as workouts_document
from pmp.workouts import portability as workouts

FORMAT = "pmp-export"
VERSION = 1
DOMAINS = (gear, workouts)
LISTS = ("items", "packs", "custom_exercises", "workouts", "plans")


class DocumentSchema(BaseSchema):
    """The envelope; each domain validates its own lists record by record on import."""

    format = fields.String(required=True, validate=validate.Equal(FORMAT))
    version = fields.Integer(required=True, strict=True, validate=validate.Equal(VERSION))
    exported_at = Timestamp()
    account = fields.Dict()
    items = fields.List(fields.Raw(), load_default=list)
    packs = fields.List(fields.Raw(), load_default=list)
    custom_exercises = fields.List(fields.Raw(), load_default=list)
    workouts = fields.List(fields.Raw(), load_default=list)
    plans = fields.List(fields.Raw(), load_default=list)


def export_account(user: User) -> dict:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utcnow(),
        "account": {
            "username": user.username,
            "email": user.email,
            "display_name": user.display_name,
            "preferences": {"weight_unit": user.weight_unit, "currency": user.currency},
        },
    }
    for domain in DOMAINS:
        document.update(domain.export_data(user.id))
    return document


def import_account(user: User, document: Any) -> dict[str, int]:
    """Add every record of an export document (parsed JSON) to the account, all or nothing.

    Nothing is written before the whole document passed: envelope, caps, every record, and
    every exercise it names (a read); then bulk INSERTs and one commit.
    """
    gear_doc, workouts_doc = _checked(user, document)
    try:
        plan = workouts.plan_exercises(user.id, workouts_doc)
        counts = gear.write_document(user, gear_doc)
        counts.update(workouts.write_document(user, workouts_doc, plan))
    except Exception:
        db.session.rollback()
        raise
    db.session.commit()
    return counts


def _checked(user: User, document: Any) -> tuple[dict, dict]:
    """Envelope, caps, then every record of both domains: one 422 lists all problems."""
    _check_envelope(document)
    check_caps(document)
    errors = RecordErrors()
    gear_doc = gear_document.load_document(document, user.weight_unit, errors)
    workouts_doc = workouts_document.load_document(
        {k: document[k] for k in workouts_document.KEYS if k in document}, errors)
    errors.raise_if_any("The document did not validate.")
    return gear_doc, workouts_doc


def _check_envelope(document: Any) -> None:
    """Format, version and the other keys; the four lists are left to their domains, so the
    envelope's own checks do not walk every record of a large document once more."""
    head = {k: v for k, v in document.items() if k not in LISTS} \
        if isinstance(document, dict) else document
    try:
        DocumentSchema().load(head)
    except ValidationError as exc:
        raise ValidationFailed("The body is not a pmp export document.", exc.messages) from None
