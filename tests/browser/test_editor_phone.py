"""The pack editor on a 360 px phone: one column, the sidebar behind a toggle, no horizontal
scrolling in any state, large targets on the checklist, axe clean."""

import re

from tests.browser.conftest import check_accessibility, expect, screenshot, sign_up
from tests.browser.editor_steps import (
    add_category,
    add_items,
    entries,
    new_pack,
    no_horizontal_scroll,
    total,
)


def test_phone_editor_checklist_and_dialogs(phone):
    page = phone
    sign_up(page)
    expect(page.get_by_text("No packs yet: create one")).to_be_visible()
    no_horizontal_scroll(page)
    toggle = page.get_by_role("button", name="Packs and gear")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="New pack")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    check_accessibility(page, "phone, sidebar open")
    new_pack(page, "Phone trip")
    expect(page.get_by_role("button", name="New pack")).to_be_hidden()  # folded again
    add_category(page, "Shelter")
    add_category(page, "Clothing")
    add_items(page, "Shelter", ("Tent", "1200"), ("Stakes with a very long name indeed", "80"))
    page.get_by_role("button", name="Worn: Tent").tap()
    expect(total(page, "Worn")).to_contain_text("1,200")
    page.get_by_role("button", name="Move Tent", exact=True).tap()
    page.get_by_role("dialog", name="Tent").get_by_label("Move to category").select_option(
        label="Clothing")
    no_horizontal_scroll(page)
    check_accessibility(page, "phone, entry dialog")
    page.get_by_role("dialog", name="Tent").get_by_role("button", name="Done").tap()
    expect(entries(page, "Clothing").get_by_label("Name of Tent")).to_be_visible()
    no_horizontal_scroll(page)
    check_accessibility(page, "phone, editor")
    screenshot(page, "editor-phone-built")

    page.get_by_role("link", name="Checklist").tap()
    box = page.get_by_role("checkbox", name=re.compile("^Tent"))
    row = box.locator("xpath=ancestor::label")
    assert row.bounding_box()["height"] >= 44
    row.tap()
    expect(page.get_by_role("progressbar", name="Packed 1 of 2")).to_be_visible()
    no_horizontal_scroll(page)
    check_accessibility(page, "phone, checklist")

    page.get_by_role("button", name="Share").tap()
    page.get_by_role("button", name="Create a public link").tap()
    expect(page.get_by_label("Public link")).to_have_value(re.compile("^http"))
    no_horizontal_scroll(page)
    check_accessibility(page, "phone, share dialog")
