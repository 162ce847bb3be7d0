"""The service worker at /sw.js: served from the root (its scope is the whole app), never cached,
naming the current digest and the files it keeps, and leaving the API alone."""

import json
import re

from tests.web.test_app_shell import digest_of


def test_the_service_worker_is_served_at_the_root_and_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert client.post("/sw.js").status_code == 405


def test_it_names_the_current_digest_and_keeps_files_that_exist(client):
    digest = digest_of(client.get("/").get_data(as_text=True))
    script = client.get("/sw.js").get_data(as_text=True)
    assert f'const VERSION = "{digest}";' in script
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    assert f"/assets/{digest}/app/main.js" in precache
    assert f"/assets/{digest}/app/screens/train.js" in precache
    assert f"/assets/{digest}/app/styles.css" in precache
    assert all(url.startswith(f"/assets/{digest}/") for url in precache)
    assert not any("LICENSE" in url or url.endswith(".md") for url in precache)
    for url in precache:
        assert client.get(url).status_code == 200, url


def test_it_caches_no_api_answers(client):
    script = client.get("/sw.js").get_data(as_text=True)
    assert 'url.pathname.startsWith("/api/")' in script
    # Only GETs of the app's own origin are answered by the worker.
    assert 'request.method !== "GET"' in script
