"""Application set-up: configuration, health, docs, headers, CORS, proxies, SQLite."""

import json
import logging
import os
import re
import stat

import pytest
from openapi_spec_validator import validate
from sqlalchemy import text

from pmp import create_app
from pmp.core.config import ConfigError, read_settings
from pmp.core.extensions import db
from pmp.core.logging import JsonFormatter


def test_ping_and_health(client):
    assert client.get("/api/ping").get_json() == {"message": "pong"}
    body = client.get("/api/health").get_json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["version"]


def test_health_503_when_database_unreachable(client, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("down"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/api/health")
    assert response.status_code == 503
    body = response.get_json()
    assert body["database"] == "unreachable" and body["code"] == "service_unavailable"


def test_openapi_document_is_valid_and_lists_every_route(app, client):
    spec = client.get("/api/openapi.json").get_json()
    validate(spec)
    documented = {(path, method.upper()) for path, ops in spec["paths"].items()
                  for method in ops if method != "parameters"}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or rule.endpoint.startswith(
                ("api-docs", "api_docs_files")):
            continue
        path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, (path, method)
    assert spec["paths"]["/api/auth/login"]["post"]["security"] == []
    for public in ("/api/ping", "/api/health"):
        assert spec["paths"][public]["get"]["security"] == []
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_docs_are_served_without_a_cdn(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/api/docs/static/swagger-ui-bundle.js" in html
    assert "https://" not in html.split("<body>")[0]
    bundle = client.get("/api/docs/static/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.data) > 100_000
    bundle.close()


def test_jwt_secret_is_generated_once_with_private_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("JWT_SECRET_KEY", raising=False)
    first = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    second = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    secret_file = tmp_path / "jwt_secret"
    assert stat.S_IMODE(os.stat(secret_file).st_mode) == 0o600
    assert first.config["JWT_SECRET_KEY"] == second.config["JWT_SECRET_KEY"]
    assert len(first.config["JWT_SECRET_KEY"]) >= 32


def test_short_secret_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ConfigError, match="JWT_SECRET_KEY must be at least 32 bytes"):
        create_app({"JWT_SECRET_KEY": "short"})


@pytest.mark.parametrize("name,value,message", [
    ("ACCESS_TOKEN_MINUTES", "abc", "must be an integer"),
    ("ACCESS_TOKEN_MINUTES", "0", "between"),
    ("REGISTRATION", "sometimes", "must be one of"),
    ("COOKIE_SECURE", "maybe", "true or false"),
    ("LOGIN_RATE_LIMIT", "lots", "rate limit"),
])
def test_bad_settings_are_refused_by_name(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=message) as info:
        read_settings()
    assert name in str(info.value)


def test_sqlite_connections_are_tuned(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite only")
    with app.app_context():
        pragmas = {name: db.session.execute(text(f"PRAGMA {name}")).scalar()
                   for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}
    assert pragmas == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 1,
                       "busy_timeout": app.config["SQLITE_BUSY_TIMEOUT_MS"]}


def test_cors_only_for_configured_origins(tmp_path, monkeypatch):
    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/c.db",
                      "CORS_ORIGINS": "https://pack.example.org", "TESTING": True})
    client = app.test_client()
    allowed = client.options("/api/ping", headers={
        "Origin": "https://pack.example.org", "Access-Control-Request-Method": "GET"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://pack.example.org"
    assert allowed.headers["Access-Control-Allow-Credentials"] == "true"
    other = client.get("/api/ping", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_proxy_hops_are_trusted_only_when_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    direct, proxied = (
        create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/p.db", "TRUSTED_PROXIES": hops,
                    "TESTING": True})
        for hops in ("0", "1")
    )
    seen = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.ip)
    logger = logging.getLogger("pmp.request")
    logger.addHandler(handler)
    try:
        for app in (direct, proxied):
            app.test_client().get("/api/me", headers={"X-Forwarded-For": "6.6.6.6, 1.2.3.4"})
    finally:
        logger.removeHandler(handler)
    assert seen == ["127.0.0.1", "1.2.3.4"]


@pytest.mark.parametrize("path", ["/api/health", "/api/ping"])
def test_successful_probes_are_logged_at_debug_and_failed_ones_at_info(client, monkeypatch, path):
    """A HEALTHCHECK every few seconds must not write an info line each; a failure still does."""
    from sqlalchemy.exc import OperationalError

    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("pmp.request")
    logger.addHandler(handler)
    monkeypatch.setattr(logger, "level", logging.DEBUG)
    try:
        assert client.get(path).status_code == 200
        assert client.get("/api/me").status_code == 401
        if path == "/api/health":
            monkeypatch.setattr(db.session, "execute", lambda *a, **k: (_ for _ in ()).throw(
                OperationalError("SELECT 1", {}, Exception("down"))))
            assert client.get(path).status_code == 503
    finally:
        logger.removeHandler(handler)
    levels = [(r.path, r.status, r.levelno) for r in records]
    expected = [(path, 200, logging.DEBUG), ("/api/me", 401, logging.INFO)]
    if path == "/api/health":
        expected.append((path, 503, logging.INFO))
    assert levels == expected


def test_json_log_line_for_a_request():
    record = logging.LogRecord("pmp.request", logging.INFO, __file__, 1, "GET /api/ping 200",
                               (), None)
    record.request_id, record.status, record.user_id = "abc", 200, 7
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "GET /api/ping 200"
    assert line["request_id"] == "abc" and line["status"] == 200 and line["user_id"] == 7
    assert line["ts"].endswith("Z")


def test_conditional_get_with_etag(client, make_user):
    user = make_user()
    first = client.get("/api/me", headers=user.headers)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = client.get("/api/me", headers={**user.headers, "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    client.patch("/api/me", headers=user.headers, json={"display_name": "Changed"})
    changed = client.get("/api/me", headers={**user.headers, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "ETag" not in client.post("/api/auth/logout-all", headers=user.headers).headers
