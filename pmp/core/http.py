"""HTTP hardening: proxy hops, security headers, CORS for configured origins only."""

from __future__ import annotations

from flask import Flask, request
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix

from pmp.core.errors import NotFound
from pmp.core.schemas import DB_INT_MAX

JSON_CSP = "default-src 'none'; frame-ancestors 'none'"
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
JSON_TYPE = "application/json; charset=utf-8"
# Headers a browser script on an allowed origin may read.
EXPOSED = ["Content-Disposition", "ETag", "Idempotency-Replayed", "Location", "Retry-After",
           "X-Total-Count", "X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining",
           "X-RateLimit-Reset"]


def register_web(app: Flask) -> None:
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        # Trust exactly the configured number of proxies, never a client-sent header.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops,
                                x_prefix=hops)
    origins = app.config["CORS_ORIGINS"]
    if origins:
        CORS(app, resources={r"/api/*": {"origins": origins}}, supports_credentials=True,
             expose_headers=EXPOSED, max_age=600)
    app.url_value_preprocessor(ids_in_range)
    app.after_request(security_headers)
    app.after_request(conditional_get)


def register_header_rules(app: Flask) -> None:
    """Call before `limiter.init_app`: Flask runs after-request hooks in reverse order of
    registration, so this one runs after flask-limiter has added its headers."""
    app.after_request(tidy_headers)


def tidy_headers(response):
    """What the contract says of every answer's headers, whoever built the answer.

    `Retry-After` only on 429 and 503 (flask-limiter adds it to every answer); no body and no
    content type on 204; JSON says its charset.
    """
    if response.status_code not in (429, 503):
        response.headers.pop("Retry-After", None)
    if response.status_code == 204:
        response.headers.pop("Content-Type", None)
        response.set_data(b"")
    elif response.mimetype == "application/json" and "charset" not in response.content_type:
        response.content_type = JSON_TYPE
    return response


def ids_in_range(endpoint, values) -> None:
    """Ids beyond the database's integer range are simply not found (not an overflow)."""
    if any(isinstance(v, int) and v > DB_INT_MAX for v in (values or {}).values()):
        raise NotFound()


def conditional_get(response):
    """ETag on every successful JSON or CSV read; a matching If-None-Match gets a bare 304.

    The body is still built, but a polling frontend downloads nothing when nothing changed.
    """
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.direct_passthrough or response.mimetype not in ("application/json", "text/csv"):
        return response
    response.add_etag()
    response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


def security_headers(response):
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    docs = request.path.startswith("/api/docs")
    headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else JSON_CSP)
    if not docs and "ETag" not in headers:
        headers.setdefault("Cache-Control", "no-store")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response
