"""A stolen refresh token, end to end: the server catches its reuse, the person is alerted on
their next sign-in, reviews it on the account screen and acknowledges it.

The reuse is made deterministic without waiting out REFRESH_REUSE_GRACE_SECONDS: the grace
only covers the token rotated away *last*. Two rotations (T0 -> T1 -> T2) leave T0 two steps
behind, so presenting T0 again is reuse at once, whatever the window.
"""

import re

from tests.browser.api_client import other_device
from tests.browser.conftest import (
    PASSWORD,
    check_accessibility,
    expect,
    screenshot,
    sign_up,
)

LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0"
THIEF = "curl/8.5.0"


def steal_and_replay(browser, server, username):
    with other_device(browser, server) as laptop:
        first = laptop.login(username, user_agent=LAPTOP)
        refresh = lambda token, agent=LAPTOP: laptop.call(  # noqa: E731
            "POST", "/api/auth/refresh", {"refresh_token": token}, ok=False,
            headers={"User-Agent": agent})
        second = refresh(first["refresh_token"]).json()
        assert refresh(second["refresh_token"]).status == 200
        replayed = refresh(first["refresh_token"], THIEF)  # the thief's copy of T0
        assert replayed.status == 401 and replayed.json()["code"] == "token_revoked"


def sign_in(page, username):
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_reuse_alert_after_the_next_sign_in(page, browser, server):
    username = sign_up(page)
    expect(page.get_by_role("region", name="Security alert")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()
    steal_and_replay(browser, server, username)

    sign_in(page, username)
    expect(page).to_have_url(re.compile(r"/packs$"))
    alert = page.get_by_role("region", name="Security alert")
    expect(alert.get_by_role("alert")).to_contain_text("Someone else may have used your account")
    check_accessibility(page, "packs with the security alert")
    screenshot(page, "security-alert")
    alert.get_by_role("button", name="Review").click()

    expect(page).to_have_url(re.compile(r"/account#security$"))
    heading = page.get_by_role("heading", name="Security activity")
    expect(heading).to_be_focused()
    events = page.get_by_role("list", name="Security events, newest first")
    reuse = events.get_by_role("listitem").filter(has_text="Reused sign-in key caught")
    expect(reuse).to_contain_text("A script or app (curl)")
    expect(events.get_by_role("listitem").filter(has_text="Firefox on Windows")).to_contain_text(
        "Signed in")
    expect(reuse).to_contain_text("New")
    expect(events.get_by_role("listitem")).to_have_count(4)  # sign-up, laptop, reuse, sign-in
    check_accessibility(page, "account with an unacknowledged alert")
    page.get_by_role("region", name="Security activity").screenshot(
        path=str(screenshot(page, "security-activity").with_name("security-activity-part.png")))

    alert.get_by_role("button", name="I understand").click()
    expect(alert).to_have_count(0)
    expect(reuse).not_to_contain_text("New")
    page.reload()
    expect(page.get_by_role("heading", name="Security activity")).to_be_visible()
    expect(page.get_by_role("region", name="Security alert")).to_have_count(0)


def test_the_alert_reaches_a_tab_that_stays_signed_in(page, browser, server):
    """No new sign-in needed: the next token refresh brings the count (a reload here)."""
    username = sign_up(page)
    steal_and_replay(browser, server, username)
    page.goto("/gear")
    alert = page.get_by_role("region", name="Security alert")
    expect(alert.get_by_role("alert")).to_be_visible()
    alert.get_by_role("button", name="I understand").click()
    expect(alert).to_have_count(0)
    page.goto("/packs")
    expect(page.get_by_role("heading", name="Packs")).to_be_visible()
    expect(alert).to_have_count(0)
