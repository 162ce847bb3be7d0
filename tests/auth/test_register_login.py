"""Registration and login through the HTTP API."""

import pytest

from tests.conftest import PASSWORD


def register(client, username="alice", **extra):
    body = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
    body.update(extra)
    return client.post("/api/auth/register", json=body)


def test_register_returns_token_pair_and_cookies(client):
    response = register(client, display_name="Alice")
    assert response.status_code == 201
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    assert body["token"] == body["access_token"]
    assert body["expires_in"] == body["access_expires_in"] == 900
    assert 86000 < body["refresh_expires_in"] <= 86400
    assert body["user"]["username"] == "alice"
    assert body["user"]["display_name"] == "Alice"
    assert body["user"]["role"] == "admin"
    assert "password_hash" not in body["user"]
    cookies = response.headers.getlist("Set-Cookie")
    refresh = next(c for c in cookies if c.startswith("refresh_token_cookie="))
    assert "HttpOnly" in refresh and "Path=/api/auth" in refresh and "SameSite=Lax" in refresh
    csrf = next(c for c in cookies if c.startswith("csrf_refresh_token="))
    assert "HttpOnly" not in csrf


def test_first_user_is_admin_then_users(client):
    assert register(client, "alice").get_json()["user"]["role"] == "admin"
    assert register(client, "bob").get_json()["user"]["role"] == "user"


@pytest.mark.parametrize("username,email", [("alice", "other@example.com"),
                                            ("other", "alice@example.com"),
                                            ("ALICE", "x@example.com"),
                                            ("y", "ALICE@Example.com")])
def test_register_conflict_is_generic(client, username, email):
    register(client, "alice")
    response = client.post("/api/auth/register",
                           json={"username": username, "email": email, "password": PASSWORD})
    if len(username) < 3:
        assert response.status_code == 422
        return
    assert response.status_code == 409
    assert response.get_json() == {"error": "Username or email is already registered.",
                                   "code": "conflict"}


def test_registration_closed(app, client):
    app.config["REGISTRATION"] = "closed"
    try:
        response = register(client)
    finally:
        app.config["REGISTRATION"] = "open"
    assert response.status_code == 403
    assert response.get_json()["code"] == "forbidden"


@pytest.mark.parametrize("password,message", [
    ("short", "at least 8"),
    ("x" * 129, "at most 128"),
    ("password123", "too common"),
    ("Password1", "too common"),
    ("alice@example.com", "username or email"),
])
def test_password_policy(client, password, message):
    response = register(client, password=password)
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error"
    assert message in body["fields"]["password"][0]


def test_long_password_is_not_truncated(client):
    password = "p" * 72 + "-this-tail-matters-" + "q" * 30
    register(client, password=password)
    assert client.post("/api/auth/login", json={"login": "alice",
                                                "password": password}).status_code == 200
    wrong_tail = password[:-1] + "z"
    assert client.post("/api/auth/login", json={"login": "alice",
                                                "password": wrong_tail}).status_code == 401


@pytest.mark.parametrize("body,field", [
    ({"username": "alice", "email": "not-an-email", "password": PASSWORD}, "email"),
    ({"username": "a b", "email": "a@example.com", "password": PASSWORD}, "username"),
    ({"username": "alice", "email": "a@example.com", "password": PASSWORD, "role": "admin"},
     "role"),
    ({"username": "alice", "email": "a@example.com", "password": PASSWORD, "id": 7}, "id"),
    ({"username": 5, "email": "a@example.com", "password": PASSWORD}, "username"),
    ({"email": "a@example.com", "password": PASSWORD}, "username"),
])
def test_register_rejects_bad_fields(client, body, field):
    response = client.post("/api/auth/register", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["fields"]


@pytest.mark.parametrize("key,value", [("login", "alice"), ("login", "ALICE@example.com"),
                                       ("username", "alice"), ("email", "alice@example.com")])
def test_login_by_username_or_email(client, make_user, key, value):
    make_user("alice")
    response = client.post("/api/auth/login", json={key: value, "password": PASSWORD})
    assert response.status_code == 200
    assert response.get_json()["user"]["username"] == "alice"


def test_login_failures_are_identical(client, make_user, monkeypatch):
    make_user("alice")
    calls = []
    import pmp.auth.service as service

    real = service.verify_password
    monkeypatch.setattr(service, "verify_password",
                        lambda h, p: calls.append(h is None) or real(h, p))
    wrong = client.post("/api/auth/login", json={"login": "alice", "password": "nope-nope-1"})
    unknown = client.post("/api/auth/login", json={"login": "nobody", "password": "nope-nope-1"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json() == {
        "error": "Invalid username/email or password.", "code": "invalid_credentials"}
    assert calls == [False, True]  # a hash check ran for the unknown user as well


def test_login_requires_some_login(client):
    response = client.post("/api/auth/login", json={"password": PASSWORD})
    assert response.status_code == 422
    assert "login" in response.get_json()["fields"]


def test_remember_me_lengthens_the_family(client, make_user):
    make_user("alice")
    body = client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD,
                                                "remember_me": True}).get_json()
    assert body["refresh_expires_in"] > 29 * 86400
