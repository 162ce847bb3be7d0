"""docs/FRONTEND.md's fetch wrapper, the exact block of the guide, run in a page of the app.

The block is evaluated through DevTools (which the page's CSP does not govern) inside a closure
that also lends the test the token (to swap in an expired one); its requests are the page's own
fetches, under the page's CSP (`connect-src 'self'`), with the page's cookies.

An expired access token, deterministically: ACCESS_TOKEN_MINUTES cannot go below 1 and a test
must not wait for a clock. So the test forges one: the claims of the wrapper's own token with
`exp` a minute in the past, signed with the test server's key (conftest's JWT_SECRET). The server
cannot tell it from a token that ran out, and answers 401 `token_expired`, which is the case the
wrapper must handle. (Revoking the token instead, by logout-all or a password change, gives
`token_revoked`: the second case, tested below with a password change.)
"""

import re
import time
from pathlib import Path
from urllib.parse import urlparse

import jwt

from tests.browser.api_client import other_device
from tests.browser.conftest import JWT_SECRET, PASSWORD, expect, unique

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "FRONTEND.md"
INSTALL = """() => { window.guide = (function () {
%s
return { login, api, request, refresh, errorInWords, PmpError,
         token: () => accessToken, setToken: (token) => { accessToken = token; } };
})(); }"""


def wrapper_source() -> str:
    blocks = re.findall(r"^```js\n(.*?)^```$", GUIDE.read_text(), re.MULTILINE | re.DOTALL)
    wrappers = [b for b in blocks if b.startswith("// pmp-client.js")]
    assert len(wrappers) == 1, "docs/FRONTEND.md must hold exactly one pmp-client.js block"
    return wrappers[0]


def expired(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    now = int(time.time())
    claims.update(iat=now - 960, nbf=now - 960, exp=now - 60)
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


class Traffic:
    """The page's API requests, as (method, path, status, csrf header, body)."""

    def __init__(self, page):
        self.responses = []
        page.on("response", lambda r: "/api/" in r.url and self.responses.append(r))

    def clear(self):
        self.responses.clear()

    def calls(self):
        return [(r.request.method, urlparse(r.url).path, r.status) for r in self.responses]

    def refreshes(self):
        return [r for r in self.responses if urlparse(r.url).path == "/api/auth/refresh"]


def csrf_cookie(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrf_refresh_token")


def run(page, script, arg=None):
    return page.evaluate(script, arg)


def test_the_guides_wrapper_in_the_app(page, browser, server):
    username = unique("client")
    with other_device(browser, server) as other:
        other.call("POST", "/api/auth/register", {"username": username, "password": PASSWORD,
                                                  "email": f"{username}@example.com"})
    page.goto("/login")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    run(page, INSTALL % wrapper_source())
    traffic = Traffic(page)

    # Sign in, then an authenticated call.
    user = run(page, "([name, password]) => guide.login(name, password)", [username, PASSWORD])
    assert user["username"] == username
    assert run(page, "() => guide.api('GET', '/api/me')")["username"] == username

    # An expired access token: both calls get 401 token_expired, ONE refresh by cookie with the
    # CSRF header (no body) serves them, and each call is repeated once.
    forged = expired(run(page, "() => guide.token()"))
    run(page, "(token) => guide.setToken(token)", forged)
    csrf = csrf_cookie(page)
    traffic.clear()
    me, items = run(page, """() => Promise.all([guide.api('GET', '/api/me'),
                                                guide.api('GET', '/api/items')])""")
    assert me["username"] == username and items == []
    calls = traffic.calls()
    assert sorted(calls) == sorted([("GET", "/api/me", 401), ("GET", "/api/items", 401),
                                    ("POST", "/api/auth/refresh", 200),
                                    ("GET", "/api/me", 200), ("GET", "/api/items", 200)])
    assert {r.json()["code"] for r in traffic.responses if r.status == 401} == {"token_expired"}
    (refresh,) = traffic.refreshes()
    assert refresh.request.headers["x-csrf-token"] == csrf
    assert refresh.request.post_data is None and "authorization" not in refresh.request.headers
    assert csrf_cookie(page) != csrf  # rotated with the refresh token
    assert run(page, "() => guide.token()") != forged

    # A password change refuses the current access token (token_revoked): the next call
    # refreshes once and goes on, in the same session.
    run(page, """(password) => guide.api('PUT', '/api/me/password',
                 {current_password: password, new_password: 'another long passphrase'})""",
        PASSWORD)
    traffic.clear()
    assert run(page, "() => guide.api('GET', '/api/me')")["username"] == username
    assert traffic.calls() == [("GET", "/api/me", 401), ("POST", "/api/auth/refresh", 200),
                               ("GET", "/api/me", 200)]

    # Errors in words: the server's own sentences, by field where there is one.
    in_words = "(call) => eval(call).then(() => 'no error', (e) => guide.errorInWords(e))"
    assert run(page, in_words, "guide.api('GET', '/api/items/999999')") == "Item not found."
    assert run(page, in_words, "guide.api('POST', '/api/items', {name: 'Tent', weight: -1})") \
        == "weight: Must be greater than or equal to 0 and less than or equal to 1000000000."
    assert run(page, in_words, "guide.api('PATCH', '/api/me', {preferences: {currency: 'QQQ'}})"
               ).startswith("preferences: ")
    assert run(page, in_words, "guide.login('nobody-" + unique() + "', 'wrong password')") \
        == "Invalid username/email or password."
    assert run(page, """() => guide.errorInWords(new guide.PmpError(429,
        {error: 'Too many requests; slow down and retry later.', code: 'rate_limited'},
        new Headers({'Retry-After': '42'})))""") == (
        "Too many requests; slow down and retry later. Try again in 42 seconds.")

    # Signed out everywhere: the refresh fails too, and the person is asked to sign in.
    assert run(page, "() => guide.api('POST', '/api/auth/logout-all')") == {
        "revoked_sessions": 1}
    traffic.clear()
    assert run(page, in_words, "guide.api('GET', '/api/me')") == "Please sign in again."
    assert traffic.calls() == [("GET", "/api/me", 401), ("POST", "/api/auth/refresh", 401)]
