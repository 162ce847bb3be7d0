"""The gear blueprint and what its route modules share: paths, documented errors, answers.

The routes themselves are in item_routes, pack_routes and share_routes (registered by
pmp.gear.routes); each parses, calls one service function and answers.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Response, current_app, url_for

from pmp.auth.guard import api_blueprint

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
