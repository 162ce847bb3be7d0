"""Garbage in, a clear 4xx out, nothing written (issue #11): lone surrogates, huge numbers,
deep nesting, bodies that are not JSON, headers that every answer must (not) carry."""

import json

import pytest

from pmp.core.config import ConfigError, read_settings
from tests.conftest import PASSWORD
from tests.core.test_errors import assert_envelope

SURROGATE = '"\\ud800"'  # a lone high surrogate, as JSON writes it


@pytest.fixture
def world(client, make_user):
    user = make_user()
    h = user.headers
    item = client.post("/api/items", json={"name": "Tent", "weight": 900}, headers=h).get_json()
    pack = client.post("/api/packs", json={"name": "Trip"}, headers=h).get_json()
    workout = client.post("/api/workouts", json={"performed_at": "2026-01-01T10:00:00Z"},
                          headers=h).get_json()
    exercises = client.get("/api/exercises", headers=h).get_json()
    entry = client.post(f"/api/workouts/{workout['id']}/exercises",
                        json={"exercise_id": exercises[0]["id"]}, headers=h).get_json()
    return {"user": user, "item": item, "pack": pack, "workout": workout, "entry": entry}


def raw(client, method, url, text, headers=None):
    return client.open(url, method=method, data=text, content_type="application/json",
                       headers=headers or {})


def counts(client, user) -> dict:
    export = client.get("/api/me/export", headers=user.headers).get_json()
    return {key: len(export[key]) for key in ("items", "packs", "workouts", "custom_exercises")}


@pytest.mark.parametrize(("method", "url", "body"), [
    ("POST", "/api/auth/login", '{"login": %s, "password": "x"}'),
    ("POST", "/api/auth/login", '{"login": "alice", "password": %s}'),
    ("POST", "/api/auth/register", '{"username": "bob", "email": "b@x.org", "password": %s}'),
    ("POST", "/api/auth/register",
     '{"username": "bob", "email": "b@x.org", "password": "long enough pass", '
     '"display_name": %s}'),
    ("PATCH", "/api/me", '{"display_name": %s}'),
    ("POST", "/api/items", '{"name": %s}'),
    ("PATCH", "/api/items/{item}", '{"description": %s}'),
    ("POST", "/api/packs", '{"name": %s}'),
    ("PATCH", "/api/packs/{pack}", '{"description": %s}'),
    ("POST", "/api/exercises", '{"name": %s, "category": "strength"}'),
    ("PATCH", "/api/workouts/{workout}", '{"notes": %s}'),
    ("PATCH", "/api/workout-exercises/{entry}", '{"notes": %s}'),
    ("GET", "/api/items?q=%s", None),
])
def test_a_lone_surrogate_anywhere_is_422(client, world, method, url, body):
    ids = {name: world[name]["id"] for name in ("item", "pack", "workout", "entry")}
    url = url.format(**ids)
    before = counts(client, world["user"])
    if body is None:
        response = client.get(url.replace("%s", "%ED%A0%80"), headers=world["user"].headers)
        # A URL cannot carry a lone surrogate: its bytes are not UTF-8 and decode replaced.
        assert response.status_code == 200
        return
    response = raw(client, method, url, body % SURROGATE, world["user"].headers)
    fields = assert_envelope(response, 422, "validation_error")["fields"]
    assert any("surrogate" in message for messages in fields.values() for message in messages)
    assert counts(client, world["user"]) == before


def test_a_surrogate_pair_is_ordinary_text(client, world):
    response = raw(client, "POST", "/api/items", '{"name": "Tent \\ud83c\\udfd5"}',
                   world["user"].headers)
    assert response.status_code == 201
    assert response.get_json()["name"] == "Tent \U0001f3d5"


@pytest.mark.parametrize(("url", "body"), [
    ("/api/items", {"name": "A", "price": 1e308}),
    ("/api/items", {"name": "A", "weight": -1e300}),
    ("/api/items", {"name": "A", "weight": "1e400"}),
    ("/api/packs/{pack}/entries", {"item_id": "{item}", "quantity": -1e300}),
    ("/api/packs/{pack}/entries", {"item_id": "{item}", "quantity": 1e308}),
    ("/api/workout-exercises/{entry}/sets", {"weight": 1e308}),
    ("/api/workout-exercises/{entry}/sets", {"distance_meters": "9e99"}),
])
def test_numbers_far_beyond_a_fields_range_are_422(client, world, url, body):
    ids = {name: world[name]["id"] for name in ("item", "pack", "entry")}
    body = {k: ids[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v
            for k, v in body.items()}
    response = client.post(url.format(**ids), json=body, headers=world["user"].headers)
    assert_envelope(response, 422, "validation_error")


@pytest.mark.parametrize("depth", [990, 5000, 100_000])
def test_json_nested_deeper_than_the_parser_follows_is_400_or_422(client, world, depth):
    nested = "[" * depth + "]" * depth
    for method, url in (("POST", "/api/items"), ("POST", "/api/auth/login"),
                        ("POST", "/api/me/import")):
        response = raw(client, method, url, '{"name": ' + nested + '}', world["user"].headers)
        assert response.status_code in (400, 422), (url, depth, response.status_code)
        assert response.get_json()["code"] in ("bad_request", "validation_error")


def test_form_and_text_bodies_to_json_routes_are_415(client, world):
    h = world["user"].headers
    for url, method in ((f"/api/items/{world['item']['id']}", "PATCH"), ("/api/me", "PATCH"),
                        (f"/api/workout-exercises/{world['entry']['id']}/sets", "POST"),
                        ("/api/items", "POST"), ("/api/auth/refresh", "POST")):
        form = client.open(url, method=method, data={"name": "x"}, headers=h)
        assert_envelope(form, 415, "unsupported_media_type")
        text = client.open(url, method=method, data='{"name": "x"}', content_type="text/plain",
                           headers=h)
        assert_envelope(text, 415, "unsupported_media_type")
    item = client.get(f"/api/items/{world['item']['id']}", headers=h).get_json()
    assert item["name"] == "Tent"
    sets = client.get(f"/api/workout-exercises/{world['entry']['id']}", headers=h).get_json()
    assert sets["sets"] == []


def test_a_json_route_that_needs_a_body_and_gets_none_is_400(client, world):
    h = world["user"].headers
    for url, method in ((f"/api/items/{world['item']['id']}", "PATCH"), ("/api/me", "PATCH"),
                        ("/api/items", "POST"), ("/api/me", "DELETE")):
        assert_envelope(client.open(url, method=method, headers=h), 400, "bad_request")
        empty = client.open(url, method=method, data="", content_type="application/json",
                            headers=h)
        assert_envelope(empty, 400, "bad_request")
    assert client.get("/api/me", headers=h).status_code == 200  # DELETE /api/me did nothing


def test_an_empty_object_is_still_a_valid_patch(client, world):
    response = client.patch(f"/api/items/{world['item']['id']}", json={},
                            headers=world["user"].headers)
    assert response.status_code == 200


def test_a_body_is_optional_where_the_route_says_so(client, world):
    """Refresh and logout take the cookie, with no body at all."""
    response = client.post("/api/auth/refresh")
    assert_envelope(response, 401, "refresh_token_missing")
    assert "COOKIE_SECURE" in response.get_json()["error"]


@pytest.mark.parametrize("data", [
    "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\r\n",
    bytes(range(256)) * 8,
])
def test_a_csv_without_items_or_a_binary_file_creates_nothing(client, world, data):
    h = world["user"].headers
    before = counts(client, world["user"])
    response = client.post("/api/packs/import", data=data, content_type="text/csv", headers=h)
    assert_envelope(response, 422, "validation_error")
    assert counts(client, world["user"]) == before


def test_retry_after_only_on_429_and_503(app, client, world):
    h = world["user"].headers
    answers = [client.get("/api/me", headers=h), client.get("/api/me"),
               client.get("/api/items/999999", headers=h), client.get("/api/ping")]
    assert [r.status_code for r in answers] == [200, 401, 404, 200]
    assert all("Retry-After" not in r.headers for r in answers)
    assert all("X-RateLimit-Limit" in r.headers for r in answers[:1])
    app.config["LOGIN_RATE_LIMIT"] = "1 per minute"
    try:
        statuses = [client.post("/api/auth/login", json={"login": "zed", "password": "x" * 9})
                    for _ in range(2)]
    finally:
        app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    assert statuses[1].status_code == 429
    assert int(statuses[1].headers["Retry-After"]) >= 1


def test_204_has_no_body_and_no_content_type(client, world):
    h = world["user"].headers
    for response in (client.delete(f"/api/items/{world['item']['id']}", headers=h),
                     client.post("/api/auth/logout", headers=h)):
        assert response.status_code == 204
        assert response.data == b""
        assert "Content-Type" not in response.headers


def test_json_answers_name_their_charset(client, world):
    h = world["user"].headers
    for response in (client.get("/api/me", headers=h), client.get("/api/nope"),
                     client.get("/api/openapi.json"), client.get("/api/items", headers=h),
                     client.post("/api/items", json={}, headers=h)):
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize("origins", [
    "*", "https://pack.example.org/", "pack.example.org", "https://pack.example.org/app",
    "https://a.org,*", "ftp://pack.example.org", "https://pack.example.org:70000",
])
def test_cors_origins_that_would_never_match_or_match_everything_are_refused(origins):
    with pytest.raises(ConfigError, match="CORS_ORIGINS"):
        read_settings({"CORS_ORIGINS": origins})


def test_cors_exposes_what_a_frontend_reads(tmp_path, monkeypatch):
    from pmp import create_app

    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}",
                      "JWT_SECRET_KEY": "k" * 40, "LOG_LEVEL": "WARNING",
                      "CORS_ORIGINS": "HTTP://192.168.1.5:3000, https://pack.example.org"})
    response = app.test_client().get("/api/ping", headers={"Origin": "http://192.168.1.5:3000"})
    assert response.headers["Access-Control-Allow-Origin"] == "http://192.168.1.5:3000"
    assert response.headers["Access-Control-Allow-Credentials"] == "true"
    exposed = {h.strip().lower() for h in
               response.headers["Access-Control-Expose-Headers"].split(",")}
    assert exposed >= {"content-disposition", "etag", "location", "retry-after",
                       "x-total-count", "x-request-id", "x-ratelimit-limit",
                       "x-ratelimit-remaining", "x-ratelimit-reset"}
    other = app.test_client().get("/api/ping", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_garbage_never_gives_500(client, world):
    h = world["user"].headers
    bodies = ["", "null", "[]", "1e999", '"\\u0000"', '{"a":' * 50, "\xff\xfe", "{}" * 1000,
              json.dumps({"name": "x" * 100_000}), '{"name": "\\udfff\\ud800"}']
    for url in ("/api/items", "/api/packs", "/api/auth/login", "/api/me/import",
                f"/api/workout-exercises/{world['entry']['id']}/sets"):
        for body in bodies:
            response = raw(client, "POST", url, body, h)
            assert response.status_code < 500, (url, body[:30], response.get_json())
    assert client.post("/api/auth/login",
                       json={"login": "alice", "password": PASSWORD}).status_code == 200


def test_cookie_domain_shares_the_cookies_with_sibling_subdomains(tmp_path, monkeypatch):
    from pmp import create_app
    from pmp.core.extensions import db
    from tests.conftest import CHEAP_ARGON2

    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'd.sqlite3'}",
                      "JWT_SECRET_KEY": "k" * 40, "LOG_LEVEL": "WARNING",
                      "COOKIE_DOMAIN": "example.org", **CHEAP_ARGON2})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        response = app.test_client().post("/api/auth/register", json={
            "username": "carol", "email": "c@x.org", "password": PASSWORD})
        db.engine.dispose()
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Domain=example.org" in c for c in cookies)
    with pytest.raises(ConfigError, match="COOKIE_DOMAIN"):
        read_settings({"COOKIE_DOMAIN": "https://example.org"})
