"""Steps of the pack editor as a person takes them (by roles and labels), shared by its tests."""

from __future__ import annotations

import re

from tests.browser.conftest import expect


def new_pack(page, name: str) -> int:
    """Create a pack with the sidebar's New pack button and name it; returns its id."""
    page.get_by_role("button", name="New pack").click()
    expect(page).to_have_url(re.compile(r"/packs/\d+$"))
    field = page.get_by_label("Pack name")
    expect(field).to_be_focused()
    field.fill(name)
    field.press("Enter")
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    return int(page.url.rsplit("/", 1)[1])


def add_category(page, name: str) -> None:
    page.get_by_label("Name of a new category").fill(name)
    page.get_by_role("button", name="Add category").click()
    expect(page.get_by_label(f"Name of category {name}", exact=True)).to_be_visible()


def add_items(page, category: str, *items: tuple[str, str]) -> None:
    """Open the category's inline row and add (name, weight in the default unit) items."""
    page.get_by_role("button", name=f"Add item to {category}", exact=True).click()
    for name, weight in items:
        page.get_by_label(f"Name of the new item in {category}").fill(name)
        page.get_by_label("Weight of the new item").fill(weight)
        page.keyboard.press("Enter")
        expect(entries(page, category).get_by_label(f"Name of {name}", exact=True)).to_be_visible()
    page.get_by_role("button", name="Done").click()


def entries(page, category: str):
    return page.get_by_role("list", name=f"Entries of {category}", exact=True)


def names_in(page, category: str) -> list[str]:
    """The names of a category's entries, in the order shown."""
    fields = entries(page, category).get_by_role("textbox", name=re.compile(r"^Name of "))
    return fields.evaluate_all("(inputs) => inputs.map((i) => i.value)")


def category_order(page) -> list[str]:
    fields = page.get_by_role("textbox", name=re.compile(r"^Name of category "))
    return fields.evaluate_all("(inputs) => inputs.map((i) => i.value)")


def total(page, label: str):
    """A row of the totals table ("Total", "Base weight", a category...)."""
    return page.get_by_role("table").get_by_role("row", name=re.compile(rf"^{label}\b"))


def handle(page, name: str):
    return page.get_by_role("button", name=f"Move {name}", exact=True)


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"the page is {width}px wide in a {viewport}px window"
