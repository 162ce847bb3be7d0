"""Which bucket an attempt counts in: one per account for every password check, one per IP for
login; the password-confirming /api/me routes count per user, in the account's bucket."""

import itertools

import pytest

from pmp.auth.ratelimits import login_account_key
from tests.conftest import PASSWORD

LIMIT = 3
_addresses = (f"10.9.{n // 250}.{n % 250 + 1}" for n in itertools.count())


@pytest.fixture
def login_limit(app):
    app.config["LOGIN_RATE_LIMIT"] = f"{LIMIT} per minute"
    yield LIMIT
    app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"


def login(app, password="wrong password!", ip=None, **names):
    """A login from a client address of its own unless `ip` is given."""
    return app.test_client().post(
        "/api/auth/login", json={**names, "password": password},
        environ_base={"REMOTE_ADDR": ip or next(_addresses)})


def codes(responses) -> list[int]:
    return [response.status_code for response in responses]


def assert_rate_limited(response):
    assert response.status_code == 429
    assert response.get_json() == {"error": response.get_json()["error"], "code": "rate_limited"}
    assert int(response.headers["Retry-After"]) > 0


def test_every_spelling_of_an_account_counts_in_one_bucket(app, make_user, login_limit):
    make_user("carol")
    attempts = [login(app, login="carol"), login(app, login=" CAROL@example.com"),
                login(app, username="Carol"), login(app, email="carol@EXAMPLE.com")]
    assert codes(attempts) == [401, 401, 401, 429]
    assert_rate_limited(attempts[-1])


def test_the_right_password_is_refused_too_once_the_bucket_is_spent(app, make_user,
                                                                     login_limit):
    make_user("carol")
    assert codes([login(app, login="carol@example.com") for _ in range(LIMIT)]) == [401] * LIMIT
    assert login(app, login="carol", password=PASSWORD).status_code == 429


def test_successful_logins_count(app, make_user, login_limit):
    make_user("carol")
    assert codes([login(app, login="carol", password=PASSWORD) for _ in range(LIMIT + 1)]) \
        == [200] * LIMIT + [429]


def test_unknown_names_count_by_their_normalised_spelling(app, login_limit):
    attempts = [login(app, login="Nobody"), login(app, login=" nobody "),
                login(app, username="NOBODY"), login(app, login="nobody")]
    assert codes(attempts) == [401, 401, 401, 429]


def test_accounts_do_not_share_buckets(app, make_user, login_limit):
    make_user("carol"), make_user("dave")
    assert codes([login(app, login="carol") for _ in range(LIMIT + 1)])[-1] == 429
    assert login(app, login="dave").status_code == 401
    assert login(app, login="dave", password=PASSWORD).status_code == 200


def test_the_per_ip_bucket_stays(app, login_limit):
    attempts = [login(app, login=f"nobody{n}", ip="10.8.0.1") for n in range(LIMIT + 1)]
    assert codes(attempts) == [401] * LIMIT + [429]
    assert login(app, login="nobody-else", ip="10.8.0.2").status_code == 401


def test_names_the_database_cannot_hold_are_limited_without_500(app, login_limit):
    for name in ("nul\x00name", "x" * 300):
        attempts = [login(app, login=name) for _ in range(LIMIT + 1)]
        assert codes(attempts) == [422] * LIMIT + [429], name


def test_the_account_key_reads_the_name_as_the_login_schema_does(app, make_user):
    carol = make_user("carol")

    def key(body):
        with app.test_request_context("/api/auth/login", method="POST", json=body):
            return login_account_key()

    assert key({"login": "", "username": " Carol", "email": "x@example.com"}) == \
        key({"email": "CAROL@example.com "}) == f"account:{carol.id}"
    assert key({"login": "Nobody "}) == key({"username": "nobody"}) != key({"login": "nobody2"})
    assert "nobody" not in key({"login": "nobody"})  # typed names are not stored as typed
    assert key({"login": 42}) == key([]) == "login:-"
    assert key({"login": "lone \ud800 surrogate"}).startswith("login:")


def change_password(client, user, current="wrong password!"):
    return client.put("/api/me/password", headers=user.headers,
                      json={"current_password": current, "new_password": "another good passphrase"})


def delete_account(client, user, password="wrong password!"):
    return client.delete("/api/me", headers=user.headers, json={"password": password})


def change_email(client, user, email, password="wrong password!"):
    return client.patch("/api/me", headers=user.headers,
                        json={"email": email, "current_password": password})


def test_password_change_is_limited_per_user(client, make_user, login_limit):
    carol = make_user("carol")
    attempts = [change_password(client, carol) for _ in range(LIMIT + 1)]
    assert codes(attempts) == [422] * LIMIT + [429]
    assert_rate_limited(attempts[-1])
    # The user's other password checks share the bucket; other users do not.
    assert delete_account(client, carol).status_code == 429
    assert change_email(client, carol, "new@example.com").status_code == 429
    dave = make_user("dave")
    assert change_password(client, dave).status_code == 422


def test_account_deletion_is_limited_per_user(client, make_user, login_limit):
    carol = make_user("carol")
    assert codes([delete_account(client, carol) for _ in range(LIMIT + 1)]) \
        == [422] * LIMIT + [429]
    assert delete_account(client, carol, PASSWORD).status_code == 429


def test_email_change_is_limited_and_other_profile_changes_are_not(client, make_user,
                                                                   login_limit):
    carol = make_user("carol")
    for _ in range(LIMIT + 2):
        response = client.patch("/api/me", headers=carol.headers,
                                json={"display_name": "Carol", "email": " CAROL@example.com"})
        assert response.status_code == 200  # the same email: no password to check
        assert response.headers["X-RateLimit-Limit"] == "100000"  # the default limit applies
    attempts = [change_email(client, carol, f"carol{n}@example.com") for n in range(LIMIT + 1)]
    assert codes(attempts) == [422] * LIMIT + [429]


def test_successful_password_checks_count(client, make_user, login_limit):
    carol = make_user("carol")
    attempts = [change_email(client, carol, f"carol{n}@example.com", PASSWORD)
                for n in range(LIMIT + 1)]
    assert codes(attempts) == [200] * LIMIT + [429]


def test_logins_and_password_confirmations_share_the_account_bucket(app, client, make_user,
                                                                    login_limit):
    carol = make_user("carol")
    assert codes([login(app, login="CAROL"), login(app, email="carol@example.com")]) \
        == [401, 401]
    assert change_password(client, carol).status_code == 422
    assert change_password(client, carol).status_code == 429
    assert login(app, login="carol", password=PASSWORD).status_code == 429
