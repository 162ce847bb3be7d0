"""The whole account as one JSON document (GET /api/me/export) and back (POST /api/me/import).

Each domain contributes its own keys through `export_data` / `import_data`; this module adds the
envelope and owns the transaction, so an import is all or nothing across domains.
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validate

from pmp.auth.models import User
from pmp.core.errors import BadRequest, ValidationFailed
from pmp.core.extensions import db
from pmp.core.models import utcnow
from pmp.core.schemas import BaseSchema, Timestamp
from pmp.gear import portability as gear
from pmp.workouts import portability as workouts

FORMAT = "pmp-export"
VERSION = 1
DOMAINS = (gear, workouts)


class DocumentSchema(BaseSchema):
    """The envelope; each domain validates its own lists in depth on import."""

    format = fields.String(required=True, validate=validate.Equal(FORMAT))
    version = fields.Integer(required=True, strict=True, validate=validate.Equal(VERSION))
    exported_at = Timestamp()
    account = fields.Dict()
    items = fields.List(fields.Raw(), load_default=list)
    packs = fields.List(fields.Raw(), load_default=list)
    custom_exercises = fields.List(fields.Raw(), load_default=list)
    workouts = fields.List(fields.Raw(), load_default=list)


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
    """Add every record of an export document (parsed JSON) to the account, all or nothing."""
    try:
        document = DocumentSchema().load(document)
    except ValidationError as exc:
        raise ValidationFailed("The body is not a pmp export document.", exc.messages) from None
    except RecursionError:  # a value nested deep enough for the parser, not for the checks
        raise BadRequest("The JSON is nested too deeply.") from None
    counts: dict[str, int] = {}
    try:
        counts.update(gear.import_data(user.id, {k: document[k] for k in ("items", "packs")}))
        counts.update(workouts.import_data(
            user.id, {k: document[k] for k in ("custom_exercises", "workouts")}))
    except Exception:
        db.session.rollback()
        raise
    db.session.commit()
    return counts
