"""Sessions listing and revocation, and the account (/api/me)."""

from sqlalchemy import func, select

from pmp.auth.models import AuthSession, User
from pmp.core.extensions import db
from tests.conftest import PASSWORD


def login(client, name="alice", password=PASSWORD):
    return client.post("/api/auth/login", json={"login": name, "password": password},
                       headers={"User-Agent": "pytest-phone"}).get_json()


def test_sessions_lists_live_sessions_with_current_flag(client, make_user):
    user = make_user()
    second = login(client)
    response = client.get("/api/auth/sessions", headers=user.headers)
    assert response.status_code == 200
    sessions = response.get_json()
    assert len(sessions) == 2
    assert [s["current"] for s in sessions].count(True) == 1
    assert {s["user_agent"] for s in sessions} >= {"pytest-phone"}
    assert set(sessions[0]) == {"id", "created_at", "last_used_at", "expires_at", "user_agent",
                                "ip", "current"}
    other = next(s for s in sessions if not s["current"])
    assert client.delete(f"/api/auth/sessions/{other['id']}", headers=user.headers).status_code \
        == 204
    assert client.post("/api/auth/refresh",
                       json={"refresh_token": second["refresh_token"]}).status_code == 401
    assert len(client.get("/api/auth/sessions", headers=user.headers).get_json()) == 1


def test_other_users_session_is_404_and_untouched(client, make_user):
    alice, bob = make_user("alice"), make_user("bob")
    alice_sessions = client.get("/api/auth/sessions", headers=alice.headers).get_json()
    response = client.delete(f"/api/auth/sessions/{alice_sessions[0]['id']}",
                             headers=bob.headers)
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"
    assert client.get("/api/me", headers=alice.headers).status_code == 200
    assert client.delete("/api/auth/sessions/999999", headers=bob.headers).status_code == 404


def test_logout_all(client, make_user):
    user = make_user()
    other = login(client)
    response = client.post("/api/auth/logout-all", headers=user.headers)
    assert response.get_json() == {"revoked_sessions": 2}
    assert client.get("/api/me", headers=user.headers).status_code == 401
    assert client.get("/api/me", headers={"Authorization": "Bearer " + other["access_token"]}) \
        .status_code == 401


def test_get_me_with_preferences(client, make_user):
    user = make_user()
    body = client.get("/api/me", headers=user.headers).get_json()
    assert body["preferences"] == {"weight_unit": "g", "currency": "EUR"}
    assert set(body) == {"id", "username", "email", "display_name", "role", "preferences",
                         "unacknowledged_alerts", "created_at", "updated_at"}
    assert body["unacknowledged_alerts"] == 0


def test_patch_me_changes_only_sent_fields(client, make_user):
    user = make_user()
    response = client.patch("/api/me", headers=user.headers,
                            json={"preferences": {"weight_unit": "oz", "currency": "usd"}})
    assert response.status_code == 200
    body = response.get_json()
    assert body["preferences"] == {"weight_unit": "oz", "currency": "USD"}
    assert body["display_name"] == "alice"
    body = client.patch("/api/me", headers=user.headers,
                        json={"display_name": "Alice A."}).get_json()
    assert body["display_name"] == "Alice A."
    assert body["preferences"]["weight_unit"] == "oz"


def test_patch_me_email_needs_current_password(client, make_user):
    user = make_user()
    make_user("bob")
    missing = client.patch("/api/me", headers=user.headers, json={"email": "new@example.com"})
    assert missing.status_code == 422
    assert "current_password" in missing.get_json()["fields"]
    wrong = client.patch("/api/me", headers=user.headers,
                         json={"email": "new@example.com", "current_password": "wrong-one"})
    assert wrong.status_code == 422
    taken = client.patch("/api/me", headers=user.headers,
                         json={"email": "bob@example.com", "current_password": PASSWORD})
    assert taken.status_code == 409
    ok = client.patch("/api/me", headers=user.headers,
                      json={"email": "New@Example.com", "current_password": PASSWORD})
    assert ok.status_code == 200
    assert ok.get_json()["email"] == "new@example.com"


def test_patch_me_rejects_garbage(client, make_user):
    user = make_user()
    for body in ({"role": "admin"}, {"id": 5}, {"preferences": {"weight_unit": "stone"}},
                 {"preferences": {"currency": "XXQ"}}, {"preferences": {"theme": "dark"}},
                 {"display_name": "x" * 101}, {"display_name": 12}, [1, 2], "text"):
        response = client.patch("/api/me", headers=user.headers, json=body)
        assert response.status_code == 422, body
        assert response.get_json()["code"] == "validation_error"
    assert client.get("/api/me", headers=user.headers).get_json()["role"] == "admin"


def test_change_password_checks(client, make_user):
    user = make_user()
    wrong = client.put("/api/me/password", headers=user.headers,
                       json={"current_password": "wrong-pass", "new_password": "fine password"})
    assert wrong.status_code == 422
    assert "current_password" in wrong.get_json()["fields"]
    weak = client.put("/api/me/password", headers=user.headers,
                      json={"current_password": PASSWORD, "new_password": "password"})
    assert weak.status_code == 422
    assert "new_password" in weak.get_json()["fields"]
    assert client.get("/api/me", headers=user.headers).status_code == 200


def test_delete_account_needs_password_and_removes_everything(app, client, make_user):
    user = make_user()
    bob = make_user("bob")
    wrong = client.delete("/api/me", headers=user.headers, json={"password": "not-it-at-all"})
    assert wrong.status_code == 422
    assert client.delete("/api/me", headers=user.headers,
                         json={"password": PASSWORD}).status_code == 204
    assert client.get("/api/me", headers=user.headers).get_json()["code"] == "token_revoked"
    with app.app_context():
        assert db.session.get(User, user.id) is None
        left = db.session.scalar(select(func.count()).select_from(AuthSession)
                                 .where(AuthSession.user_id == user.id))
        assert left == 0
    assert client.get("/api/me", headers=bob.headers).status_code == 200
    assert client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD}) \
        .status_code == 401


def test_ids_beyond_the_integer_range_are_404(client, make_user):
    user = make_user()
    for session_id in (2**31, 2**63, 10**30):
        response = client.delete(f"/api/auth/sessions/{session_id}", headers=user.headers)
        assert response.status_code == 404
