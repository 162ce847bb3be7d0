"""pmp: a self-hosted JSON API for gear inventories, packing lists and workout logs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dotenv import load_dotenv
from flask import Flask

from pmp.core.bodies import JsonProvider
from pmp.core.config import flask_config, read_settings

API_SETTINGS = {
    "API_TITLE": "pmp",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    "OPENAPI_SWAGGER_UI_URL": "/api/docs/static/",
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application; reads like a table of contents."""
    instance = os.environ.get("PMP_INSTANCE_PATH") or None
    app = Flask(__name__, instance_path=instance, instance_relative_config=True)
    app.json = JsonProvider(app)
    app.json.sort_keys = False
    load_config(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_hooks(app)
    register_cli(app)
    return app


def load_config(app: Flask, overrides: dict[str, Any] | None) -> None:
    load_dotenv(override=False)
    overrides = dict(overrides or {})
    settings = read_settings(overrides)
    app.config.update(flask_config(settings, Path(app.instance_path), app.debug))
    app.config.update(API_SETTINGS)
    app.config.update(
        JWT_ALGORITHM="HS256",
        JWT_TOKEN_LOCATION=["headers", "cookies"],
        JWT_REFRESH_COOKIE_PATH="/api/auth",
        JWT_REFRESH_CSRF_COOKIE_PATH="/",
        JWT_COOKIE_SECURE=app.config["COOKIE_SECURE"],
        JWT_COOKIE_SAMESITE=app.config["COOKIE_SAMESITE"],
        JWT_COOKIE_DOMAIN=app.config["COOKIE_DOMAIN"],
        JWT_COOKIE_CSRF_PROTECT=True,
        JWT_CSRF_CHECK_FORM=False,
        JWT_SESSION_COOKIE=False,
        RATELIMIT_DEFAULT=app.config["DEFAULT_RATE_LIMIT"],
        RATELIMIT_ENABLED=app.config["RATELIMIT_ENABLED"],
    )
    # Anything else a test or embedder passes (e.g. TESTING) goes straight to Flask.
    app.config.update({k: v for k, v in overrides.items() if k not in settings})


def register_extensions(app: Flask) -> None:
    from pmp.core.database import register_database
    from pmp.core.extensions import api, db, jwt, limiter, migrate
    from pmp.core.http import register_header_rules

    register_database(app)
    register_header_rules(app)  # before the limiter: see its docstring
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    jwt.init_app(app)
    limiter.init_app(app)
    api.init_app(app, spec_kwargs={"security": [{"bearerAuth": []}]})
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )


def register_blueprints(app: Flask) -> None:
    from pmp.account.routes import blp as account_blp
    from pmp.auth.routes import blp as auth_blp
    from pmp.core import system
    from pmp.core.extensions import api
    from pmp.gear.routes import blp as gear_blp
    from pmp.web.routes import blp as web_blp
    from pmp.workouts.routes import blp as workouts_blp

    app.register_blueprint(system.docs_blp)
    api.register_blueprint(system.blp, url_prefix="/api")
    api.register_blueprint(auth_blp, url_prefix="/api")
    api.register_blueprint(account_blp, url_prefix="/api")
    api.register_blueprint(gear_blp, url_prefix="/api")
    api.register_blueprint(workouts_blp, url_prefix="/api")
    app.register_blueprint(web_blp)  # last: its catch-all serves the app for other paths


def register_hooks(app: Flask) -> None:
    from pmp.auth.cleanup import register_maintenance
    from pmp.core.errors import register_error_handlers
    from pmp.core.http import register_web
    from pmp.core.logging import configure_logging, register_request_logging

    configure_logging(app)
    register_request_logging(app)
    register_web(app)
    register_maintenance(app)
    register_error_handlers(app)


def register_cli(app: Flask) -> None:
    from pmp.ops.cli import register_commands

    register_commands(app)
