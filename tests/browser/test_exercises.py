"""Exercises (/exercises): the catalogue and one's own, found by name, category and muscle
group; a custom exercise created, renamed, moved to another category and muscle group and
deleted through the UI; one used by a workout is refused in words; keyboard, phone, axe."""

import re

from tests.browser.api_client import other_device
from tests.browser.conftest import check_accessibility, expect, screenshot, sign_up, unique
from tests.browser.editor_steps import no_horizontal_scroll


def open_exercises(page):
    page.goto("/exercises")
    expect(page.get_by_role("heading", name="Exercises", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Bench Press", exact=True)).to_be_visible()


def row(page, name):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))


def test_find_create_change_and_delete_own_exercises(page, browser, server):
    username = sign_up(page)
    open_exercises(page)
    check_accessibility(page, "exercises")
    screenshot(page, "exercises-desktop")

    # Filters: by name, category and muscle group, each answered by the server.
    search = page.get_by_role("searchbox", name="Search exercises")
    search.fill("press")
    expect(page.get_by_role("link", name="Leg Press", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Deadlift", exact=True)).to_be_hidden()
    page.get_by_label("Muscle group").select_option("shoulders")
    expect(page.get_by_role("link", name="Overhead Press", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Leg Press", exact=True)).to_be_hidden()
    search.fill("")
    page.get_by_label("Muscle group").select_option("")
    page.get_by_label("Category").select_option("cardio")
    expect(page.get_by_role("link", name="Bench Press", exact=True)).to_be_hidden()
    page.get_by_label("Category").select_option("")
    expect(page.get_by_role("link", name="Bench Press", exact=True)).to_be_visible()

    # A new exercise; the same name again is refused beside the name.
    page.get_by_role("button", name="New exercise").click()
    dialog = page.get_by_role("dialog", name="New exercise")
    dialog.get_by_label("Name").fill("Zercher Squat")
    dialog.get_by_label("Category").select_option("strength")
    dialog.get_by_label("Muscle group").select_option("legs")
    check_accessibility(page, "exercises, new exercise dialog")
    dialog.get_by_role("button", name="Create exercise").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="Created “Zercher Squat”.")).to_be_visible()
    expect(row(page, "Zercher Squat")).to_contain_text("Legs")
    expect(row(page, "Zercher Squat")).to_contain_text("Yours")

    page.get_by_role("button", name="New exercise").click()
    dialog.get_by_label("Name").fill("zercher  squat")
    dialog.get_by_role("button", name="Create exercise").click()
    name = dialog.get_by_label("Name")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_be_focused()
    expect(dialog).to_contain_text("You already have an exercise with this name.")
    dialog.get_by_role("button", name="Cancel").click()

    # Renamed, another category and muscle group.
    page.get_by_role("button", name="Edit Zercher Squat").click()
    dialog = page.get_by_role("dialog", name="Edit Zercher Squat")
    dialog.get_by_label("Name").fill("Zercher Carry")
    dialog.get_by_label("Category").select_option("sport")
    dialog.get_by_label("Muscle group").select_option("core")
    dialog.get_by_role("button", name="Save changes").click()
    expect(dialog).to_be_hidden()
    carry = row(page, "Zercher Carry")
    expect(carry).to_contain_text("Sport")
    expect(carry).to_contain_text("Core")
    expect(row(page, "Zercher Squat")).to_have_count(0)
    page.get_by_role("checkbox", name="Only my own").check()
    expect(page.get_by_role("link", name="Bench Press", exact=True)).to_be_hidden()
    expect(page.get_by_text("1 exercise", exact=True)).to_be_visible()

    # Built-in exercises have no Edit or Delete.
    page.get_by_role("checkbox", name="Only my own").uncheck()
    expect(page.get_by_role("button", name="Edit Bench Press")).to_have_count(0)

    # Used by a workout: refused, in words; unused: deleted.
    with other_device(browser, server) as api:
        api.login(username)
        own = next(e for e in api.call("GET", "/api/exercises?q=zercher") if e["custom"])
        workout = api.call("POST", "/api/workouts", {"performed_at": "2026-01-05T10:00:00Z"})
        api.call("POST", f"/api/workouts/{workout['id']}/exercises",
                 {"exercise_id": own["id"]})
    page.get_by_role("button", name="Delete Zercher Carry").click()
    page.get_by_role("dialog", name="Delete Zercher Carry?").get_by_role(
        "button", name="Delete exercise").click()
    alert = page.get_by_role("alert").filter(has_text="was not deleted")
    expect(alert).to_contain_text("“Zercher Carry” was not deleted: The exercise is used in a "
                                  "workout; remove it from its workouts first.")
    expect(carry).to_be_visible()
    check_accessibility(page, "exercises, refused deletion")
    with other_device(browser, server) as api:
        api.login(username)
        api.call("DELETE", f"/api/workouts/{workout['id']}")
    page.get_by_role("button", name="Delete Zercher Carry").click()
    page.get_by_role("dialog", name="Delete Zercher Carry?").get_by_role(
        "button", name="Delete exercise").click()
    expect(page.get_by_role("status").filter(has_text="Deleted “Zercher Carry”.")).to_be_visible()
    expect(carry).to_have_count(0)
    expect(page.get_by_role("alert").filter(has_text="was not deleted")).to_have_count(0)

    # Each name leads to the exercise's page.
    page.get_by_role("link", name="Bench Press", exact=True).click()
    expect(page).to_have_url(re.compile(r"/exercises/\d+$"))
    expect(page.get_by_role("heading", name="Bench Press", level=1)).to_be_visible()


def test_create_by_keyboard(page):
    sign_up(page)
    open_exercises(page)
    page.get_by_role("button", name="New exercise").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="New exercise")
    expect(dialog.get_by_label("Name")).to_be_focused()
    page.keyboard.type("Keyboard Curl")
    page.keyboard.press("Tab")
    expect(dialog.get_by_label("Category")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # in the name: submits the form
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(row(page, "Keyboard Curl")).to_be_visible()
    # Escape closes without saving.
    page.get_by_role("button", name="New exercise").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Never saved")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name="New exercise")).to_be_focused()
    expect(page.get_by_role("link", name="Never saved", exact=True)).to_have_count(0)


def test_exercises_on_a_phone(phone):
    page = phone
    sign_up(page, unique("phone"))
    open_exercises(page)
    no_horizontal_scroll(page)
    check_accessibility(page, "exercises, phone")
    page.get_by_role("button", name="New exercise").tap()
    dialog = page.get_by_role("dialog", name="New exercise")
    dialog.get_by_label("Name").fill("Phone Press")
    dialog.get_by_role("button", name="Create exercise").tap()
    link = page.get_by_role("link", name="Phone Press", exact=True)
    card = page.get_by_role("listitem").filter(has=link)
    expect(card).to_contain_text("Strength")
    expect(card.get_by_role("button", name="Edit Phone Press")).to_be_visible()
    page.get_by_role("searchbox", name="Search exercises").fill("press")
    expect(page.get_by_role("link", name="Deadlift", exact=True)).to_be_hidden()
    no_horizontal_scroll(page)
    screenshot(page, "exercises-phone")
