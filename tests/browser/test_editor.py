"""The pack editor (issue 14, screens 2 and 3): a person builds a pack by drag and drop, watches
the totals, switches units, and finds everything again after a reload."""

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


def test_build_a_pack_of_three_categories_by_drag_and_drop(page):
    # Tall enough that a drag never needs to scroll the page under the mouse.
    page.set_viewport_size({"width": 1280, "height": 1600})
    sign_up(page)
    expect(page.get_by_text("No packs yet: create one")).to_be_visible()
    check_accessibility(page, "packs, empty")
    new_pack(page, "Summer trip")
    expect(page.get_by_text("This pack is empty")).to_be_visible()
    check_accessibility(page, "editor, empty pack")
    for name in ("Shelter", "Sleep", "Kitchen"):
        add_category(page, name)
    add_items(page, "Shelter", ("Tent", "1200"), ("Quilt", "600"), ("Stove", "80"))
    expect(total(page, "Total")).to_contain_text("1,880")

    # An entry dragged into another category (by its handle).
    handle(page, "Quilt").drag_to(entries(page, "Sleep"))
    expect(entries(page, "Sleep").get_by_label("Name of Quilt")).to_be_visible()
    expect(total(page, "Sleep")).to_contain_text("600")
    handle(page, "Stove").drag_to(entries(page, "Kitchen"))
    expect(total(page, "Kitchen")).to_contain_text("80")
    expect(total(page, "Shelter")).to_contain_text("1,200")
    assert names_in(page, "Shelter") == ["Tent"]

    # Gear from the library dragged in: a new item is made in Kitchen, then a second pack takes
    # the library's items.
    add_items(page, "Kitchen", ("Pot", "95"))
    page.get_by_role("link", name="Packs", exact=True).click()
    new_pack(page, "Winter trip")
    add_category(page, "Cooking")
    library_pot = page.get_by_role("list", name="Your gear").get_by_role("listitem").filter(
        has_text="Pot")
    library_pot.drag_to(entries(page, "Cooking"))
    expect(entries(page, "Cooking").get_by_label("Name of Pot", exact=True)).to_be_visible()
    expect(total(page, "Total")).to_contain_text("95")
    # The same item a second time is explained, not added.
    page.get_by_role("button", name="Add Pot to the pack").click()
    expect(page.get_by_text("Pot is already in this pack")).to_be_visible()
    page.get_by_role("button", name="Add Tent to the pack").click()
    expect(page.get_by_label("Name of Tent", exact=True)).to_be_visible()
    expect(total(page, "Total")).to_contain_text("1,295")

    # Back in the first pack: categories reordered by dragging the handle of one onto another.
    page.get_by_role("link", name="Summer trip").click()
    expect(page.get_by_label("Pack name")).to_have_value("Summer trip")
    kitchen = page.get_by_role("button", name="Move category Kitchen")
    kitchen.drag_to(page.get_by_role("button", name="Move category Shelter"),
                    target_position={"x": 10, "y": 2})
    expect(page.get_by_role("textbox", name=re.compile("^Name of category ")).first).to_have_value(
        "Kitchen")
    # And an entry reordered within its category.
    add_items(page, "Shelter", ("Stakes", "80"))
    assert names_in(page, "Shelter") == ["Tent", "Stakes"]
    handle(page, "Stakes").drag_to(handle(page, "Tent"), target_position={"x": 10, "y": 2})
    expect(entries(page, "Shelter").get_by_role("textbox", name=re.compile("^Name of ")).first
           ).to_have_value("Stakes")
    check_accessibility(page, "editor with three categories")
    screenshot(page, "editor-built")

    page.reload()
    expect(page.get_by_label("Pack name")).to_have_value("Summer trip")
    assert category_order(page) == ["Kitchen", "Shelter", "Sleep"]
    assert names_in(page, "Shelter") == ["Stakes", "Tent"]
    assert names_in(page, "Kitchen") == ["Stove", "Pot"]


def test_units_are_remembered_and_the_chart_follows_the_pack(page):
    sign_up(page)
    new_pack(page, "Units")
    add_category(page, "Shelter")
    add_items(page, "Shelter", ("Tent", "1200"))
    expect(total(page, "Total")).to_contain_text("1,200")
    chart = page.get_by_role("img", name=re.compile("^Weight by category"))
    expect(chart).to_have_accessible_name(re.compile(r"Shelter 1,200 g \(100 %\)"))

    page.get_by_role("radio", name="kg").check()
    expect(total(page, "Total")).to_contain_text("1.2kg")
    page.reload()
    expect(page.get_by_role("radio", name="kg")).to_be_checked()
    expect(total(page, "Base weight")).to_contain_text("1.2kg")

    # The radios are a group: the arrow keys move through the units.
    page.get_by_role("radio", name="kg").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="oz")).to_be_checked()
    expect(total(page, "Total")).to_contain_text("42.33oz")

    add_category(page, "Water")
    add_items(page, "Water", ("Bottle", "2"))
    expect(chart).to_have_accessible_name(re.compile(r"Water 2 oz"))
    expect(total(page, "Total")).to_contain_text("44.33oz")
    check_accessibility(page, "editor in ounces")


def test_packs_in_the_sidebar_rename_duplicate_delete_and_search(page):
    sign_up(page)
    new_pack(page, "Alps")
    add_category(page, "Shelter")
    add_items(page, "Shelter", ("Bivy", "300"), ("Tarp", "400"))
    sidebar = page.get_by_role("complementary", name="Packs and gear")

    sidebar.get_by_role("button", name="Rename Alps").click()
    field = sidebar.get_by_label("New name for Alps")
    expect(field).to_be_focused()
    field.fill("Alps 2026")
    field.press("Enter")
    expect(sidebar.get_by_role("link", name="Alps 2026")).to_be_visible()
    expect(page.get_by_label("Pack name")).to_have_value("Alps 2026")
    sidebar.get_by_role("button", name="Rename Alps 2026").click()
    sidebar.get_by_label("New name for Alps 2026").press("Escape")
    expect(sidebar.get_by_role("link", name="Alps 2026")).to_be_visible()

    sidebar.get_by_role("button", name="Duplicate Alps 2026").click()
    expect(page.get_by_label("Pack name")).to_have_value("Alps 2026 (copy)")
    expect(page.get_by_label("Name of Tarp")).to_be_visible()
    # The item is now in two packs: a change to it changes both, and the row says so.
    page.get_by_label("Name of Tarp").focus()
    expect(page.get_by_text("This item is in 2 packs")).to_be_visible()

    sidebar.get_by_role("button", name="Delete Alps 2026 (copy)").click()
    dialog = page.get_by_role("dialog", name="Delete Alps 2026 (copy)?")
    expect(dialog).to_contain_text("The items stay in your gear")
    check_accessibility(page, "delete pack dialog")
    dialog.get_by_role("button", name="Delete pack").click()
    expect(page).to_have_url(re.compile(r"/packs$"))
    expect(sidebar.get_by_role("link", name="Alps 2026 (copy)")).to_have_count(0)
    expect(page.get_by_role("heading", name="Packing lists")).to_be_visible()
    check_accessibility(page, "packs overview")
    screenshot(page, "packs-overview")

    gear = sidebar.get_by_role("list", name="Your gear")
    expect(gear.get_by_role("listitem")).to_have_count(2)
    sidebar.get_by_label("Search gear").fill("tar")
    expect(gear.get_by_role("listitem")).to_have_count(1)
    expect(gear).to_contain_text("Tarp")
    sidebar.get_by_label("Search gear").fill("nothing like it")
    expect(sidebar.get_by_text("No gear matches.")).to_be_visible()


def test_another_account_in_the_same_tab_sees_none_of_the_packs(page):
    sign_up(page)
    new_pack(page, "Secret summit")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile("/login"))
    sign_up(page)
    expect(page.get_by_text("No packs yet: create one")).to_be_visible()
    expect(page.get_by_text("Secret summit")).to_have_count(0)
