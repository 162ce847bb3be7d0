"""The gear inventory (/gear) as a person uses it: add, find, sort, page, edit and delete
items, with the keyboard too, on a desktop and on a phone."""

import re
import time

from tests.browser.api_client import other_device
from tests.browser.conftest import check_accessibility, expect, screenshot, sign_up


def open_gear(page):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Gear").click()
    expect(page.get_by_role("heading", name="Gear", level=1)).to_be_visible()


def row(page, name):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))


def add_item(page, **fields):
    page.get_by_role("button", name="Add item").click()
    dialog = page.get_by_role("dialog", name="Add an item")
    for label, value in fields.items():
        dialog.get_by_label(label, exact=True).fill(value)
    dialog.get_by_role("button", name="Add item").click()
    return dialog


def test_add_find_sort_edit_and_delete(page, browser, server):
    username = sign_up(page)
    open_gear(page)
    expect(page.get_by_text("No gear yet: add your first item")).to_be_visible()
    expect(page.get_by_role("link", name="Packs").last).to_have_attribute("href", "/packs")
    check_accessibility(page, "gear, empty")
    screenshot(page, "gear-empty")

    # A first item; the server's refusal of the link shows beside that field.
    page.get_by_role("button", name="Add item").click()
    dialog = page.get_by_role("dialog", name="Add an item")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Name").fill("Tent")
    dialog.get_by_label("Category").fill("Shelter")
    dialog.get_by_label("Weight").fill("1,2")
    dialog.get_by_label("Unit").select_option("kg")
    dialog.get_by_label("Price").fill("250.5")
    dialog.get_by_label("Link (product page)").fill("javascript:alert(1)")
    check_accessibility(page, "gear, add dialog")
    dialog.get_by_role("button", name="Add item").click()
    link = dialog.get_by_label("Link (product page)")
    expect(link).to_have_attribute("aria-invalid", "true")
    expect(link).to_be_focused()
    expect(dialog.get_by_text("Must be an http(s) URL or empty.")).to_be_visible()
    check_accessibility(page, "gear, add dialog with an error")
    screenshot(page, "gear-add-error")
    link.fill("https://example.org/tent")
    dialog.get_by_label("Picture (image address)").fill(f"{server.base}/assets/any/app/icon.svg")
    dialog.get_by_role("button", name="Add item").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="Added “Tent”.")).to_be_visible()
    tent = row(page, "Tent")
    expect(tent).to_contain_text("1.2kg")
    expect(tent).to_contain_text("€250.50")
    expect(tent).to_contain_text("in no pack")

    # By keyboard only: open, type, submit with Enter; Escape closes without saving.
    add = page.get_by_role("button", name="Add item")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Name")).to_be_focused()
    page.keyboard.type("Stove")
    page.keyboard.press("Tab")
    page.keyboard.type("Kitchen")
    page.get_by_label("Weight").fill("3.5")
    page.get_by_label("Unit").select_option("oz")
    page.get_by_label("Weight").press("Enter")
    expect(row(page, "Stove")).to_contain_text("3.5oz")
    add.focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Never saved")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(add).to_be_focused()
    expect(page.get_by_text("Never saved")).to_have_count(0)

    # Many more from another device: pages of 50, "Load more".
    with other_device(browser, server) as phone:
        phone.login(username)
        for n in range(55):
            phone.item(name=f"Spare {n:02d}", category="Spares", weight=10 + n)
        phone.item(name="Cup", category="Kitchen", weight=80)
        trip = phone.call("POST", "/api/packs", {"name": "Trip"})
        day = phone.call("POST", "/api/packs", {"name": "Day"})
        tent_id = next(i["id"] for i in phone.call("GET", "/api/items?q=Tent"))
        for pack in (trip, day):
            phone.call("POST", f"/api/packs/{pack['id']}/entries", {"item_id": tent_id})
    page.reload()
    expect(page.get_by_text("Showing 50 of 58 items")).to_be_visible()
    started = time.perf_counter()
    page.get_by_role("button", name="Load more (8 left)").click()
    expect(page.get_by_text("58 items", exact=True)).to_be_visible()
    print(f"\nbench: 8 more items listed in {(time.perf_counter() - started) * 1000:.0f} ms")
    expect(page.get_by_role("rowheader")).to_have_count(58)
    expect(row(page, "Tent")).to_contain_text("in 2 packs")

    # Search (as typed, after a pause), category, sort by a column header.
    page.get_by_label("Search gear").fill("spare 1")
    expect(page.get_by_text("10 items found")).to_be_visible()
    page.get_by_label("Search gear").fill("")
    page.get_by_label("Category").select_option("Kitchen")
    expect(page.get_by_text("2 items found")).to_be_visible()
    names = page.get_by_role("rowheader")
    expect(names).to_have_text([re.compile("^Cup"), re.compile("^Stove")])
    page.get_by_role("button", name="Weight").click()
    expect(page.get_by_role("columnheader", name="Weight")).to_have_attribute(
        "aria-sort", "ascending")
    expect(names).to_have_text([re.compile("^Cup"), re.compile("^Stove")])  # 80 g < 99 g
    page.get_by_role("button", name="Weight").click()
    expect(names).to_have_text([re.compile("^Stove"), re.compile("^Cup")])
    expect(page.get_by_label("Sort")).to_have_value("-weight")
    page.get_by_label("Category").select_option("All categories")
    page.get_by_label("Sort").select_option("name")
    expect(page.get_by_text("Showing 50 of 58 items")).to_be_visible()
    expect(names.first).to_have_text(re.compile("^Cup"))
    screenshot(page, "gear-desktop")
    check_accessibility(page, "gear, a list")

    # Edit in a dialog: the new weight shows in its unit.
    page.get_by_label("Sort").select_option("-created_at")
    page.get_by_label("Search gear").fill("stove")
    page.get_by_role("button", name="Edit Stove").click()
    dialog = page.get_by_role("dialog", name="Edit Stove")
    expect(dialog.get_by_label("Weight")).to_have_value("3.5")
    dialog.get_by_label("Weight").fill("4")
    dialog.get_by_label("Description").fill("Canister stove\nwith piezo")
    check_accessibility(page, "gear, edit dialog")
    dialog.get_by_role("button", name="Save changes").click()
    expect(row(page, "Stove")).to_contain_text("4oz")
    expect(row(page, "Stove")).to_contain_text("Canister stove")

    # In no pack: gone at once, and Undo brings it back.
    page.get_by_label("Search gear").fill("")
    page.get_by_role("button", name="Delete Cup").click()
    toast = page.get_by_role("status").filter(has_text="Deleted “Cup”.")
    expect(toast).to_be_visible()
    expect(row(page, "Cup")).to_have_count(0)
    toast.get_by_role("button", name="Undo").click()
    expect(row(page, "Cup")).to_contain_text("80g")

    # In packs: asked once, then deleted without an Undo (its packs would not come back).
    page.get_by_label("Search gear").fill("tent")
    page.get_by_role("button", name="Delete Tent").click()
    confirm = page.get_by_role("dialog", name="Delete Tent?")
    expect(confirm).to_contain_text("It is in 2 packs and will leave them.")
    check_accessibility(page, "gear, delete dialog")
    screenshot(page, "gear-delete-confirm")
    confirm.get_by_role("button", name="Delete item").click()
    toast = page.get_by_role("status").filter(has_text="Deleted “Tent”; it left 2 packs.")
    expect(toast).to_be_visible()
    expect(toast.get_by_role("button", name="Undo")).to_have_count(0)
    expect(row(page, "Tent")).to_have_count(0)


def test_search_without_results_and_the_phone_cards(phone, browser, server):
    username = sign_up(phone)
    with other_device(browser, server) as other:
        other.login(username)
        other.item(name="Quilt", category="Sleep", weight=19.5, weight_unit="oz",
                   description="20°F, long/wide", price=340, currency="USD",
                   image_url=f"{server.base}/assets/any/app/icon.svg")
        other.item(name="Headlamp", category="Electronics", weight=56)
        other.item(name="Gloves", weight=30)
    phone.goto("/gear")
    cards = phone.get_by_role("list", name="Your gear")
    expect(cards.get_by_role("listitem")).to_have_count(3)
    quilt = cards.get_by_role("listitem").filter(has_text="Quilt")
    expect(quilt).to_contain_text("19.5oz")
    expect(quilt).to_contain_text("US$340.00")
    expect(phone.get_by_role("table")).to_have_count(0)
    expect(phone.get_by_label("Category")).to_contain_text("No category")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    check_accessibility(phone, "gear, phone")
    screenshot(phone, "gear-phone")
    phone.emulate_media(color_scheme="dark")
    check_accessibility(phone, "gear, phone, dark")
    screenshot(phone, "gear-phone-dark")

    phone.get_by_role("button", name="Edit Quilt").click()
    expect(phone.get_by_role("dialog", name="Edit Quilt")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    check_accessibility(phone, "gear, phone, edit dialog")
    screenshot(phone, "gear-phone-edit")
    phone.get_by_role("button", name="Cancel").click()
    expect(phone.get_by_role("button", name="Edit Quilt")).to_be_focused()

    phone.get_by_label("Search gear").fill("tarp")
    expect(phone.get_by_text("No items match “tarp”.")).to_be_visible()
    check_accessibility(phone, "gear, no match")
    phone.get_by_role("button", name="Show all gear").click()
    expect(cards.get_by_role("listitem")).to_have_count(3)
