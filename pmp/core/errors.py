"""One JSON error envelope for every error, whatever raised it (see API.md, "Conventions").

`{"error": "Human readable message", "code": "machine_code", "fields": {...}}`, with `fields`
only on validation errors. Handlers are registered on the application, never on a blueprint,
so routing errors get the envelope too.
"""

from __future__ import annotations

import logging

import jwt as pyjwt
from flask import Flask, g, jsonify
from flask_jwt_extended.exceptions import (
    CSRFError,
    JWTExtendedException,
    NoAuthorizationError,
    RevokedTokenError,
)
from werkzeug.exceptions import HTTPException

log = logging.getLogger("pmp.errors")


class ApiError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, status: int | None = None, code: str | None = None,
                 fields: dict | None = None, headers: dict | None = None):
        super().__init__(message)
        self.message = message
        self.status = status or self.status
        self.code = code or self.code
        self.fields = fields
        self.headers = headers or {}


class BadRequest(ApiError):
    status, code = 400, "bad_request"


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class NotFound(ApiError):
    status, code = 404, "not_found"

    def __init__(self, message: str = "Not found.", **kwargs):
        super().__init__(message, **kwargs)


class Conflict(ApiError):
    status, code = 409, "conflict"


class PayloadTooLarge(ApiError):
    status, code = 413, "payload_too_large"


class ValidationFailed(ApiError):
    status, code = 422, "validation_error"

    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(message, fields=fields or {})


class DatabaseBusy(ApiError):
    """Another writer held the database longer than the busy timeout: retry shortly."""

    status, code = 503, "database_busy"

    def __init__(self, message: str = "The database is busy with other writes; retry shortly."):
        super().__init__(message, headers={"Retry-After": "1"})


HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
}

HTTP_MESSAGES = {
    400: "The request could not be understood (malformed JSON?).",
    404: "Not found.",
    405: "Method not allowed on this resource.",
    413: "The request body is too large.",
    422: "The request did not validate.",
    429: "Too many requests; slow down and retry later.",
}


def envelope(message: str, code: str, status: int, fields=None, headers=None):
    body = {"error": message, "code": code}
    if fields is not None:
        body["fields"] = fields
    response = jsonify(body)
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def handle_api_error(error: ApiError):
    return envelope(error.message, error.code, error.status, error.fields, error.headers)


def _flatten_messages(messages) -> dict:
    """webargs reports errors per location ({"json": {...}}); clients want field -> messages."""
    fields: dict = {}
    if not isinstance(messages, dict):
        return {"_schema": messages if isinstance(messages, list) else [str(messages)]}
    for location_errors in messages.values():
        if isinstance(location_errors, dict):
            fields.update(location_errors)
        else:
            fields.setdefault("_schema", []).extend(
                location_errors if isinstance(location_errors, list) else [str(location_errors)]
            )
    return fields


def handle_http_exception(error: HTTPException):
    status = error.code or 500
    code = HTTP_CODES.get(status, "http_error")
    data = getattr(error, "data", None) or {}
    headers = {}
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    if status == 429:
        headers["Retry-After"] = str(_retry_after(error))
    messages = data.get("messages")
    if status == 422:
        fields = _flatten_messages(messages or {})
        return envelope(HTTP_MESSAGES[422], code, 422, fields, headers)
    if status == 400 and messages:
        return envelope("Malformed JSON in the request body.", code, 400, None, headers)
    message = data.get("message") or HTTP_MESSAGES.get(status) or error.description or error.name
    return envelope(message, code, status, None, headers)


def _retry_after(error) -> int:
    limit = getattr(error, "limit", None)
    seconds = 60
    if limit is not None:
        try:
            seconds = int(limit.limit.get_expiry())
        except (AttributeError, TypeError, ValueError):
            seconds = 60
    return max(1, seconds)


def jwt_error_code(error: Exception) -> tuple[str, str]:
    if isinstance(error, pyjwt.ExpiredSignatureError):
        return "token_expired", "The token has expired."
    if isinstance(error, CSRFError):
        return "csrf_failed", "Missing or invalid CSRF token."
    if isinstance(error, NoAuthorizationError):
        return "unauthorized", "Authentication required."
    if isinstance(error, RevokedTokenError):
        return "token_revoked", "The token has been revoked."
    return "token_invalid", "The token is invalid."


def handle_jwt_error(error: Exception):
    code, message = jwt_error_code(error)
    return envelope(message, code, 401)


def handle_unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    request_id = g.get("request_id", "-")
    log.exception("unhandled exception (request_id=%s)", request_id)
    return envelope(
        f"An unexpected error occurred. Request id: {request_id}.", "internal_error", 500
    )


def register_error_handlers(app: Flask) -> None:
    """Call after jwt.init_app and api.init_app: their own handlers are replaced here."""
    for exc_class in list(app.error_handler_spec[None][None]):
        if issubclass(exc_class, JWTExtendedException | pyjwt.PyJWTError):
            app.register_error_handler(exc_class, handle_jwt_error)
    app.register_error_handler(JWTExtendedException, handle_jwt_error)
    app.register_error_handler(pyjwt.PyJWTError, handle_jwt_error)
    app.register_error_handler(ApiError, handle_api_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
