"""The public share page `/r/<code>`: rendered on the server, served from a cache.

A request costs one indexed query when the page is cached: the pack's `version` (every change
a reader can see adds one, pmp.gear.changes) and its owner's preferred unit. The cache is
keyed on what else changes the HTML: the code, the unit shown and the address the page names
itself by (og:url, from PUBLIC_URL or the request), and holds the page for one version; a
miss renders it from the same public document as GET /api/shared/<code> (three queries more).
The answer has a weak ETag of its bytes, so a browser that has it gets a 304.
"""

from __future__ import annotations

import gzip
import hashlib

from flask import Response, current_app, render_template, request, url_for

from pmp.core.errors import NotFound
from pmp.core.urls import public_root, share_page_url
from pmp.gear.packs import shared_detail, shared_version
from pmp.gear.units import UNITS
from pmp.web.page_cache import CachedPage, PageCache
from pmp.web.share_view import share_context

# Per worker: about sixty pages of 200 entries (a page is ~100 KB plus its gzip copy).
CACHE_BYTES = 8 * 1024 * 1024
CACHE_PAGES = 256
# What the page may load: its stylesheet and icon, and pictures of gear from anywhere (items'
# image_url). No script at all, no form, no frame.
SHARE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data: https: http:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def page_cache() -> PageCache:
    cache = current_app.extensions.get("pmp_share_cache")
    if cache is None:
        cache = current_app.extensions["pmp_share_cache"] = PageCache(CACHE_BYTES, CACHE_PAGES)
    return cache


def share_page(code: str, asset) -> Response:
    """The page of the pack shared with `code` in `?unit=` (else the owner's unit), or the
    HTML 404 page when no pack is shared with it."""
    state = shared_version(code)
    if state is None:
        return not_found_page(asset)
    asked = request.args.get("unit", "")
    unit = asked if asked in UNITS else state.weight_unit
    root = public_root()
    key = (code, unit, root, request.script_root)
    page = page_cache().get(key, state.version)
    if page is None:
        try:
            page = _render(code, unit, state.version, asset)
        except NotFound:  # unshared between the two queries
            return not_found_page(asset)
        page_cache().put(key, page)
    return _answer(page)


def not_found_page(asset) -> Response:
    html = render_template("share_404.html", asset=asset)
    return _headers(Response(html, 404, mimetype="text/html"))


def _render(code: str, unit: str, version: int, asset) -> CachedPage:
    doc = shared_detail(code, unit)
    context = share_context(doc, unit, share_page_url(code))
    csv_url = url_for("gear.shared_export_csv", share_code=code)
    html = render_template("share.html", asset=asset, csv_url=csv_url, **context).encode()
    etag = hashlib.sha256(html).hexdigest()[:32]
    return CachedPage(version, html, gzip.compress(html, compresslevel=6, mtime=0), etag)


def _answer(page: CachedPage) -> Response:
    # If-None-Match alone (weak comparison): Response.make_conditional also weighs dates and
    # ranges, which this page does not offer, at a sixth of what a cached answer costs.
    if request.if_none_match.contains_weak(page.etag):
        response = Response(status=304)
    else:
        gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
        response = Response(page.gzipped if gzipped else page.html, mimetype="text/html")
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.set_etag(page.etag, weak=True)
    return _headers(response)


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = SHARE_CSP
    # Revalidate every time: an unshared pack must disappear at once, also from caches.
    response.headers["Cache-Control"] = "no-cache"
    return response
