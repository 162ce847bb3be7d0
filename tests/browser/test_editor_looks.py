"""How the editor looks with a real pack, in light and dark, on a desktop and a phone: the
screenshots a person looks at (tests/browser/screenshots/), and the README's
docs/screenshots/editor.png, refreshed when PMP_DOC_SCREENSHOTS=1 is set."""

import os
import re
from pathlib import Path

from tests.browser.conftest import (
    PASSWORD,
    SCREENSHOTS,
    check_accessibility,
    expect,
    screenshot,
    unique,
)
from tests.browser.editor_steps import no_horizontal_scroll

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WEST_HIGHLAND_WAY = """Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable,star
X-Mid 1,Shelter,Trekking-pole tent,1,794,gram,https://durstongear.com,260,,,1
Tent stakes,Shelter,MSR Groundhog,6,10,gram,,3,,,
Quilt,Sleep,Revelation 20°F,1,620,gram,,340,,,2
Sleeping pad,Sleep,NeoAir XLite,1,340,gram,,190,,,
Pillow,Sleep,Inflatable,1,57,gram,,40,,,
Stove,Kitchen,BRS-3000T,1,25,gram,,18,,,
Pot,Kitchen,Toaks 750 ml titanium,1,103,gram,,35,,,
Gas,Kitchen,230 g canister,1,370,gram,,7,,Consumable,
Food,Kitchen,Three days,3,650,gram,,,,Consumable,
Filter,Water,Sawyer Squeeze,1,85,gram,,40,,,3
Bottles,Water,Smartwater 1 l,2,38,gram,,2,,,
Rain jacket,Clothing,Packable,1,170,gram,,120,,,
Fleece,Clothing,100 weight,1,300,gram,,60,,,
Trail runners,Clothing,,1,650,gram,,140,Worn,,
Headlamp,Electronics,Nitecore NU25,1,28,gram,,37,,,
Phone,Electronics,,1,190,gram,,,Worn,,
Power bank,Electronics,"10,000 mAh",1,180,gram,,30,,,
"""
DESCRIPTION = ("Three days on the **West Highland Way** in May, wild camping.\n"
               "Mild and wet: the rain jacket stays on top.")


def sign_up_as(page, display_name: str) -> str:
    username = unique()
    page.goto("/signup")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Display name (optional)").fill(display_name)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/packs$"))
    return username


def import_pack(page) -> None:
    page.get_by_label("Import a Lighterpack CSV").set_input_files(
        {"name": "West Highland Way.csv", "mimeType": "text/csv",
         "buffer": WEST_HIGHLAND_WAY.encode()})
    expect(page.get_by_label("Pack name")).to_have_value("West Highland Way")
    page.get_by_role("button", name="Dismiss").click()
    page.get_by_role("button", name="Add a description").click()
    page.get_by_label("Description", exact=True).fill(DESCRIPTION)
    page.get_by_label("Description", exact=True).press("Control+Enter")
    expect(page.locator(".markdown strong")).to_have_text("West Highland Way")


def view(page, name: str) -> None:
    """The window as the person sees it (a full-page picture leaves out the rows that the
    browser has not laid out yet: they are drawn when scrolled to)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def settle(page) -> None:
    """No focus ring, hover or toast in the picture."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.mouse.move(1, 600)
    expect(page.get_by_role("img", name=re.compile("^Weight by category"))).to_be_visible()
    expect(page.locator(".toast")).to_have_count(0)


def test_the_editor_in_light_and_dark(page):
    sign_up_as(page, "Alex")
    import_pack(page)
    settle(page)
    picture = screenshot(page, "editor-desktop-light")
    if os.environ.get("PMP_DOC_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS / "editor.png"))
    assert picture.stat().st_size > 0
    page.emulate_media(color_scheme="dark")
    settle(page)
    check_accessibility(page, "editor, dark")
    screenshot(page, "editor-desktop-dark")
    page.get_by_role("link", name="Checklist").click()
    page.get_by_role("checkbox", name=re.compile("^Quilt")).check()
    check_accessibility(page, "checklist, dark")
    screenshot(page, "checklist-desktop-dark")


def test_the_editor_on_a_phone_in_light_and_dark(phone):
    sign_up_as(phone, "Alex")
    phone.get_by_role("button", name="Packs and gear").tap()
    import_pack(phone)
    settle(phone)
    no_horizontal_scroll(phone)
    view(phone, "editor-phone-light")
    phone.get_by_label("Name of category Kitchen").scroll_into_view_if_needed()
    view(phone, "editor-phone-light-kitchen")
    phone.emulate_media(color_scheme="dark")
    settle(phone)
    check_accessibility(phone, "phone editor, dark")
    view(phone, "editor-phone-dark")
    phone.get_by_role("button", name="Packs and gear").tap()
    no_horizontal_scroll(phone)
    view(phone, "sidebar-phone-dark")
