"""The web app's own routes: the app shell (for `/` and every app path the browser history
may show), its static files, and the public share page (rendered on the server, pmp.web.share).
The app itself talks to the JSON API only."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.routing import PathConverter

from pmp.core.errors import NotFound
from pmp.web import share
from pmp.web.assets import AssetStore

blp = Blueprint("web", __name__, template_folder="templates")


class AppPath(PathConverter):
    """A path of the app: anything but the API and the assets, which keep their own answers
    (a GET to a POST-only API route stays a 405, an unknown API path a JSON 404)."""

    regex = r"(?!api(?:/|$))(?!assets/)[^/].*?"


@blp.record_once
def _register_converter(state) -> None:
    state.app.url_map.converters["app_path"] = AppPath

# What a page of the app may load: its own scripts and styles only (no inline code), pictures
# of gear from anywhere on the web (items' image_url), calls to its own API.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
YEAR = "public, max-age=31536000, immutable"


def assets() -> AssetStore:
    store = current_app.extensions.get("pmp_assets")
    if store is None:
        store = current_app.extensions["pmp_assets"] = AssetStore()
    return store


def page(html: str, status: int = 200) -> Response:
    response = Response(html, status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = PAGE_CSP
    response.headers["Cache-Control"] = "no-cache"
    return response


@blp.get("/assets/<digest>/<path:name>")
def asset(digest: str, name: str):
    """A static file of the app; immutable under the current digest."""
    store = assets()
    found = store.get(name)
    if found is None:
        raise NotFound()
    gzipped = found.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", "")
    response = Response(found.gzipped if gzipped else found.data, mimetype=found.mimetype)
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    # An old page asking for an old digest gets today's file, and must not keep it.
    response.headers["Cache-Control"] = YEAR if digest == store.digest else "no-cache"
    response.headers["Content-Security-Policy"] = PAGE_CSP
    return response


# The files the service worker keeps at install: the app and its libraries (no licences).
PRECACHE_SUFFIXES = (".js", ".css", ".svg")
SW_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'"


@blp.get("/sw.js")
def service_worker():
    """The service worker, at the root so that its scope is the whole app. It names the
    current digest, so a new version of the app is a new worker; never cached itself."""
    store = assets()
    precache = [store.url(name) for name in store.files
                if name.startswith(("app/", "vendor/")) and name.endswith(PRECACHE_SUFFIXES)]
    body = render_template("sw.js", digest=store.digest, precache=precache)
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Content-Security-Policy"] = SW_CSP
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@blp.get("/r/<code>")
def share_page(code: str):
    """The public page of a shared pack (no JavaScript needed); an HTML 404 when the code is
    unknown or revoked. Its address is pmp.core.urls.SHARE_PAGE_PATH."""
    return share.share_page(code, assets().url)


@blp.get("/", defaults={"path": ""})
@blp.get("/<app_path:path>")
def app_shell(path: str):
    """The app for every path outside the API: the app's router reads the path."""
    return page(render_template("app.html", asset=assets().url))
