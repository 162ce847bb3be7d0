"""Every class of error answers in the one envelope of API.md."""

import logging

import pytest

from tests.conftest import PASSWORD


def assert_envelope(response, status, code):
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["code"] == code
    assert isinstance(body["error"], str) and body["error"]
    assert set(body) <= {"error", "code", "fields"}
    return body


def test_malformed_json_is_400(client):
    response = client.post("/api/auth/login", data='{"login": "x", ',
                           content_type="application/json")
    assert_envelope(response, 400, "bad_request")


def test_validation_error_has_fields(client):
    body = assert_envelope(client.post("/api/auth/login", json={"login": 1, "password": []}),
                           422, "validation_error")
    assert set(body["fields"]) == {"login", "password"}


def test_non_object_body_is_422(client):
    body = assert_envelope(client.post("/api/auth/login", json=[1, 2, 3]), 422,
                           "validation_error")
    assert "_schema" in body["fields"]


def test_unknown_route_is_404(client):
    assert_envelope(client.get("/api/does-not-exist"), 404, "not_found")
    assert_envelope(client.get("/api/not-even-a-route/x"), 404, "not_found")


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/api/auth/login")
    assert_envelope(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


def test_body_too_large_is_413(app, client):
    size = app.config["MAX_CONTENT_LENGTH"] + 10
    response = client.post("/api/auth/login", data="x" * size, content_type="application/json")
    assert_envelope(response, 413, "payload_too_large")


def test_rate_limit_is_429_with_retry_after(app, client, make_user, caplog):
    make_user()
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    try:
        statuses = [client.post("/api/auth/login",
                                json={"login": "alice", "password": "wrong-password"})
                    for _ in range(4)]
    finally:
        app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    assert [r.status_code for r in statuses] == [401, 401, 401, 429]
    assert_envelope(statuses[-1], 429, "rate_limited")
    assert int(statuses[-1].headers["Retry-After"]) > 0


def test_login_limit_is_per_login_name_too(app, make_user):
    make_user()
    app.config["LOGIN_RATE_LIMIT"] = "2 per minute"
    try:
        codes = []
        for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
            client = app.test_client()
            codes.append(client.post("/api/auth/login", environ_base={"REMOTE_ADDR": ip},
                                     json={"login": "alice", "password": "wrong-pass"})
                         .status_code)
    finally:
        app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    assert codes == [401, 401, 429]


def test_refresh_rate_limit(app, client, make_user):
    user = make_user()
    app.config["REFRESH_RATE_LIMIT_REQUESTS"] = 2
    try:
        token, codes = user.refresh_token, []
        for _ in range(3):
            response = client.post("/api/auth/refresh", json={"refresh_token": token})
            codes.append(response.status_code)
            token = (response.get_json() or {}).get("refresh_token", token)
    finally:
        app.config["REFRESH_RATE_LIMIT_REQUESTS"] = 1000
    assert codes == [200, 200, 429]


def test_register_rate_limit(app, client):
    app.config["REGISTER_RATE_LIMIT"] = "1 per minute"
    try:
        first = client.post("/api/auth/register", json={
            "username": "one", "email": "one@example.com", "password": PASSWORD})
        second = client.post("/api/auth/register", json={
            "username": "two", "email": "two@example.com", "password": PASSWORD})
    finally:
        app.config["REGISTER_RATE_LIMIT"] = "1000 per minute"
    assert first.status_code == 201
    assert_envelope(second, 429, "rate_limited")


@pytest.mark.parametrize("headers,code", [
    ({}, "unauthorized"),
    ({"Authorization": "Bearer not.a.jwt"}, "token_invalid"),
])
def test_jwt_errors_are_401_not_422(client, headers, code):
    assert_envelope(client.get("/api/me", headers=headers), 401, code)


def test_unexpected_exception_is_500_without_internals(client, make_user, monkeypatch, caplog):
    user = make_user()

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("pmp.auth.service.list_sessions", explode)
    with caplog.at_level(logging.ERROR, logger="pmp"):
        response = client.get("/api/auth/sessions", headers=user.headers)
    body = assert_envelope(response, 500, "internal_error")
    assert "secret" not in body["error"]
    assert response.headers["X-Request-ID"] in body["error"]
    assert "secret internal detail" in caplog.text


def test_request_id_is_honoured_or_made(client):
    assert client.get("/api/ping", headers={"X-Request-ID": "abc-123"}) \
        .headers["X-Request-ID"] == "abc-123"
    made = client.get("/api/ping", headers={"X-Request-ID": "bad id <script>"})
    made = made.headers["X-Request-ID"]
    assert made != "bad id <script>" and len(made) == 32


def test_security_headers(client):
    response = client.get("/api/ping")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path,body", [
    ("/api/auth/login", {"login": "al\x00ice", "password": "whatever-pass"}),
    ("/api/auth/register", {"username": "bob", "email": "b@example.com",
                            "password": "good pass\x00word"}),
    ("/api/exercises", {"name": "Sled\x00", "category": "cardio"}),
    ("/api/workouts", {"performed_at": "2026-01-01T00:00:00Z", "notes": "\x00"}),
])
def test_nul_characters_are_refused_everywhere(client, make_user, path, body):
    user = make_user("alice")
    response = client.post(path, json=body, headers=user.headers)
    fields = assert_envelope(response, 422, "validation_error")["fields"]
    assert any("NUL" in message for messages in fields.values() for message in messages)


@pytest.mark.parametrize("path", ["/api/exercises?q=%00", "/api/items?q=a%00b",
                                  "/api/items?category=%00", "/api/workouts?from=%00"])
def test_nul_in_query_strings_is_refused(client, make_user, path):
    user = make_user("alice")
    assert_envelope(client.get(path, headers=user.headers), 422, "validation_error")


def _id_routes(app):
    from werkzeug.routing import IntegerConverter

    for rule in app.url_map.iter_rules():
        ints = [name for name, conv in rule._converters.items()
                if isinstance(conv, IntegerConverter)]
        if ints:
            yield rule, ints


@pytest.mark.parametrize("huge", [2**31, 2**63, 10**30])
def test_ids_beyond_the_database_range_are_not_found_on_every_route(app, client, make_user,
                                                                   huge):
    """No id route lets an out-of-range integer reach the database (an overflow there)."""
    user = make_user()
    routes = list(_id_routes(app))
    assert len(routes) > 20
    for rule, names in routes:
        path = rule.build(dict.fromkeys(names, huge), append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, json={}, headers=user.headers)
            assert response.status_code == 404, (method, path, response.get_json())
            assert response.get_json()["code"] == "not_found"
