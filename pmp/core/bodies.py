"""Request bodies: JSON only, parsed once with bounded nesting, and never mistaken for `{}`.

Every JSON route is declared with `Blueprint.arguments(Schema)` (location "json"). Here that
declaration also checks the body itself, before webargs reads it:
- a body of another content type (a form, text/plain) is 415 `unsupported_media_type`, not
  an empty object that a PATCH would happily apply;
- no body where the route needs one is 400 `bad_request`;
- JSON nested deeper than the parser can follow is 400, like any other malformed JSON.
"""

from __future__ import annotations

import json
from functools import wraps

from flask import current_app, request
from flask.json.provider import DefaultJSONProvider
from flask_smorest import Blueprint
from webargs.core import is_json
from webargs.flaskparser import FlaskParser

from pmp.core.errors import ApiError, BadRequest


class JsonProvider(DefaultJSONProvider):
    """Flask's JSON, answering `application/json; charset=utf-8` (the contract's type) and
    turning nesting too deep for the parser into a decoding error (400), not a RecursionError."""

    mimetype = "application/json; charset=utf-8"

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            document = s if isinstance(s, str) and s else "<body>"
            raise json.JSONDecodeError("The JSON is nested too deeply.", document, 0) from None


class JsonBodyParser(FlaskParser):
    """webargs' Flask parser, decoding with the application's JSON provider."""

    def _raw_load_json(self, req):
        if not is_json_request():
            return super()._raw_load_json(req)
        data = req.get_data(cache=True)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise json.JSONDecodeError(f"Bytes decoding error: {exc.reason}", "<body>",
                                       exc.start) from None
        return current_app.json.loads(text)


def is_json_request() -> bool:
    return is_json(request.mimetype)


def check_json_body(required: bool) -> None:
    """Refuse a body that is not JSON, and a missing one where the route needs it."""
    has_body = bool(request.get_data(cache=True))
    if has_body and not is_json_request():
        raise ApiError("Send the body as JSON (Content-Type: application/json).", 415,
                       "unsupported_media_type")
    if required and not has_body:
        raise BadRequest("This request needs a JSON body.")


class PmpBlueprint(Blueprint):
    """A flask-smorest Blueprint whose JSON arguments check the body they come in."""

    ARGUMENTS_PARSER = JsonBodyParser()

    def arguments(self, schema, *, location="json", required=True, **kwargs):
        declare = super().arguments(schema, location=location, required=required, **kwargs)
        if location != "json":
            return declare

        def decorate(view):
            parsed = declare(view)

            @wraps(parsed)
            def checked(*args, **kw):
                check_json_body(required)
                return parsed(*args, **kw)

            return checked

        return decorate
