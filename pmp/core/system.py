"""Liveness (/api/ping), readiness (/api/health) and the offline API docs' static files."""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from flask import Blueprint, jsonify, send_from_directory
from marshmallow import Schema, fields
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from pmp.core.bodies import PmpBlueprint
from pmp.core.extensions import db, limiter

# Documented in the OpenAPI document (public: no bearer token).
blp = PmpBlueprint("system", __name__, description="Liveness and readiness")
# The API docs' own files are not part of the API.
docs_blp = Blueprint("api_docs_files", __name__, url_prefix="/api")
log = logging.getLogger("pmp.health")
PUBLIC = {"security": []}


class PongSchema(Schema):
    message = fields.String(metadata={"example": "pong"})


class HealthSchema(Schema):
    status = fields.String(metadata={"description": "ok, or unavailable (503)"})
    database = fields.String(metadata={"description": "ok, or unreachable (503)"})
    version = fields.String()


def app_version() -> str:
    try:
        return version("pmp")
    except PackageNotFoundError:
        return "0.0.0"


@blp.route("/ping", methods=["GET"])
@limiter.exempt
@blp.doc(**PUBLIC)
@blp.response(200, PongSchema)
def ping():
    """Liveness: the process answers."""
    return jsonify(message="pong")


@blp.route("/health", methods=["GET"])
@limiter.exempt
@blp.doc(**PUBLIC)
@blp.response(200, HealthSchema)
@blp.alt_response(503, schema=HealthSchema, description="The database is unreachable.")
def health():
    """Readiness: the database answers a query."""
    try:
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.error("health check failed: %s", exc.__class__.__name__)
        body = {"status": "unavailable", "database": "unreachable", "version": app_version(),
                "error": "The database is unreachable.", "code": "service_unavailable"}
        return jsonify(body), 503
    return jsonify(status="ok", database="ok", version=app_version())


@docs_blp.get("/docs/static/<path:filename>")
@limiter.exempt
def docs_static(filename):
    """Swagger UI files from the installed swagger-ui-bundle package (no CDN)."""
    from swagger_ui_bundle import swagger_ui_path

    return send_from_directory(swagger_ui_path, filename, max_age=86400)
