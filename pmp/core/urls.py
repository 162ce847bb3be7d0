"""Absolute URLs of pmp's pages, as the people who open them reach pmp.

`PUBLIC_URL` (https://pack.example.org, with a path when pmp lives under one) wins; without it
the request says where pmp is: its scheme, host with port and script root, which ProxyFix has
already taken from the trusted proxies' `X-Forwarded-*` headers (`TRUSTED_PROXIES`). Links
that leave pmp (a share link pasted into a chat) need it; links inside a page stay relative.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import current_app, request

# The public share page; served by the web wing (pmp.web.routes.share_page), named here so
# that the API (gear) can hand out its address without importing the wing above it.
SHARE_PAGE_PATH = "/r/{code}"


def public_root() -> str:
    """`PUBLIC_URL`, else this request's scheme://host[:port][/script root], no final slash."""
    configured = current_app.config.get("PUBLIC_URL")
    if configured:
        return configured
    # What request.url_root says, without its IRI round trip: that took a tenth of what a
    # cached share page costs. The host keeps its ASCII (punycode) form, right for a link.
    return f"{request.scheme}://{request.host}{quote(request.root_path)}"


def public_url(path: str) -> str:
    """The absolute URL of a path of pmp ("/r/abc" -> "https://pack.example.org/r/abc")."""
    return public_root() + path


def share_page_url(code: str) -> str:
    return public_url(SHARE_PAGE_PATH.format(code=code))
