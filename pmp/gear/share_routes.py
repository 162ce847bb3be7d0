"""Routes of sharing (/api/packs/<id>/share, /api/shared) and of the Lighterpack CSV."""

from __future__ import annotations

from flask import request
from marshmallow import ValidationError

from pmp.auth.guard import current_user, current_user_id, public
from pmp.core.errors import ApiError, PayloadTooLarge, ValidationFailed
from pmp.core.urls import share_page_url
from pmp.gear import pack_csv, packs, schemas
from pmp.gear.blueprint import PACK, blp, created, csv_response, errors, json_response
from pmp.gear.lighterpack import MAX_BYTES


@blp.route(f"{PACK}/share", methods=["POST"])
@errors(404)
@blp.response(200, schemas.ShareOutSchema)
def share_pack(pack_id):
    """Share a pack publicly (idempotent): its code and the public page's absolute URL."""
    code = packs.share_pack(current_user_id(), pack_id)
    return json_response({"share_code": code, "share_url": share_page_url(code)})


@blp.route(f"{PACK}/share", methods=["DELETE"])
@errors(404)
@blp.response(204)
def unshare_pack(pack_id):
    """Stop sharing a pack; the old code stops working at once."""
    packs.unshare_pack(current_user_id(), pack_id)


@blp.route(f"{PACK}/export.csv", methods=["GET"])
@errors(404)
@blp.response(200, {"type": "string"}, content_type="text/csv")
def export_csv(pack_id):
    """The pack as a Lighterpack CSV file."""
    return csv_response(*pack_csv.export_csv(current_user(), pack_id))


IMPORT_BODY = {
    "required": True,
    "content": {
        "text/csv": {"schema": {"type": "string"}},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"},
                           "name": {"type": "string", "maxLength": 200,
                                    "description": "name of the new pack (default: the file's "
                                                   "name, e.g. Summer_Trip.csv: Summer Trip)"}},
        }},
    },
}  # fmt: skip


@blp.route("/packs/import", methods=["POST"])
@errors(413, 415)
@blp.doc(requestBody=IMPORT_BODY)
@blp.arguments(schemas.ImportQuerySchema, location="query")
@blp.response(201, schemas.ImportedPackOutSchema)
def import_pack(args):
    """A new pack from a Lighterpack CSV (multipart `file` or a text/csv body); all or nothing."""
    name = args.get("name") or _form_name()
    data, filename = _uploaded_csv()
    pack = pack_csv.import_pack(current_user(), data, name, filename)
    return created(pack, "gear.get_pack", pack_id=pack["id"])


def _form_name() -> str | None:
    """The optional `name` form field of a multipart upload, validated like the query arg."""
    if not request.form.get("name"):
        return None
    try:
        return schemas.ImportQuerySchema().load({"name": request.form["name"]})["name"]
    except ValidationError as exc:
        raise ValidationFailed("The request did not validate.", exc.messages) from None


def _uploaded_csv() -> tuple[bytes, str | None]:
    """The CSV bytes, read no further than the limit, and the uploaded file's name if any."""
    filename = None
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file")
        if upload is None:
            raise ApiError("Send the CSV as the multipart field 'file'.", 422,
                           "validation_error", {"file": ["Missing data for required field."]})
        data, filename = upload.stream.read(MAX_BYTES + 1), upload.filename
    elif request.mimetype in ("text/csv", "text/plain", "application/csv"):
        data = request.stream.read(MAX_BYTES + 1)
    else:
        raise ApiError("Send a text/csv body or a multipart/form-data upload.", 415,
                       "unsupported_media_type")
    if len(data) > MAX_BYTES:
        raise PayloadTooLarge(f"The CSV file is larger than {MAX_BYTES} bytes.")
    return data, filename


@blp.route("/shared/<share_code>", methods=["GET"])
@errors(404)
@public
@blp.arguments(schemas.UnitQuerySchema, location="query")
@blp.response(200, schemas.PackOutSchema)
def shared_pack(args, share_code):
    """A publicly shared pack, with entries and totals; no owner data."""
    return json_response(packs.shared_detail(share_code, args.get("unit")))


@blp.route("/shared/<share_code>/export.csv", methods=["GET"])
@errors(404)
@public
@blp.response(200, {"type": "string"}, content_type="text/csv")
def shared_export_csv(share_code):
    """A publicly shared pack as a Lighterpack CSV file."""
    return csv_response(*pack_csv.export_shared_csv(share_code))
