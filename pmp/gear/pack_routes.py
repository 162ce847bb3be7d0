"""Routes of /api/packs: packs, their entries and categories, the packing checklist."""

from __future__ import annotations

from flask import url_for

from pmp.auth.guard import current_user, current_user_id
from pmp.gear import categories, entries, packs, schemas
from pmp.gear.blueprint import CATEGORY, ENTRY, PACK, blp, created, errors, json_response


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
