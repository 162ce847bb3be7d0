"""The token lifecycle: expiry, rotation, reuse, revocation, forged tokens."""

import base64
import json
import threading
from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import pytest
import time_machine

from tests.conftest import PASSWORD


def refresh_with_body(client, token):
    return client.post("/api/auth/refresh", json={"refresh_token": token})


def me(client, access):
    return client.get("/api/me", headers={"Authorization": f"Bearer {access}"})


def after_grace(seconds: float = 11):
    """Past the default 10 s reuse grace window: a rotated token coming back is reuse."""
    return time_machine.travel(datetime.now(UTC) + timedelta(seconds=seconds), tick=False)


def test_refresh_rotates_and_spent_token_revokes_family(client, make_user):
    user = make_user()
    first = refresh_with_body(client, user.refresh_token)
    assert first.status_code == 200
    rotated = first.get_json()
    assert rotated["refresh_token"] != user.refresh_token
    assert me(client, rotated["access_token"]).status_code == 200

    with after_grace():
        reuse = refresh_with_body(client, user.refresh_token)
        assert reuse.status_code == 401
        assert reuse.get_json()["code"] == "token_revoked"
        # The whole family is dead: the newest refresh token and its access token too.
        assert refresh_with_body(client, rotated["refresh_token"]).status_code == 401
        assert me(client, rotated["access_token"]).get_json()["code"] == "token_revoked"


def test_reuse_is_audited(client, make_user, caplog):
    user = make_user()
    refresh_with_body(client, user.refresh_token)
    with caplog.at_level("INFO", logger="pmp.audit"), after_grace():
        refresh_with_body(client, user.refresh_token)
    events = [r for r in caplog.records if getattr(r, "event", "") ==
              "refresh_token_reuse_detected"]
    assert len(events) == 1
    assert events[0].user_id == user.id
    assert user.refresh_token not in caplog.text


def test_other_families_survive_reuse(client, make_user):
    user = make_user()
    other = client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD})
    refresh_with_body(client, user.refresh_token)
    with after_grace():
        assert refresh_with_body(client, user.refresh_token).status_code == 401
        assert refresh_with_body(client, other.get_json()["refresh_token"]).status_code == 200


def test_cookie_refresh_needs_csrf_header(app, make_user):
    client = app.test_client()
    client.post("/api/auth/login", json={"login": make_user().username, "password": PASSWORD})
    missing = client.post("/api/auth/refresh")
    assert missing.status_code == 401
    assert missing.get_json()["code"] == "csrf_failed"
    wrong = client.post("/api/auth/refresh", headers={"X-CSRF-TOKEN": "forged"})
    assert wrong.get_json()["code"] == "csrf_failed"
    csrf = client.get_cookie("csrf_refresh_token").value
    ok = client.post("/api/auth/refresh", headers={"X-CSRF-TOKEN": csrf})
    assert ok.status_code == 200
    assert client.get_cookie("csrf_refresh_token").value != csrf


def test_refresh_without_any_token(client):
    response = client.post("/api/auth/refresh")
    assert response.status_code == 401
    assert response.get_json()["code"] == "refresh_token_missing"


def test_access_token_expires(client, make_user):
    user = make_user()
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=16), tick=False):
        response = me(client, user.access_token)
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_expired"


def test_family_lifetime_is_absolute(client, make_user):
    user = make_user()
    token = user.refresh_token
    start = datetime.now(UTC)
    for hours in (6, 12, 18, 23):
        with time_machine.travel(start + timedelta(hours=hours), tick=False):
            response = refresh_with_body(client, token)
            assert response.status_code == 200
            token = response.get_json()["refresh_token"]
            assert response.get_json()["refresh_expires_in"] <= (24 - hours) * 3600
    with time_machine.travel(start + timedelta(hours=24, minutes=1), tick=False):
        response = refresh_with_body(client, token)
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_expired"


def _forge(token: str, **changes) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims.update(changes)
    encoded = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


def test_forged_tokens_are_refused(client, make_user):
    user = make_user()
    claims = pyjwt.decode(user.access_token, options={"verify_signature": False})
    none_token = pyjwt.encode({**claims, "sub": "999"}, key=None, algorithm="none")
    for token in (
        none_token,
        _forge(user.access_token, sub="2"),
        pyjwt.encode(claims, "another-secret-that-is-long-enough-123", algorithm="HS256"),
        "garbage",
        "a.b.c",
    ):
        response = me(client, token)
        assert response.status_code == 401, token
        assert response.get_json()["code"] == "token_invalid"


def test_refresh_token_is_not_an_access_token(client, make_user):
    user = make_user()
    assert me(client, user.refresh_token).get_json()["code"] == "token_invalid"
    response = refresh_with_body(client, user.access_token)
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_invalid"


def test_logout_revokes_family_and_access_token(client, make_user):
    user = make_user()
    response = client.post("/api/auth/logout", json={"refresh_token": user.refresh_token},
                           headers=user.headers)
    assert response.status_code == 204
    assert me(client, user.access_token).get_json()["code"] == "token_revoked"
    assert refresh_with_body(client, user.refresh_token).status_code == 401


def test_logout_with_cookie_clears_cookies(app, make_user):
    client = app.test_client()
    client.post("/api/auth/login", json={"login": make_user().username, "password": PASSWORD})
    csrf = client.get_cookie("csrf_refresh_token").value
    response = client.post("/api/auth/logout", headers={"X-CSRF-TOKEN": csrf})
    assert response.status_code == 204
    assert client.get_cookie("refresh_token_cookie", path="/api/auth") is None
    assert client.post("/api/auth/refresh", headers={"X-CSRF-TOKEN": csrf}).status_code == 401


def test_logout_with_expired_refresh_token_still_succeeds(client, make_user):
    user = make_user()
    with time_machine.travel(datetime.now(UTC) + timedelta(days=2), tick=False):
        response = client.post("/api/auth/logout", json={"refresh_token": user.refresh_token})
    assert response.status_code == 204


def test_logout_without_tokens_is_401(client):
    response = client.post("/api/auth/logout")
    assert response.status_code == 401
    assert response.get_json()["code"] == "unauthorized"


def test_password_change_kills_earlier_access_tokens(client, make_user):
    user = make_user()
    other = client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD})
    other = other.get_json()
    new_password = "a much better passphrase"
    response = client.put("/api/me/password", headers=user.headers,
                          json={"current_password": PASSWORD, "new_password": new_password})
    assert response.status_code == 204
    assert me(client, user.access_token).get_json()["code"] == "token_revoked"
    assert me(client, other["access_token"]).get_json()["code"] == "token_revoked"
    assert refresh_with_body(client, other["refresh_token"]).status_code == 401
    # The session that changed the password lives on: refreshing gives a working token.
    renewed = refresh_with_body(client, user.refresh_token)
    assert renewed.status_code == 200
    assert me(client, renewed.get_json()["access_token"]).status_code == 200
    login = client.post("/api/auth/login", json={"login": "alice", "password": new_password})
    assert login.status_code == 200


def concurrent_refreshes(app, token: str, count: int = 4) -> list:
    results, barrier = [], threading.Barrier(count)

    def worker():
        client = app.test_client()
        barrier.wait()
        results.append(refresh_with_body(client, token))

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_refreshes_all_stay_in_the_session(app, client, make_user):
    """Four tabs refreshing with the same token at once: one rotates, the other three get the
    family's current pair inside the grace window; nobody is logged out."""
    user = make_user()
    results = concurrent_refreshes(app, user.refresh_token)
    assert [r.status_code for r in results] == [200] * 4
    families = {pyjwt.decode(r.get_json()["refresh_token"], options={"verify_signature": False})
                ["jti"] for r in results}  # fmt: skip
    assert len(families) == 1  # every tab holds the one live token of the session
    sessions = client.get("/api/auth/sessions", headers=user.headers).get_json()
    assert len(sessions) == 1
    assert refresh_with_body(client, results[0].get_json()["refresh_token"]).status_code == 200


def test_concurrent_refresh_exactly_one_wins_without_grace(app, make_user):
    app.config["REFRESH_REUSE_GRACE_SECONDS"] = 0
    try:
        user = make_user()
        results = concurrent_refreshes(app, user.refresh_token)
    finally:
        app.config["REFRESH_REUSE_GRACE_SECONDS"] = 10
    assert sorted(r.status_code for r in results) == [200, 401, 401, 401]


@pytest.mark.parametrize("header", ["Bearer", "Token abc", "Bearer a b"])
def test_malformed_authorization_header(client, header):
    response = client.get("/api/me", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.get_json()["code"] in {"unauthorized", "token_invalid"}


def test_expired_sessions_and_blocklist_are_cleaned_up(app, client, make_user, runner):
    user = make_user()
    client.post("/api/auth/logout", json={"refresh_token": user.refresh_token},
                headers=user.headers)
    with time_machine.travel(datetime.now(UTC) + timedelta(days=2), tick=False):
        result = runner.invoke(args=["tokens", "cleanup"])
    assert result.exit_code == 0
    assert ("Deleted 1 expired session(s), 1 expired revoked token(s), 0 expired idempotency "
            "key(s) and 0 security event(s) older than 90 days.") in result.output


def test_cleanup_runs_automatically_after_interval(app, client, make_user):
    from sqlalchemy import func, select

    from pmp.auth.models import AuthSession
    from pmp.core.extensions import db

    make_user()
    with time_machine.travel(datetime.now(UTC) + timedelta(days=2), tick=False):
        client.get("/api/ping").close()
        client.get("/api/ping").close()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuthSession)) == 0
