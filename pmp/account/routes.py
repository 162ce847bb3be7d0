"""Routes of /api/me: the account, its preferences and password, its deletion, and the whole
account exported and imported as one document."""

from __future__ import annotations

from pmp.account import caps, export, profile, schemas, upload
from pmp.auth import security_events
from pmp.auth.guard import api_blueprint, current_claims, current_user
from pmp.auth.ratelimits import keeps_email, password_confirmation
from pmp.auth.schemas import UserSchema
from pmp.core.models import utcnow
from pmp.core.pagination import total_header
from pmp.core.schemas import PageArgs

blp = api_blueprint("account", __name__, description="The account: profile, password, export")


@blp.route("/me", methods=["GET"])
@blp.response(200, UserSchema)
def get_me():
    """The account with its preferences."""
    return current_user()


@blp.route("/me", methods=["PATCH"])
@password_confirmation(exempt_when=keeps_email)
@blp.arguments(schemas.MePatchSchema)
@blp.response(200, UserSchema)
def patch_me(data):
    """Change display name, email (needs current_password) or preferences."""
    return profile.update_me(current_user(), data)


@blp.route("/me/password", methods=["PUT"])
@password_confirmation()
@blp.arguments(schemas.PasswordChangeSchema)
@blp.response(204)
def change_password(data):
    """Change the password; every other session is revoked, access tokens too."""
    profile.change_password(current_user(), data, current_claims().get("sid"))


@blp.route("/me", methods=["DELETE"])
@password_confirmation()
@blp.arguments(schemas.DeleteAccountSchema)
@blp.response(204)
def delete_me(data):
    """Delete the account and all its data."""
    profile.delete_account(current_user(), data["password"])


@blp.route("/me/export", methods=["GET"])
@blp.response(200, export.DocumentSchema)
def export_account():
    """Every record of the account as one JSON document, importable again."""
    user = current_user()
    stamp = utcnow().strftime("%Y%m%d")
    filename = f"pmp-export-{user.username}-{stamp}.json"
    return export.export_account(user), 200, {
        "Content-Disposition": f'attachment; filename="{filename}"'}


IMPORT_DESCRIPTION = (
    "The body may be gzip-compressed (`Content-Encoding: gzip`). It has its own size limit, "
    "`IMPORT_MAX_BYTES` (64 MiB by default, where other routes have `MAX_CONTENT_LENGTH`, "
    "4 MiB), for the body as sent and once inflated (413 beyond it). One import holds at most "
    f"{caps.describe()}: a document over a cap is refused with 422 naming it in `fields`. "
    "The whole document is checked before anything is written; a bad record is a 422 with "
    "its path in `fields` (`workouts.3.exercises.0.sets.2.reps`)."
)


@blp.route("/me/import", methods=["POST"])
@blp.doc(description=IMPORT_DESCRIPTION, requestBody={
    "required": True,
    "description": "The JSON document of `GET /api/me/export`, as it is or gzip-compressed.",
    "content": {"application/json": {"schema": export.DocumentSchema}},
}, parameters=[{
    "in": "header", "name": "Content-Encoding", "required": False,
    "description": "`gzip` for a compressed document; no other coding is accepted (415).",
    "schema": {"type": "string", "enum": ["gzip", "identity"]},
}])  # fmt: skip
@blp.alt_response(400, response="BAD_REQUEST")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
@blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
@blp.response(200, schemas.ImportCountsSchema)
def import_account():
    """Add the records of an export document to this account (all or nothing)."""
    document = upload.read_document()
    return {"imported": export.import_account(current_user(), document)}


@blp.route("/me/security-events", methods=["GET"])
@blp.arguments(PageArgs, location="query")
@blp.response(200, schemas.SecurityEventSchema(many=True))
def list_security_events(args):
    """Sign-ins, detected refresh-token reuse, password changes: newest first, paged."""
    events, total = security_events.list_events(current_user().id, args["limit"],
                                                args["offset"])
    return events, 200, total_header(total)


@blp.route("/me/security-events/acknowledge", methods=["POST"])
@blp.response(200, schemas.AcknowledgedSchema)
def acknowledge_security_events():
    """Mark every security alert as seen (unacknowledged_alerts drops to 0)."""
    return {"acknowledged": security_events.acknowledge(current_user().id)}
