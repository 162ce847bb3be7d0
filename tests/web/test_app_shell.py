"""The app shell and its files, served by the application itself (no build step, no CDN)."""

import gzip
import re

from pmp.web.routes import PAGE_CSP


def digest_of(page_html: str) -> str:
    return re.search(r"/assets/([0-9a-f]{16})/app/main\.js", page_html).group(1)


def test_every_app_path_gets_the_shell(client):
    for path in ("/", "/packs", "/packs/12/checklist", "/gear", "/account", "/no/such/screen"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "text/html"
        html = response.get_data(as_text=True)
        assert '<script type="module" src="/assets/' in html
        assert "<script>" not in html and " style=" not in html  # nothing inline (CSP)
        assert response.headers["Content-Security-Policy"] == PAGE_CSP
        assert "script-src 'self'" in PAGE_CSP and "unsafe" not in PAGE_CSP
        assert response.headers["X-Frame-Options"] == "DENY"


def test_api_paths_keep_the_json_envelope(client):
    for path in ("/api/nope", "/api", "/api/packs/x"):
        response = client.get(path)
        assert response.status_code == 404 and response.mimetype == "application/json"
        assert response.get_json()["code"] == "not_found"
    assert client.post("/packs").status_code == 405


def test_assets_are_immutable_under_the_current_digest_and_gzipped(client):
    digest = digest_of(client.get("/").get_data(as_text=True))
    plain = client.get(f"/assets/{digest}/app/main.js")
    assert plain.status_code == 200 and plain.mimetype == "text/javascript"
    assert plain.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert plain.headers["Content-Security-Policy"] == PAGE_CSP
    packed = client.get(f"/assets/{digest}/app/main.js", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert "Accept-Encoding" in packed.headers["Vary"]
    stale = client.get("/assets/0000000000000000/app/main.js")
    assert stale.status_code == 200 and stale.headers["Cache-Control"] == "no-cache"
    assert client.get(f"/assets/{digest}/app/nope.js").status_code == 404
    assert client.get(f"/assets/{digest}/../../config.py").status_code == 404


def test_every_module_the_app_imports_exists(client):
    """Relative imports of every module resolve to a served file (no build step checks it)."""
    digest = digest_of(client.get("/").get_data(as_text=True))
    pending, seen = ["app/main.js"], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        response = client.get(f"/assets/{digest}/{name}")
        assert response.status_code == 200, name
        if not name.endswith(".js"):
            continue
        base = name.rsplit("/", 1)[0]
        for spec in re.findall(r"""(?:from|import)\s*\(?\s*["'](\.{1,2}/[^"']+)["']""",
                               response.get_data(as_text=True)):
            parts = base.split("/")
            for piece in spec.split("/"):
                if piece == "..":
                    parts.pop()
                elif piece != ".":
                    parts.append(piece)
            if not spec.endswith(".d.ts"):  # JSDoc type imports in comments
                pending.append("/".join(parts))
    assert "app/screens/auth.js" in seen and any("preact" in n for n in seen)
