"""Routes of /api/items: the gear inventory."""

from __future__ import annotations

from pmp.auth.guard import current_user, current_user_id
from pmp.core.pagination import total_header
from pmp.gear import items, schemas
from pmp.gear.blueprint import ITEM, STRINGS, blp, created, errors, json_response


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
