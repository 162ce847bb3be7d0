"""The account screen (/account) as a person uses it: profile, units, password, sessions,
export and import, deletion; keyboard, phone width, axe on every state."""

import json
import re

from tests.browser.api_client import other_device
from tests.browser.conftest import (
    PASSWORD,
    SCREENSHOTS,
    check_accessibility,
    expect,
    screenshot,
    sign_up,
)

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
NEW_PASSWORD = "a different long passphrase"


def open_account(page):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", name="Account", level=1)).to_be_visible()


def part(page, name):
    return page.get_by_role("region", name=name)


def test_profile_units_and_password(page, browser, server):
    username = sign_up(page)
    open_account(page)
    check_accessibility(page, "account")

    profile = part(page, "Profile")
    profile.get_by_label("Display name").fill("Trail Runner")
    profile.get_by_role("button", name="Save name").click()
    expect(profile.get_by_role("status").first).to_have_text("Display name saved.")
    expect(page.get_by_role("banner")).to_contain_text("Trail Runner")

    # A new email asks for the password; a wrong one is named beside its field.
    profile.get_by_label("Email").fill(f"new-{username}@example.com")
    profile.get_by_label("Current password").fill("not my password")
    profile.get_by_role("button", name="Change email").click()
    expect(profile.get_by_label("Current password")).to_have_attribute("aria-invalid", "true")
    expect(profile.get_by_text("Incorrect password.")).to_be_visible()
    check_accessibility(page, "account, email error")
    profile.get_by_label("Current password").fill(PASSWORD)
    profile.get_by_role("button", name="Change email").click()
    expect(profile.get_by_role("status").last).to_have_text("Email changed.")
    expect(profile.get_by_label("Current password")).to_have_count(0)

    units = part(page, "Units and currency")
    units.get_by_label("Weight unit").select_option("oz")
    units.get_by_label("Currency").fill("chf")
    expect(units.get_by_label("Currency")).to_have_value("CHF")
    units.get_by_role("button", name="Save preferences").click()
    expect(units.get_by_role("status")).to_have_text("Preferences saved.")
    units.get_by_label("Currency").fill("QQQ")
    units.get_by_role("button", name="Save preferences").click()
    expect(units.get_by_label("Currency")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page, "account, currency error")

    with other_device(browser, server) as other:
        other.login(username, user_agent=FIREFOX_ANDROID)
        other_refresh = other.call("POST", "/api/auth/login",
                                   {"login": username, "password": PASSWORD})["refresh_token"]
        password = part(page, "Password")
        password.get_by_label("Current password").fill(PASSWORD)
        password.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
        password.get_by_label("Repeat the new password").fill(NEW_PASSWORD + "!")
        password.get_by_role("button", name="Change password").click()
        expect(password.get_by_text("The two new passwords differ.")).to_be_visible()
        password.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
        password.get_by_role("button", name="Change password").click()
        expect(password.get_by_role("status")).to_contain_text(
            "Every other device was signed out; this one stays signed in.")
        # The other device is out; this page goes on with its new token.
        refused = other.call("POST", "/api/auth/refresh", {"refresh_token": other_refresh},
                             ok=False)
        assert refused.status == 401
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Gear").click()
    expect(page.get_by_text("No gear yet")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Gear")).to_be_visible()
    open_account(page)
    expect(part(page, "Units and currency").get_by_label("Weight unit")).to_have_value("oz")
    screenshot(page, "account-desktop")


def test_sessions_revoke_one_and_sign_out_everywhere(page, browser, server):
    username = sign_up(page)
    with other_device(browser, server) as other:
        other.login(username, user_agent=FIREFOX_ANDROID)
        open_account(page)
        sessions = part(page, "Where you are signed in")
        expect(sessions.get_by_role("listitem")).to_have_count(2)
        expect(sessions.get_by_role("listitem").filter(has_text="This device")).to_contain_text(
            "Chrome (headless) on Linux")
        check_accessibility(page, "account, sessions")
        sessions.get_by_role("button", name=re.compile("^Sign out Firefox on Android")).click()
        expect(page.get_by_role("status").filter(has_text="Signed out Firefox on Android")) \
            .to_be_visible()
        expect(sessions.get_by_role("listitem")).to_have_count(1)
        assert other.call("GET", "/api/me", ok=False).status == 401

        # "Sign out everywhere": asked once (keyboard only), then this device is out too.
        other.login(username)
        everywhere = sessions.get_by_role("button", name="Sign out everywhere")
        everywhere.focus()
        page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog", name="Sign out everywhere?")
        expect(dialog).to_contain_text("this one too")
        check_accessibility(page, "account, sign out everywhere dialog")
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        expect(everywhere).to_be_focused()
        everywhere.click()
        dialog.get_by_role("button", name="Sign out everywhere").click()
        expect(page).to_have_url(re.compile(r"/login"))
        assert other.call("GET", "/api/me", ok=False).status == 401
    page.goto("/account")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Faccount"))


def test_export_import_and_delete_the_account(page, browser, server, tmp_path):
    username = sign_up(page)
    with other_device(browser, server) as other:
        other.login(username)
        other.item(name="Tent", category="Shelter", weight=900)
        pack = other.call("POST", "/api/packs", {"name": "Trip"})
        other.call("POST", f"/api/packs/{pack['id']}/entries",
                   {"item": {"name": "Stove", "weight": 80}})
    open_account(page)
    data = part(page, "Your data")
    with page.expect_download() as download:
        data.get_by_role("button", name="Download everything (.json)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert re.fullmatch(rf"pmp-export-{username}-\d{{8}}\.json", saved.name)
    document = json.loads(saved.read_text())
    assert document["format"] == "pmp-export"
    assert sorted(i["name"] for i in document["items"]) == ["Stove", "Tent"]
    expect(data.get_by_role("status").first).to_have_text(f"Saved {saved.name}.")

    # Importing adds the file's records (a second copy here) and says how many.
    import_button = data.get_by_role("button", name="Import", exact=True)
    expect(import_button).to_be_disabled()
    data.get_by_label("Export file to import").set_input_files(str(saved))
    import_button.click()
    expect(data.get_by_role("status").last).to_have_text("Imported 2 items, 1 pack, 1 pack entry.")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "something else", "version": 1}')
    data.get_by_label("Export file to import").set_input_files(str(broken))
    import_button.click()
    expect(data.get_by_role("alert")).to_contain_text("Nothing was imported: format:")
    check_accessibility(page, "account, import error")

    # Deleting: the username must be typed, the password must be right.
    danger = part(page, "Delete the account")
    delete = danger.get_by_role("button", name="Delete my account")
    danger.get_by_label("Password").fill("wrong password")
    expect(delete).to_be_disabled()
    danger.get_by_label(re.compile("Type your username")).fill(username.upper())
    expect(delete).to_be_enabled()
    delete.click()
    expect(danger.get_by_text("Incorrect password.")).to_be_visible()
    check_accessibility(page, "account, delete error")
    screenshot(page, "account-delete-error")
    danger.get_by_label("Password").fill(PASSWORD)
    delete.click()
    expect(page).to_have_url(re.compile(r"/login"))
    expect(page.get_by_role("alert")).to_have_text(
        f"The account {username} and all its data were deleted.")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Invalid username/email or password")).to_be_visible()


def test_account_on_a_phone(phone, browser, server):
    username = sign_up(phone)
    with other_device(browser, server) as other:
        other.login(username, user_agent=FIREFOX_ANDROID)
    phone.goto("/account")
    expect(part(phone, "Security activity").get_by_role("listitem")).to_have_count(2)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    check_accessibility(phone, "account, phone")
    screenshot(phone, "account-phone")
    phone.emulate_media(color_scheme="dark")
    check_accessibility(phone, "account, phone, dark")
    screenshot(phone, "account-phone-dark")
    for name, slug in (("Where you are signed in", "sessions"),
                       ("Security activity", "security"), ("Delete the account", "delete")):
        part(phone, name).screenshot(path=SCREENSHOTS / f"account-phone-dark-{slug}.png")
