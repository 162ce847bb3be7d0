"""The public share page in a browser: read without JavaScript, on a phone, accessible.

The pack is made through the JSON API (as the editor would), shared, and its `share_url`
opened in fresh browser contexts, as someone who got the link in a chat would.
"""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

from tests.browser.conftest import (
    DESKTOP,
    PASSWORD,
    PHONE,
    check_accessibility,
    expect,
    screenshot,
    unique,
)

DESCRIPTION = """Seven days from Happy Isles to Whitney Portal, resupply at **Muir Trail Ranch**.
Nights near freezing above 10,000 ft.

Permits and the route: [the JMT on Wikipedia](https://en.wikipedia.org/wiki/John_Muir_Trail)."""

# (category, name, weight, unit, entry fields, item fields)
GEAR = [
    ("Shelter", "Duplex tent", 539, "g", {"star": 1},
     {"price": 599, "url": "https://example.org/duplex",
      "description": "Two doors, trekking-pole pitch"}),
    ("Shelter", "Tent stakes", 9, "g", {"quantity": 6}, {}),
    ("Sleep", "Quilt 20°F", 652, "g", {}, {"price": 340}),
    ("Sleep", "Sleeping pad", 12.5, "oz", {}, {"price": 210}),
    ("Sleep", "Inflatable pillow", 57, "g", {}, {}),
    ("Kitchen", "Canister stove", 2.9, "oz", {}, {"price": 55}),
    ("Kitchen", "Titanium pot 750 ml", 103, "g", {}, {}),
    ("Kitchen", "Gas canister", 230, "g", {"consumable": True}, {}),
    ("Water", "Squeeze filter", 85, "g", {}, {}),
    ("Water", "Bottle 1 L", 36, "g", {"quantity": 2}, {}),
    ("Clothing", "Rain jacket", 198, "g", {"star": 2}, {}),
    ("Clothing", "Fleece", 300, "g", {}, {}),
    ("Clothing", "Trail runners", 0.64, "kg", {"worn": True}, {}),
    ("Clothing", "Sun hoody", 150, "g", {"worn": True}, {}),
    ("Electronics", "Headlamp", 56, "g", {}, {}),
    ("Electronics", "Power bank 10,000 mAh", 190, "g", {}, {}),
    ("Food", "Food, three days", 2.1, "kg", {"consumable": True}, {}),
]


def api(base: str, method: str, path: str, body: dict | None = None, token: str | None = None):
    request = urllib.request.Request(
        base + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json",
                 **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our server
        return json.loads(response.read() or b"null")


@pytest.fixture(scope="module")
def shared(server) -> dict:
    """A realistic shared pack (17 entries in 7 categories, an empty one, a thumbnail)."""
    base = server.base
    name = unique("sharer")
    token = api(base, "POST", "/api/auth/register", {
        "username": name, "email": f"{name}@example.com", "password": PASSWORD})["access_token"]
    pack = api(base, "POST", "/api/packs", {"name": "John Muir Trail, July",
                                            "description": DESCRIPTION}, token)
    for category, item_name, weight, unit, entry, fields in GEAR:
        item = api(base, "POST", "/api/items", {"name": item_name, "category": category,
                                                "weight": weight, "weight_unit": unit,
                                                **fields}, token)
        api(base, "POST", f"/api/packs/{pack['id']}/entries", {"item_id": item["id"], **entry},
            token)
    # A picture served by pmp itself: the machine has no network beyond itself.
    sticker = api(base, "POST", "/api/items", {
        "name": "pmp sticker", "category": "Extras", "weight": 1,
        "image_url": f"{base}/assets/any/app/icon.svg"}, token)
    api(base, "POST", f"/api/packs/{pack['id']}/entries", {"item_id": sticker["id"]}, token)
    api(base, "POST", f"/api/packs/{pack['id']}/categories", {"name": "Spare socks"}, token)
    share = api(base, "POST", f"/api/packs/{pack['id']}/share", None, token)
    return {"username": name, "token": token, "pack": pack, **share}


def context_of(browser, server, **options):
    made = browser.new_context(base_url=server.base, locale="en-GB", **options)
    made.set_default_timeout(10_000)
    return made


def check_content(page, shared) -> None:
    """Everything a reader needs is on the screen."""
    expect(page).to_have_title("John Muir Trail, July · pmp")
    expect(page.get_by_role("heading", level=1, name="John Muir Trail, July")).to_be_visible()
    expect(page.get_by_text("Base 2,744 g · Total 5,864 g · 24 items").first).to_be_visible()
    expect(page.get_by_role("link", name="the JMT on Wikipedia")).to_be_visible()
    for category in ("Shelter", "Sleep", "Kitchen", "Water", "Clothing", "Electronics",
                     "Food", "Extras", "Spare socks"):
        expect(page.get_by_role("heading", level=3, name=category)).to_be_visible()
    for _, item_name, *_ in GEAR:
        expect(page.get_by_role("cell", name=item_name).first).to_be_visible()
    expect(page.get_by_role("link", name="Duplex tent")).to_have_attribute(
        "href", "https://example.org/duplex")
    expect(page.get_by_role("img", name=re.compile("^Weight by category"))).to_be_visible()
    totals = page.get_by_role("table", name="Totals, in grams")
    expect(totals.get_by_role("row", name=re.compile("Base weight"))).to_contain_text("2,744")
    expect(totals.get_by_role("row", name=re.compile("Price"))).to_contain_text("€1,204.00")
    expect(page.get_by_role("link", name="Download the list as CSV")).to_have_attribute(
        "href", f"/api/shared/{shared['share_code']}/export.csv")
    thumb = page.locator("img.thumb")
    thumb.scroll_into_view_if_needed()  # it loads lazily
    expect(thumb).to_have_js_property("complete", True)
    assert thumb.evaluate("img => img.naturalWidth") > 0
    page.evaluate("window.scrollTo(0, 0)")
    assert page.locator("script").count() == 0
    assert username_absent(page, shared)


def username_absent(page, shared) -> bool:
    return shared["username"] not in page.content()


def test_share_url_is_absolute_on_this_server(server, shared):
    assert shared["share_url"] == f"{server.base}/r/{shared['share_code']}"


def test_read_without_javascript_and_switch_units(browser, server, shared):
    context = context_of(browser, server, java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        response = page.goto(shared["share_url"])
        assert response.status == 200
        check_content(page, shared)
        screenshot(page, "share-page-no-js")
        page.get_by_role("link", name="kg (kilograms)").click()
        expect(page).to_have_url(re.compile(r"\?unit=kg$"))
        expect(page.get_by_role("link", name="kg (kilograms)")).to_have_attribute(
            "aria-current", "true")
        expect(page.get_by_role("table", name="Totals, in kilograms")).to_contain_text("5.86")
        expect(page.get_by_text("Base 2.74 kg · Total 5.86 kg · 24 items").first).to_be_visible()
        # keyboard: the unit links are reachable and show where the focus is
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="pmp")).to_be_focused()
    finally:
        context.close()


def test_dark_theme_and_print_without_javascript(browser, server, shared):
    context = context_of(browser, server, java_script_enabled=False, viewport=DESKTOP,
                         color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(shared["share_url"])
        check_content(page, shared)
        background = page.locator("html").evaluate("e => getComputedStyle(e).backgroundColor")
        assert background == "rgb(20, 24, 22)"
        screenshot(page, "share-page-dark")
        page.emulate_media(media="print")
        expect(page.get_by_role("navigation", name="Totals in")).to_be_hidden()
        screenshot(page, "share-page-print")
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_phone_reads_it_without_sideways_scrolling(browser, server, shared, javascript):
    context = context_of(browser, server, java_script_enabled=javascript, viewport=PHONE,
                         is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(shared["share_url"])
        check_content(page, shared)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        name = f"share-page-phone-{'js' if javascript else 'no-js'}"
        path = screenshot(page, name)
        # what the phone's screen shows at first, and at the first category
        page.screenshot(path=str(path.with_name(f"{name}-top.png")))
        page.get_by_role("heading", level=2, name=re.compile("^Gear")).scroll_into_view_if_needed()
        page.screenshot(path=str(path.with_name(f"{name}-gear.png")))
    finally:
        context.close()


def test_accessible_in_both_themes_with_no_script_error(watched, shared):
    page = watched.page
    page.goto(shared["share_url"])
    check_content(page, shared)
    check_accessibility(page, "share page")
    page.emulate_media(color_scheme="dark")
    check_accessibility(page, "share page, dark")
    page.set_viewport_size(PHONE)
    check_accessibility(page, "share page, phone")
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme="light")
    page.evaluate("window.scrollTo(0, 0)")
    path = screenshot(page, "share-page")
    # What a desktop's window shows at first: docs/screenshots/share-page.png is a copy.
    page.screenshot(path=str(path.with_name("share-page-top.png")))


def test_unknown_and_revoked_links_get_a_404_page(watched, server, shared):
    page = watched.page
    response = page.goto("/r/this-code-was-never-shared")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1, name="This list is not shared")).to_be_visible()
    check_accessibility(page, "share 404")
    screenshot(page, "share-page-404")
    base, token = server.base, shared["token"]
    other = api(base, "POST", "/api/packs", {"name": "Soon private"}, token)
    link = api(base, "POST", f"/api/packs/{other['id']}/share", None, token)["share_url"]
    assert page.goto(link).status == 200
    api(base, "DELETE", f"/api/packs/{other['id']}/share", None, token)
    assert page.goto(link).status == 404
    expect(page.get_by_role("heading", level=1, name="This list is not shared")).to_be_visible()
