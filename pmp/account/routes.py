"""Routes of /api/me: the account, its preferences and password, its deletion, and the whole
account exported and imported as one document."""

from __future__ import annotations

from pmp.account import export, profile, schemas
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


@blp.route("/me/import", methods=["POST"])
@blp.arguments(export.DocumentSchema)
@blp.response(200, schemas.ImportCountsSchema)
def import_account(document):
    """Add the records of an export document to this account (all or nothing)."""
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
