"""Routes of /api/items, /api/packs and /api/shared: parse, call one service function, answer."""

from __future__ import annotations

from http import HTTPStatus

from flask import Response, current_app, request, url_for
from marshmallow import ValidationError

from pmp.auth.guard import api_blueprint, current_user, current_user_id, public
from pmp.core.errors import ApiError, PayloadTooLarge, ValidationFailed
from pmp.core.pagination import total_header
from pmp.core.urls import share_page_url
from pmp.gear import categories, entries, items, pack_csv, packs, schemas
from pmp.gear.lighterpack import MAX_BYTES

blp = api_blueprint("gear", __name__, description="Gear inventory, packs and Lighterpack CSV")

# Ids beyond the database's integer range are a 404 for every blueprint
# (pmp.core.http.ids_in_range).
ITEM = "/items/<int:item_id>"
PACK = "/packs/<int:pack_id>"
ENTRY = f"{PACK}/entries/<int:entry_id>"
CATEGORY = f"{PACK}/categories/<int:category_id>"
STRINGS = {"type": "array", "items": {"type": "string"}}


def errors(*statuses: int):
    """Document the error answers of a view (the envelope of pmp.core.errors)."""

    def decorate(view):
        for status in statuses:
            view = blp.alt_response(status, response=HTTPStatus(status).name)(view)
        return view

    return decorate


def json_response(doc, status: int = 200, headers: dict | None = None) -> Response:
    """A ready response: the views built plain dicts, no schema pass needed."""
    response = current_app.json.response(doc)
    response.status_code = status
    response.headers.update(headers or {})
    return response


def created(doc: dict, endpoint: str, **values) -> Response:
    return json_response(doc, 201, {"Location": url_for(endpoint, **values)})


def csv_response(filename: str, text: str) -> Response:
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
    })  # fmt: skip


# -- items -----------------------------------------------------------------------------------


@blp.route("/items", methods=["GET"])
@blp.arguments(schemas.ItemQuerySchema, location="query")
@blp.response(200, schemas.ItemOutSchema(many=True))
def list_items(args):
    """List the inventory (filter by category or text, sort, page; X-Total-Count)."""
    page, total = items.list_items(current_user_id(), args)
    return json_response(page, headers=total_header(total))


@blp.route("/items/categories", methods=["GET"])
@blp.response(200, STRINGS)
def item_categories():
    """The distinct categories of your items, sorted ("" for items without one)."""
    return json_response(items.list_categories(current_user_id()))


@blp.route("/items", methods=["POST"])
@blp.arguments(schemas.ItemSchema)
@blp.response(201, schemas.ItemOutSchema)
def create_item(data):
    """Add an item to the inventory."""
    item = items.create_item(current_user(), data)
    return created(item, "gear.get_item", item_id=item["id"])


@blp.route(ITEM, methods=["GET"])
@errors(404)
@blp.response(200, schemas.ItemOutSchema)
def get_item(item_id):
    """One item."""
    return json_response(items.get_item(current_user_id(), item_id))


@blp.route(ITEM, methods=["PATCH"])
@errors(404)
@blp.arguments(schemas.ItemPatchSchema)
@blp.response(200, schemas.ItemOutSchema)
def update_item(data, item_id):
    """Change an item (only the fields sent)."""
    return json_response(items.update_item(current_user_id(), item_id, data))


@blp.route(ITEM, methods=["DELETE"])
@errors(404)
@blp.response(204)
def delete_item(item_id):
    """Delete an item; it leaves every pack."""
    items.delete_item(current_user_id(), item_id)


# -- packs -----------------------------------------------------------------------------------


@blp.route("/packs", methods=["GET"])
@blp.arguments(schemas.UnitQuerySchema, location="query")
@blp.response(200, schemas.PackSummaryOutSchema(many=True))
def list_packs(args):
    """List the packs with their totals."""
    return json_response(packs.list_packs(current_user(), args.get("unit")))


@blp.route("/packs", methods=["POST"])
@blp.arguments(schemas.PackSchema)
@blp.response(201, schemas.PackOutSchema)
def create_pack(data):
    """Create an empty pack."""
    pack = packs.create_pack(current_user(), data)
    return created(pack, "gear.get_pack", pack_id=pack["id"])


@blp.route(PACK, methods=["GET"])
@errors(404)
@blp.arguments(schemas.UnitQuerySchema, location="query")
@blp.response(200, schemas.PackOutSchema)
def get_pack(args, pack_id):
    """One pack with its entries and totals (in ?unit= or the preferred unit)."""
    return json_response(packs.get_pack(current_user(), pack_id, args.get("unit")))


@blp.route(PACK, methods=["PATCH"])
@errors(404)
@blp.arguments(schemas.PackPatchSchema)
@blp.response(200, schemas.PackOutSchema)
def update_pack(data, pack_id):
    """Rename a pack or change its description."""
    return json_response(packs.update_pack(current_user(), pack_id, data))


@blp.route(PACK, methods=["DELETE"])
@errors(404)
@blp.response(204)
def delete_pack(pack_id):
    """Delete a pack (its items stay in the inventory)."""
    packs.delete_pack(current_user_id(), pack_id)


@blp.route(f"{PACK}/duplicate", methods=["POST"])
@errors(404)
@blp.response(201, schemas.PackOutSchema)
def duplicate_pack(pack_id):
    """Copy a pack with all its entries."""
    pack = packs.duplicate_pack(current_user(), pack_id)
    return created(pack, "gear.get_pack", pack_id=pack["id"])


@blp.route(f"{PACK}/entries", methods=["POST"])
@errors(404, 409)
@blp.arguments(schemas.EntryCreateSchema)
@blp.response(201, schemas.EntryOutSchema)
def add_entry(data, pack_id):
    """Put an item (existing by item_id, or new as item) into a pack; 409 if already there."""
    entry = entries.add_entry(current_user(), pack_id, data)
    return json_response(entry, 201, {"Location": url_for(
        "gear.get_pack", pack_id=pack_id, _anchor=f"entry-{entry['id']}")})


@blp.route(ENTRY, methods=["PATCH"])
@errors(404)
@blp.arguments(schemas.EntryChangeSchema)
@blp.response(200, schemas.EntryOutSchema)
def update_entry(data, pack_id, entry_id):
    """Change how an entry is packed, its star or tick, or move it (category_id, index)."""
    return json_response(entries.update_entry(current_user_id(), pack_id, entry_id, data))


@blp.route(ENTRY, methods=["DELETE"])
@errors(404)
@blp.response(204)
def delete_entry(pack_id, entry_id):
    """Take an item out of a pack (it stays in the inventory)."""
    entries.delete_entry(current_user_id(), pack_id, entry_id)


# -- categories and the packing checklist ----------------------------------------------------


@blp.route(f"{PACK}/categories", methods=["GET"])
@errors(404)
@blp.response(200, schemas.CategoryOutSchema(many=True))
def list_categories(pack_id):
    """The pack's categories in order, with their colours and entry counts."""
    return json_response(categories.list_categories(current_user_id(), pack_id))


@blp.route(f"{PACK}/categories", methods=["POST"])
@errors(404, 409)
@blp.arguments(schemas.CategorySchema)
@blp.response(201, schemas.CategoryOutSchema)
def create_category(data, pack_id):
    """Add a (possibly empty) category to the pack; 409 if the pack has one of that name."""
    category = categories.create_category(current_user_id(), pack_id, data)
    return json_response(category, 201, {"Location": url_for(
        "gear.list_categories", pack_id=pack_id, _anchor=f"category-{category['id']}")})


@blp.route(CATEGORY, methods=["PATCH"])
@errors(404, 409)
@blp.arguments(schemas.CategoryPatchSchema)
@blp.response(200, schemas.CategoryOutSchema)
def update_category(data, pack_id, category_id):
    """Rename (in this pack only), recolour or move a category."""
    return json_response(categories.update_category(current_user_id(), pack_id, category_id,
                                                    data))


@blp.route(CATEGORY, methods=["DELETE"])
@errors(404)
@blp.response(204)
def delete_category(pack_id, category_id):
    """Delete a category with its entries (the items stay in the inventory)."""
    categories.delete_category(current_user_id(), pack_id, category_id)


@blp.route(f"{PACK}/checklist/reset", methods=["POST"])
@errors(404)
@blp.arguments(schemas.UnitQuerySchema, location="query")
@blp.response(200, schemas.PackOutSchema)
def reset_checklist(args, pack_id):
    """Untick every entry of the packing checklist."""
    return json_response(entries.reset_checklist(current_user(), pack_id, args.get("unit")))


# -- sharing and Lighterpack CSV -------------------------------------------------------------


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
