"""The editor without a mouse: moving entries and categories with the keyboard, inline editing
(Enter saves, Escape cancels), errors rolled back and said in words, a delete undone."""

import re

from tests.browser.conftest import check_accessibility, expect, screenshot, sign_up
from tests.browser.editor_steps import (
    add_category,
    add_items,
    category_order,
    entries,
    handle,
    names_in,
    new_pack,
    total,
)


def build(page) -> None:
    sign_up(page)
    new_pack(page, "Keyboard")
    for name in ("Shelter", "Sleep", "Kitchen"):
        add_category(page, name)
    add_items(page, "Shelter", ("Tent", "1200"), ("Stakes", "80"), ("Pole", "150"))


def test_keyboard_only_reorder(page):
    build(page)
    # Arrow keys on an entry's handle move it within, then across, categories.
    handle(page, "Pole").focus()
    page.keyboard.press("ArrowUp")
    expect(handle(page, "Pole")).to_be_focused()
    expect(entries(page, "Shelter").get_by_role("textbox", name=re.compile("^Name of ")).nth(1)
           ).to_have_value("Pole")
    page.keyboard.press("ArrowUp")
    expect(entries(page, "Shelter").get_by_role("textbox", name=re.compile("^Name of ")).first
           ).to_have_value("Pole")
    # Alt+arrow from any field of the row.
    page.get_by_label("Name of Tent", exact=True).focus()
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Alt+ArrowDown")
    expect(entries(page, "Sleep").get_by_label("Name of Tent", exact=True)).to_be_visible()
    expect(page.get_by_label("Name of Tent", exact=True)).to_be_focused()
    assert names_in(page, "Shelter") == ["Pole", "Stakes"]

    # Enter on the handle: more ways to move, among them another category.
    handle(page, "Stakes").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Stakes")
    expect(dialog).to_be_visible()
    check_accessibility(page, "entry dialog")
    dialog.get_by_label("Move to category").select_option(label="Kitchen")
    expect(entries(page, "Kitchen").get_by_label("Name of Stakes", exact=True)).to_be_visible()
    expect(dialog).to_contain_text("Position 1 of 1 in Kitchen")
    screenshot(page, "entry-dialog")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="More for Stakes")).to_be_focused()

    # Categories: arrow keys on the category's handle.
    page.get_by_role("button", name="Move category Kitchen").focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("textbox", name=re.compile("^Name of category ")).first
           ).to_have_value("Kitchen")
    expect(page.get_by_role("button", name="Move category Kitchen")).to_be_focused()
    page.keyboard.press("ArrowUp")  # already first: said, nothing moves
    page.reload()
    expect(page.get_by_label("Pack name")).to_have_value("Keyboard")
    assert category_order(page) == ["Kitchen", "Shelter", "Sleep"]
    assert names_in(page, "Shelter") == ["Pole"]
    assert names_in(page, "Sleep") == ["Tent"]
    assert names_in(page, "Kitchen") == ["Stakes"]


def test_inline_editing_saves_cancels_and_rolls_back(page, server):
    build(page)
    weight = page.get_by_label("Weight of Tent")
    weight.fill("1100")
    weight.press("Escape")
    expect(weight).to_have_value("1200")
    weight.fill("1100")
    weight.press("Enter")
    expect(total(page, "Total")).to_contain_text("1,330")
    page.get_by_label("Unit of Tent").select_option("kg")
    expect(weight).to_have_value("1.1")
    expect(total(page, "Total")).to_contain_text("1,330")

    # The server refuses a price with three decimals: the field goes back, the error is said.
    price = page.get_by_label("Price of Stakes")
    price.fill("12.345")
    price.press("Tab")
    expect(page.get_by_text(re.compile("price: .*decimal", re.I))).to_be_visible()
    expect(price).to_have_value("")
    price.fill("12.5")
    price.press("Enter")
    expect(total(page, "Price")).to_contain_text("12.50")
    page.get_by_label("Quantity of Stakes").fill("not a number")
    page.get_by_label("Quantity of Stakes").press("Enter")
    expect(page.get_by_text("Quantity of Stakes: enter a number.")).to_be_visible()
    expect(page.get_by_label("Quantity of Stakes")).to_have_value("1")
    page.get_by_label("Quantity of Stakes").fill("8")
    page.get_by_label("Quantity of Stakes").press("Enter")
    expect(total(page, "Items")).to_contain_text("10")

    # Worn and consumable exclude each other; the star goes round 0-3.
    worn = page.get_by_role("button", name="Worn: Pole")
    consumable = page.get_by_role("button", name="Consumable: Pole")
    worn.click()
    expect(worn).to_have_attribute("aria-pressed", "true")
    expect(total(page, "Worn")).to_contain_text("150")
    consumable.click()
    expect(consumable).to_have_attribute("aria-pressed", "true")
    expect(worn).to_have_attribute("aria-pressed", "false")
    expect(total(page, "Consumable")).to_contain_text("150")
    expect(total(page, "Worn")).to_contain_text("0")
    star = page.get_by_role("button", name=re.compile("^Star for Tent"))
    for words in ("1 star", "2 stars", "3 stars", "none"):
        star.click()
        expect(star).to_have_accessible_name(f"Star for Tent: {words}")

    # A name and a description; the description is Markdown shown as text, never as HTML.
    page.get_by_label("Name of Tent", exact=True).fill("Duplex tent")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Name of Duplex tent")).to_be_visible()
    page.get_by_label("Description of Duplex tent").fill("Two doors")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Add a description").click()
    page.get_by_label("Description", exact=True).fill(
        "**Light** and [fast](https://example.com)\n<img src=x onerror=alert(1)>")
    page.get_by_label("Description", exact=True).press("Control+Enter")
    expect(page.locator(".markdown strong")).to_have_text("Light")
    expect(page.get_by_role("link", name="fast")).to_have_attribute("href", "https://example.com")
    expect(page.get_by_text("<img src=x onerror=alert(1)>")).to_be_visible()
    # A category's colour and name.
    page.get_by_label("Colour of Sleep").fill("#117733")
    page.get_by_label("Name of category Sleep").fill("Sleeping")
    page.get_by_label("Name of category Sleep").press("Enter")
    expect(page.get_by_role("img", name=re.compile("^Weight by category"))).to_be_visible()
    expect(total(page, "Sleeping")).to_be_visible()

    # A picture (and a link) from the entry's dialog: the row shows a thumbnail.
    page.get_by_role("button", name="More for Duplex tent").click()
    dialog = page.get_by_role("dialog", name="Duplex tent")
    dialog.get_by_label("Picture").fill(f"{server.base}/assets/any/app/icon.svg")
    dialog.get_by_label("Picture").press("Enter")
    dialog.get_by_label("Link").fill("https://example.com/tent")
    dialog.get_by_role("button", name="Done").click()
    expect(page.get_by_role("img", name="Picture of Duplex tent")).to_be_visible()
    page.reload()
    expect(page.get_by_role("img", name="Picture of Duplex tent")).to_be_visible()
    page.get_by_role("button", name="More for Duplex tent").click()
    expect(dialog.get_by_label("Link")).to_have_value("https://example.com/tent")
    dialog.get_by_role("button", name="Done").click()
    expect(page.get_by_label("Description of Duplex tent")).to_have_value("Two doors")
    expect(page.get_by_label("Price of Stakes")).to_have_value("12.5")
    expect(page.get_by_label("Colour of Sleeping")).to_have_value("#117733")
    check_accessibility(page, "editor after edits")


def test_a_deleted_entry_comes_back_with_undo(page):
    build(page)
    page.get_by_role("button", name="Worn: Stakes").click()
    page.get_by_label("Quantity of Stakes").fill("6")
    page.get_by_label("Quantity of Stakes").press("Enter")
    expect(total(page, "Items")).to_contain_text("8")
    page.get_by_role("button", name="Remove Stakes from the pack").click()
    expect(page.get_by_label("Name of Stakes")).to_have_count(0)
    expect(total(page, "Items")).to_contain_text("2")
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_label("Name of Stakes")).to_be_visible()
    assert names_in(page, "Shelter") == ["Tent", "Stakes", "Pole"]
    expect(page.get_by_label("Quantity of Stakes")).to_have_value("6")
    worn = page.get_by_role("button", name="Worn: Stakes")
    expect(worn).to_have_attribute("aria-pressed", "true")
    expect(total(page, "Items")).to_contain_text("8")

    # A category goes after one confirmation, and its entries leave the pack.
    page.get_by_role("button", name="Delete category Shelter").click()
    dialog = page.get_by_role("dialog", name="Delete Shelter?")
    expect(dialog).to_contain_text("Its 3 entries leave the pack")
    check_accessibility(page, "delete category dialog")
    dialog.get_by_role("button", name="Delete category").click()
    expect(page.get_by_label("Name of category Shelter")).to_have_count(0)
    expect(total(page, "Total")).to_contain_text("0")
    assert category_order(page) == ["Sleep", "Kitchen"]
