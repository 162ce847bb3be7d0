"""Sign up, sign in, stay signed in across a reload, sign out (as a person would)."""

import re

from tests.browser.conftest import (
    PASSWORD,
    check_accessibility,
    expect,
    screenshot,
    sign_up,
    unique,
)


def test_sign_up_reload_and_sign_out(page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login"))
    check_accessibility(page, "sign in")
    username = sign_up(page)
    expect(page.get_by_role("heading", name="Packs")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Packs")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login"))
    page.goto("/packs")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fpacks"))
    page.get_by_label("Username or email").fill(f"{username}@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/packs$"))


def test_a_wrong_password_says_so(page):
    page.goto("/login")
    page.get_by_label("Username or email").fill(unique())
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Invalid username/email or password")
    screenshot(page, "sign-in-error")


def test_sign_up_shows_field_errors(page):
    page.goto("/signup")
    check_accessibility(page, "sign up")
    page.get_by_label("Username").fill("x")
    page.get_by_label("Email").fill("not-an-email")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Not a valid email address.")).to_be_visible()
    check_accessibility(page, "sign up with errors")


def test_phone_width_sign_in(phone):
    phone.goto("/login")
    expect(phone.get_by_role("button", name="Sign in")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
