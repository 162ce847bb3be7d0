"""A token names one account and one session of it, for good: ids are never reused, a deleted
account's tokens open nothing, and the reuse grace window has two sides."""

from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import time_machine
from sqlalchemy import inspect, text

from pmp.core.extensions import db
from tests.conftest import PASSWORD


def refresh(client, token):
    return client.post("/api/auth/refresh", json={"refresh_token": token})


def claims(token: str) -> dict:
    return pyjwt.decode(token, options={"verify_signature": False})


def delete_account(client, user):
    response = client.delete("/api/me", json={"password": PASSWORD}, headers=user.headers)
    assert response.status_code == 204


def test_ids_of_a_deleted_newest_account_are_not_given_again(client, make_user):
    first = make_user("alice")
    old_user_id, old_session = first.id, claims(first.access_token)["sid"]
    delete_account(client, first)
    second = make_user("bob")
    assert second.id != old_user_id
    assert claims(second.access_token)["sid"] != old_session


def test_a_deleted_accounts_tokens_open_nothing_of_the_next_account(client, make_user):
    first = make_user("alice")
    delete_account(client, first)
    second = make_user("bob")
    item = client.post("/api/items", json={"name": "Tent"}, headers=second.headers)
    assert item.status_code == 201
    assert client.get("/api/me", headers=first.headers).get_json()["code"] == "token_revoked"
    assert client.get("/api/items", headers=first.headers).status_code == 401
    # Replaying the deleted account's refresh token is refused and touches nobody's session.
    assert refresh(client, first.refresh_token).status_code == 401
    assert client.get("/api/me", headers=second.headers).status_code == 200
    assert refresh(client, second.refresh_token).status_code == 200


def test_a_token_whose_session_belongs_to_another_user_is_refused(app, client, make_user):
    """Defence in depth: `sid` is checked against `sub`, not only for being live."""
    alice, bob = make_user("alice"), make_user("bob")
    forged = _sign(app, {**claims(alice.access_token), "sid": claims(bob.access_token)["sid"]})
    response = client.get("/api/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_revoked"


def test_a_token_issued_before_its_user_existed_is_refused(app, client, make_user):
    alice = make_user("alice")
    body = claims(alice.access_token)
    early = body["iat_us"] - 3_600_000_000
    forged = _sign(app, {**body, "iat_us": early, "iat": early // 1_000_000})
    response = client.get("/api/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.get_json()["code"] == "token_revoked"
    forged_refresh = _sign(app, {**claims(alice.refresh_token), "iat_us": early})
    assert refresh(client, forged_refresh).status_code == 401
    assert refresh(client, alice.refresh_token).status_code == 200  # the real one still works


def test_a_refresh_token_of_another_users_session_is_refused_without_revoking(app, client,
                                                                              make_user):
    alice, bob = make_user("alice"), make_user("bob")
    bob_claims = claims(bob.refresh_token)
    forged = _sign(app, {**claims(alice.refresh_token), "fam": bob_claims["fam"],
                         "jti": "00000000-0000-0000-0000-000000000000"})
    assert refresh(client, forged).status_code == 401
    assert refresh(client, bob.refresh_token).status_code == 200  # Bob's session is intact


def test_every_integer_id_is_autoincrement_on_sqlite(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            return
        tables = {t.name for t in db.metadata.sorted_tables
                  if [c.type.python_type for c in t.primary_key.columns] == [int]}
        sql = dict(db.session.execute(text("SELECT name, sql FROM sqlite_master "
                                           "WHERE type = 'table'")).all())
    assert tables  # users, sessions, items, packs, workouts …
    assert {name for name in tables if "AUTOINCREMENT" not in sql[name]} == set()


def test_every_model_with_an_integer_id_asks_for_autoincrement(app):
    for table in db.metadata.sorted_tables:
        if [c.type.python_type for c in table.primary_key.columns] == [int]:
            assert table.dialect_options["sqlite"]["autoincrement"], table.name
    with app.app_context():
        assert inspect(db.engine).has_table("users")


# -- the reuse grace window --------------------------------------------------------------------


def test_the_just_rotated_token_within_the_grace_window_answers_the_current_pair(client,
                                                                                 make_user):
    user = make_user()
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        first = refresh(client, user.refresh_token)
    with time_machine.travel(start + timedelta(seconds=9.9), tick=False):
        again = refresh(client, user.refresh_token)
        assert again.status_code == 200
        pair = again.get_json()
        assert claims(pair["refresh_token"])["jti"] == claims(
            first.get_json()["refresh_token"])["jti"]
        assert claims(pair["access_token"])["sid"] == claims(user.access_token)["sid"]
        assert client.get("/api/me", headers={
            "Authorization": f"Bearer {pair['access_token']}"}).status_code == 200
        # The session goes on: its current token still rotates.
        assert refresh(client, pair["refresh_token"]).status_code == 200


def test_the_just_rotated_token_after_the_grace_window_revokes_the_family(client, make_user):
    user = make_user()
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        current = refresh(client, user.refresh_token).get_json()["refresh_token"]
    with time_machine.travel(start + timedelta(seconds=10.1), tick=False):
        reuse = refresh(client, user.refresh_token)
        assert reuse.status_code == 401
        assert reuse.get_json()["code"] == "token_revoked"
        assert refresh(client, current).status_code == 401


def test_an_older_token_is_reuse_even_within_the_window(client, make_user):
    user = make_user()
    second = refresh(client, user.refresh_token).get_json()["refresh_token"]
    refresh(client, second)
    # The first token was rotated away two rotations ago: no grace for it.
    assert refresh(client, user.refresh_token).status_code == 401


def test_grace_zero_turns_the_window_off(app, client, make_user):
    app.config["REFRESH_REUSE_GRACE_SECONDS"] = 0
    try:
        user = make_user()
        refresh(client, user.refresh_token)
        assert refresh(client, user.refresh_token).status_code == 401
    finally:
        app.config["REFRESH_REUSE_GRACE_SECONDS"] = 10


def test_a_new_session_reports_the_configured_lifetime(client, make_user):
    user = make_user()
    assert user.body["refresh_expires_in"] == 86400
    login = client.post("/api/auth/login", json={"login": "alice", "password": PASSWORD,
                                                 "remember_me": True})
    assert login.get_json()["refresh_expires_in"] == 30 * 86400


def _sign(app, payload: dict) -> str:
    return pyjwt.encode(payload, app.config["JWT_SECRET_KEY"], algorithm="HS256")
