"""Lighterpack CSV in the editor: an import with warnings said by line, a refused file said by
line, and a pack of 200 entries timed from its data to its totals and chart on screen."""

import re

from tests.browser.conftest import check_accessibility, expect, screenshot, sign_up
from tests.browser.editor_steps import add_items, names_in, total

WITH_WARNINGS = (
    "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\n"
    "Tent,Shelter,Two doors,1,1100,gram,rei.com/tent,299.999,,\n"
    "Total,,,,1180,gram,,,,\n"
    "Stakes,Shelter,,8,10,g,,,,\n"
    "Rain jacket,Clothing,,1,300,g,,,Worn,\n"
)
REFUSED = (
    "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\n"
    "Tent,Shelter,,1,heavy,gram,,,,\n"
    "Stakes,Shelter,,1,10,furlongs,,,,\n"
)
CATEGORIES = ["Shelter", "Sleep", "Kitchen", "Water", "Clothing", "Worn", "Electronics", "Misc"]


def csv_file(name: str, text: str) -> dict:
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode()}


def big_pack(rows: int = 200) -> str:
    lines = ["Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable"]
    for i in range(rows):
        category = CATEGORIES[i % len(CATEGORIES)]
        worn = "Worn" if category == "Worn" else ""
        consumable = "Consumable" if category == "Kitchen" and i % 3 == 0 else ""
        lines.append(f"Item {i:03},{category},Description of item {i},{1 + i % 3},"
                     f"{20 + (i * 37) % 900},gram,,{(i % 50) + 0.5},{worn},{consumable}")
    return "\n".join(lines) + "\n"


def test_import_with_warnings_then_a_refused_file(page):
    sign_up(page)
    page.get_by_label("Import a Lighterpack CSV").set_input_files(
        csv_file("Coast_Path.csv", WITH_WARNINGS))
    dialog = page.get_by_role("dialog", name="Imported Coast Path")
    expect(dialog).to_contain_text("3 entries imported")
    expect(dialog.get_by_role("listitem").filter(has_text="Line 2")).to_have_count(2)
    expect(dialog.get_by_role("listitem").filter(has_text="Line 3")).to_contain_text(
        re.compile("total", re.I))
    check_accessibility(page, "import warnings")
    screenshot(page, "import-warnings")
    dialog.get_by_role("button", name="OK").click()
    expect(page.get_by_label("Pack name")).to_have_value("Coast Path")
    assert names_in(page, "Shelter") == ["Tent", "Stakes"]
    expect(total(page, "Worn")).to_contain_text("300")
    expect(page.get_by_label("Price of Tent")).to_have_value("300")

    page.get_by_label("Import a Lighterpack CSV").set_input_files(csv_file("bad.csv", REFUSED))
    refused = page.get_by_role("dialog", name="The file was not imported")
    expect(refused).to_contain_text("nothing was saved")
    expect(refused.get_by_role("listitem").filter(has_text="Line 2")).to_contain_text("weight")
    expect(refused.get_by_role("listitem").filter(has_text="Line 3")).to_contain_text("unit")
    check_accessibility(page, "import refused")
    refused.get_by_role("button", name="OK").click()
    expect(page.get_by_role("link", name="bad")).to_have_count(0)


def test_a_pack_of_200_entries_renders_fast(page):
    sign_up(page)
    page.get_by_label("Import a Lighterpack CSV").set_input_files(
        csv_file("Long trail.csv", big_pack()))
    expect(page.get_by_label("Pack name")).to_have_value("Long trail")
    page.wait_for_function(
        "() => performance.getEntriesByName('pmp:pack-render').length > 0")
    first = page.evaluate("performance.getEntriesByName('pmp:pack-render')[0].duration")
    expect(page.get_by_role("textbox", name=re.compile("^Name of Item "))).to_have_count(200)
    expect(page.get_by_role("img", name=re.compile("^Weight by category"))).to_be_visible()

    page.reload()
    page.wait_for_function(
        "() => performance.getEntriesByName('pmp:pack-render').length > 0")
    reload = page.evaluate("performance.getEntriesByName('pmp:pack-render')[0].duration")

    quantity = page.get_by_label("Quantity of Item 007")
    quantity.fill("5")
    quantity.press("Enter")
    expect(total(page, "Items")).to_contain_text("402")
    page.wait_for_function(
        "() => performance.getEntriesByName('pmp:pack-update').length > 0")
    update = page.evaluate(
        "Math.max(...performance.getEntriesByName('pmp:pack-update').map((m) => m.duration))")
    print(f"\n[bench] pack of 200 entries, data to entries + totals + chart on screen: "
          f"{first:.0f} ms after import, {reload:.0f} ms after a reload; "
          f"re-render after an edit: {update:.0f} ms")

    # The library reads 200 items at a time.
    add_items(page, "Misc", ("Item 200", "5"))
    gear = page.get_by_role("list", name="Your gear")
    expect(gear.get_by_role("listitem")).to_have_count(200)
    page.get_by_role("button", name="Show more (200 of 201)").click()
    expect(gear.get_by_role("listitem")).to_have_count(201)
