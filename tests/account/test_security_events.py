"""Security activity (GET /api/me/security-events): sign-ins, detected refresh-token reuse and
the alert that tells the account holder, acknowledged with POST .../acknowledge."""

from datetime import UTC, datetime, timedelta

import time_machine
from sqlalchemy import func, select

from pmp.auth.models import SecurityEvent
from pmp.core.extensions import db
from tests.conftest import PASSWORD

EVENTS = "/api/me/security-events"


def events(client, user, headers=None, **query):
    response = client.get(EVENTS, headers=headers or user.headers, query_string=query)
    assert response.status_code == 200, response.get_json()
    return response.get_json(), int(response.headers["X-Total-Count"])


def login(client, name="alice", agent="pytest-laptop"):
    response = client.post("/api/auth/login", json={"login": name, "password": PASSWORD},
                           headers={"User-Agent": agent})
    assert response.status_code == 200
    return response.get_json()


def refresh(client, token):
    return client.post("/api/auth/refresh", json={"refresh_token": token})


def bearer(pair):
    return {"Authorization": f"Bearer {pair['access_token']}"}


def steal_and_replay(client, pair):
    """Refresh once (the rightful client), then replay the spent token after the grace window
    (the thief): the server detects the reuse and revokes the session."""
    assert refresh(client, pair["refresh_token"]).status_code == 200
    later = datetime.now(UTC) + timedelta(seconds=11)
    with time_machine.travel(later, tick=False):
        assert refresh(client, pair["refresh_token"]).status_code == 401


def test_sign_ins_are_listed_newest_first_with_a_total(client, make_user):
    alice = make_user()
    login(client, agent="pytest-phone")
    login(client, agent="pytest-laptop")
    page, total = events(client, alice)
    assert total == 3
    assert [e["kind"] for e in page] == ["login_success"] * 3
    assert [e["user_agent"] for e in page[:2]] == ["pytest-laptop", "pytest-phone"]
    assert page[0]["id"] > page[1]["id"] > page[2]["id"]
    assert set(page[0]) == {"id", "kind", "created_at", "ip", "user_agent", "session_id",
                            "alert", "acknowledged_at"}
    assert page[0]["alert"] is False and page[0]["ip"]
    sessions = {s["id"] for s in client.get("/api/auth/sessions", headers=alice.headers)
                .get_json()}
    assert {e["session_id"] for e in page} == sessions
    second, total = events(client, alice, limit=1, offset=1)
    assert total == 3 and second == [page[1]]


def test_reuse_is_an_alert_until_acknowledged(client, make_user):
    alice = make_user()
    stolen = login(client, agent="pytest-victim")
    steal_and_replay(client, stolen)
    page, _ = events(client, alice)
    reuse = page[0]
    assert reuse["kind"] == "refresh_token_reuse_detected"
    assert reuse["alert"] is True and reuse["acknowledged_at"] is None
    assert reuse["session_id"] == page[1]["session_id"]  # the victim's session
    assert client.get("/api/me", headers=alice.headers).get_json()["unacknowledged_alerts"] == 1

    # The next sign-in says so in the token pair's user, so a client can warn at once.
    assert login(client)["user"]["unacknowledged_alerts"] == 1
    acknowledged = client.post(f"{EVENTS}/acknowledge", headers=alice.headers)
    assert acknowledged.status_code == 200
    assert acknowledged.get_json() == {"acknowledged": 1}
    assert client.get("/api/me", headers=alice.headers).get_json()["unacknowledged_alerts"] == 0
    page, _ = events(client, alice)
    assert next(e for e in page if e["alert"])["acknowledged_at"] is not None
    assert client.post(f"{EVENTS}/acknowledge", headers=alice.headers).get_json() == {
        "acknowledged": 0}


def test_a_refresh_within_the_grace_window_is_no_alert(client, make_user):
    alice = make_user()
    pair = login(client)
    assert refresh(client, pair["refresh_token"]).status_code == 200
    assert refresh(client, pair["refresh_token"]).status_code == 200  # the other tab
    page, _ = events(client, alice)
    assert {e["kind"] for e in page} == {"login_success"}
    assert client.get("/api/me", headers=alice.headers).get_json()["unacknowledged_alerts"] == 0


def test_password_email_and_session_changes_are_recorded(client, make_user):
    alice = make_user()
    login(client, agent="pytest-other")
    sessions = client.get("/api/auth/sessions", headers=alice.headers).get_json()
    other = next(s["id"] for s in sessions if not s["current"])
    assert client.delete(f"/api/auth/sessions/{other}", headers=alice.headers).status_code == 204
    assert client.patch("/api/me", headers=alice.headers, json={
        "email": "alice2@example.com", "current_password": PASSWORD}).status_code == 200
    new_password = "another long passphrase"
    assert client.put("/api/me/password", headers=alice.headers, json={
        "current_password": PASSWORD, "new_password": new_password}).status_code == 204
    pair = refresh(client, alice.refresh_token).get_json()  # this session lives on
    assert client.post("/api/auth/logout-all", headers=bearer(pair)).status_code == 200
    again = client.post("/api/auth/login", json={"login": "alice", "password": new_password})
    page, _ = events(client, alice, headers=bearer(again.get_json()))
    assert [e["kind"] for e in reversed(page)] == [
        "login_success", "login_success", "session_revoked", "email_changed",
        "password_changed", "logout_all", "login_success"]
    revoked = next(e for e in page if e["kind"] == "session_revoked")
    assert revoked["session_id"] == other


def test_another_user_sees_and_acknowledges_none_of_them(client, make_user):
    alice, bob = make_user("alice"), make_user("bob")
    steal_and_replay(client, login(client))
    page, total = events(client, bob)
    assert total == 1 and [e["kind"] for e in page] == ["login_success"]
    assert client.post(f"{EVENTS}/acknowledge", headers=bob.headers).get_json() == {
        "acknowledged": 0}
    assert client.get("/api/me", headers=alice.headers).get_json()["unacknowledged_alerts"] == 1
    assert client.get("/api/me", headers=bob.headers).get_json()["unacknowledged_alerts"] == 0


def test_paging_is_checked(client, make_user):
    alice = make_user()
    for query in ({"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "x"}):
        response = client.get(EVENTS, headers=alice.headers, query_string=query)
        assert response.status_code == 422, query
    assert client.get(EVENTS).status_code == 401


def test_old_events_are_cleaned_up_and_deleted_with_the_account(app, client, make_user, runner):
    make_user()
    with time_machine.travel(datetime.now(UTC) + timedelta(days=60), tick=False):
        login(client)
    with time_machine.travel(datetime.now(UTC) + timedelta(days=91), tick=False):
        result = runner.invoke(args=["tokens", "cleanup"])
    assert "1 security event(s) older than 90 days" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SecurityEvent)) == 1
    now = login(client)  # the registration's session expired and was cleaned up too
    assert client.delete("/api/me", headers=bearer(now),
                         json={"password": PASSWORD}).status_code == 204
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SecurityEvent)) == 0
