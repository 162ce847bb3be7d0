"""The packing checklist (issue 14, screen 4) and sharing (screen 6): tick while packing, reload,
reset; make a public link, copy it, revoke it; download the CSV."""

import re

from tests.browser.conftest import check_accessibility, expect, screenshot, sign_up
from tests.browser.editor_steps import add_category, add_items, new_pack


def test_tick_the_checklist_reload_and_reset(page):
    sign_up(page)
    pack_id = new_pack(page, "Weekend")
    add_category(page, "Shelter")
    add_items(page, "Shelter", ("Tent", "1200"), ("Stakes", "80"), ("Pole", "150"))
    page.get_by_role("link", name="Checklist").click()
    expect(page).to_have_url(re.compile(rf"/packs/{pack_id}/checklist$"))
    progress = page.get_by_role("progressbar", name="Packed 0 of 3")
    expect(progress).to_be_visible()
    check_accessibility(page, "checklist")
    page.get_by_role("checkbox", name=re.compile("^Tent")).check()
    page.get_by_role("checkbox", name=re.compile("^Pole")).check()
    expect(page.get_by_role("progressbar", name="Packed 2 of 3")).to_have_attribute("value", "2")

    page.reload()  # still signed in, still ticked
    expect(page.get_by_role("progressbar", name="Packed 2 of 3")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("^Tent"))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile("^Stakes"))).not_to_be_checked()
    page.get_by_role("checkbox", name=re.compile("^Stakes")).check()
    expect(page.get_by_text("All packed.")).to_be_visible()
    screenshot(page, "checklist")

    page.get_by_role("button", name="Reset the checklist").click()
    dialog = page.get_by_role("dialog", name="Reset the checklist?")
    check_accessibility(page, "checklist reset dialog")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("progressbar", name="Packed 3 of 3")).to_be_visible()
    page.get_by_role("button", name="Reset the checklist").click()
    dialog.get_by_role("button", name="Reset").click()
    expect(page.get_by_role("progressbar", name="Packed 0 of 3")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("^Tent"))).not_to_be_checked()
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_label("Name of Tent")).to_be_visible()


def test_share_copy_revoke_and_download(page, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_up(page)
    new_pack(page, "Coast walk")
    add_category(page, "Shelter")
    add_items(page, "Shelter", ("Tent", "1200"))
    page.get_by_role("button", name="Share").click()
    dialog = page.get_by_role("dialog", name="Share Coast walk")
    expect(dialog).to_contain_text("Anyone with the public link")
    check_accessibility(page, "share dialog")
    dialog.get_by_role("button", name="Create a public link").click()
    link = dialog.get_by_label("Public link")
    expect(link).to_have_value(re.compile(r"^http://127\.0\.0\.1:\d+/.+"))
    url = link.input_value()
    assert page.request.get(url).status == 200
    dialog.get_by_role("button", name="Copy link").click()
    expect(dialog.get_by_text("Link copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url
    check_accessibility(page, "share dialog with a link")
    screenshot(page, "share-dialog")

    with page.expect_download() as info:
        dialog.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "Coast-walk.csv"
    text = download.path().read_text(encoding="utf-8")
    assert text.startswith("Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable")
    assert "Tent,Shelter" in text

    dialog.get_by_role("button", name="Done").click()
    expect(page.get_by_role("button", name=re.compile("^Share"))).to_contain_text("on")
    page.reload()  # a shared pack's dialog shows its link again at once
    page.get_by_role("button", name=re.compile("^Share")).click()
    expect(dialog.get_by_label("Public link")).to_have_value(url)
    dialog.get_by_role("button", name="Revoke the link").click()
    expect(dialog.get_by_text("The link stops working at once")).to_be_visible()
    dialog.get_by_role("button", name="Revoke", exact=True).click()
    expect(dialog.get_by_role("button", name="Create a public link")).to_be_visible()
    expect(page.get_by_text("The public link is revoked.")).to_be_visible()
    assert page.request.get(url).status == 404
