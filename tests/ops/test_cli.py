"""Operator commands, through the Flask CLI runner."""

from sqlalchemy import select

from pmp.auth.models import User
from pmp.core.extensions import db
from tests.conftest import PASSWORD


def test_users_create_list_set_password_delete(app, runner, client):
    result = runner.invoke(args=["users", "create", "carol", "carol@example.com",
                                 "--password", PASSWORD, "--admin"])
    assert result.exit_code == 0, result.output
    assert "Created user carol" in result.output and "role admin" in result.output

    listed = runner.invoke(args=["users", "list"])
    assert "carol\tcarol@example.com\tadmin" in listed.output

    login = client.post("/api/auth/login", json={"login": "carol", "password": PASSWORD})
    access = login.get_json()["access_token"]
    result = runner.invoke(args=["users", "set-password", "carol", "--password",
                                 "brand new passphrase"])
    assert result.exit_code == 0, result.output
    assert "1 session(s) revoked" in result.output
    assert client.get("/api/me", headers={"Authorization": f"Bearer {access}"}) \
        .status_code == 401
    assert client.post("/api/auth/login", json={"login": "carol",
                                                "password": "brand new passphrase"}) \
        .status_code == 200

    result = runner.invoke(args=["users", "delete", "carol", "--yes"])
    assert result.exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(User).filter_by(username="carol")) is None


def test_users_create_refuses_bad_input(runner, make_user):
    make_user("alice")
    weak = runner.invoke(args=["users", "create", "dave", "d@example.com", "--password",
                               "password"])
    assert weak.exit_code != 0 and "too common" in weak.output
    taken = runner.invoke(args=["users", "create", "alice", "x@example.com", "--password",
                                PASSWORD])
    assert taken.exit_code != 0 and "already registered" in taken.output


def test_unknown_user_and_delete_confirmation(runner, make_user):
    assert "No user" in runner.invoke(args=["users", "delete", "ghost", "--yes"]).output
    make_user("alice")
    aborted = runner.invoke(args=["users", "delete", "alice"], input="n\n")
    assert aborted.exit_code != 0
    assert "alice" in runner.invoke(args=["users", "list"]).output


def test_tokens_cleanup_with_nothing_to_do(runner):
    result = runner.invoke(args=["tokens", "cleanup"])
    assert result.exit_code == 0
    assert "Deleted 0 expired session(s)" in result.output
