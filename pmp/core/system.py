"""Liveness (/api/ping), readiness (/api/health) and the offline API docs' static files."""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from flask import Blueprint, jsonify, send_from_directory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from pmp.core.extensions import db, limiter

blp = Blueprint("system", __name__, url_prefix="/api")
log = logging.getLogger("pmp.health")


def app_version() -> str:
    try:
        return version("pmp")
    except PackageNotFoundError:
        return "0.0.0"


@blp.get("/ping")
@limiter.exempt
def ping():
    """Liveness: the process answers."""
    return jsonify(message="pong")


@blp.get("/health")
@limiter.exempt
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


@blp.get("/docs/static/<path:filename>")
@limiter.exempt
def docs_static(filename):
    """Swagger UI files from the installed swagger-ui-bundle package (no CDN)."""
    from swagger_ui_bundle import swagger_ui_path

    return send_from_directory(swagger_ui_path, filename, max_age=86400)
