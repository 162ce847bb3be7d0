"""Plans and the calendar: a plan made through the UI (exercises found by search, targets,
reordered, one removed), scheduled on today's weekday and a date, shown in the calendar
(arrow keys move between days), started from there: the app lands on the new workout with
the plan's targets. Deleted. A plan due today starts from Train too. At 360 px; axe clean on
every screen."""

import re
from datetime import date, timedelta

from tests.browser.api_client import other_device
from tests.browser.conftest import PHONE, check_accessibility, expect, screenshot, sign_up
from tests.browser.editor_steps import no_horizontal_scroll


def new_plan(page, name):
    page.get_by_role("button", name="New plan").click()
    dialog = page.get_by_role("dialog", name="New plan")
    dialog.get_by_label("Name").fill(name)
    dialog.get_by_role("button", name="Create plan").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+$"))
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def add_exercise(page, query, name):
    page.get_by_role("searchbox", name="Add an exercise").fill(query)
    page.get_by_role("button", name=f"Add {name}", exact=True).click()
    expect(page.locator(".routine-name").filter(has_text=re.compile(f"^{name}$"))).to_be_visible()


def targets(page, name):
    return page.get_by_role("group", name=f"Targets for {name}")


def set_target(page, name, label, value):
    field = targets(page, name).get_by_label(label, exact=True)
    field.fill(value)
    field.press("Enter")


def routine(page):
    return page.locator(".routine-name")


def test_plan_scheduled_today_shows_in_the_calendar_and_starts(page, browser, server):
    username = sign_up(page)
    page.goto("/plans")
    expect(page.get_by_text("No plans yet.")).to_be_visible()
    check_accessibility(page, "plans, empty")
    new_plan(page, "Push")
    page.get_by_role("button", name="Rename").click()
    dialog = page.get_by_role("dialog", name="Rename the plan")
    dialog.get_by_label("Name").fill("Push day")
    dialog.get_by_label("Name").press("Enter")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", name="Push day", level=1)).to_be_visible()

    add_exercise(page, "bench press", "Bench Press")
    add_exercise(page, "overhead", "Overhead Press")
    add_exercise(page, "back squat", "Back Squat")
    set_target(page, "Bench Press", "Sets", "3")
    set_target(page, "Bench Press", "Reps", "5")
    set_target(page, "Bench Press", "Weight", "82,5")
    set_target(page, "Back Squat", "RPE", "8")
    notes = targets(page, "Back Squat").get_by_label("Notes for Back Squat")
    notes.fill("Belt on top sets")
    notes.press("Enter")
    page.get_by_role("button", name="Move Back Squat up").click()
    expect(routine(page)).to_have_text(["Bench Press", "Back Squat", "Overhead Press"])
    page.get_by_role("button", name="Remove Overhead Press").click()
    expect(routine(page)).to_have_text(["Bench Press", "Back Squat"])
    # RPE 11 is refused in words and the field shows the saved value again.
    set_target(page, "Back Squat", "RPE", "11")
    expect(page.get_by_role("status").filter(has_text="was not saved")).to_be_visible()
    expect(targets(page, "Back Squat").get_by_label("RPE")).to_have_value("8")

    today = date.today()
    weekday = today.strftime("%A")
    page.get_by_role("checkbox", name=weekday).check()
    expect(page.get_by_role("checkbox", name=weekday)).to_be_checked()
    later = today + timedelta(days=3)
    page.get_by_label("On a date").fill(later.isoformat())
    page.get_by_role("button", name="Add date").click()
    dates = page.get_by_role("list", name="Dates")
    expect(dates.get_by_role("listitem")).to_have_count(1)
    check_accessibility(page, "plan editor")
    screenshot(page, "plan-desktop")

    # Kept: after a reload, in order with its targets and schedule.
    page.reload()
    expect(routine(page)).to_have_text(["Bench Press", "Back Squat"])
    expect(targets(page, "Bench Press").get_by_label("Weight")).to_have_value("82.5")
    expect(targets(page, "Back Squat").get_by_label("Notes for Back Squat")).to_have_value(
        "Belt on top sets")
    expect(page.get_by_role("checkbox", name=weekday)).to_be_checked()

    # The calendar: planned today; arrow keys move from day to day.
    page.get_by_role("link", name="Calendar").click()
    expect(page.get_by_role("heading", name="Calendar", level=1)).to_be_visible()
    day = page.get_by_role("group", name=re.compile(", today$"))
    expect(day.get_by_role("link", name="Push day")).to_be_visible()
    expect(day).to_have_attribute("tabindex", "0")
    day.focus()
    key, other = (("ArrowRight", today + timedelta(days=1)) if today.day < 28
                  else ("ArrowLeft", today - timedelta(days=1)))
    page.keyboard.press(key)
    label = f"{other.strftime('%A')} {other.day} {other.strftime('%B')}"
    expect(page.get_by_role("group", name=label, exact=True)).to_be_focused()
    check_accessibility(page, "calendar")
    screenshot(page, "calendar-desktop")
    page.get_by_role("button", name="Next month").click()
    expect(page).to_have_url(re.compile(r"/calendar\?month=\d{4}-\d{2}$"))
    page.get_by_role("button", name="Previous month").click()
    expect(day.get_by_role("link", name="Push day")).to_be_visible()

    # Start: a new workout with the plan's exercises and targets, opened on Train.
    day.get_by_role("button", name="Start Push day").click()
    expect(page).to_have_url(re.compile(r"/train/\d+$"))
    workout_id = int(page.url.rsplit("/", 1)[1])
    with other_device(browser, server) as api:
        api.login(username)
        details = api.call("GET", f"/api/workouts/{workout_id}/details")
    entries = details["exercises"]
    assert [e["exercise_name"] for e in entries] == ["Bench Press", "Back Squat"]
    assert (entries[0]["target_sets"], entries[0]["target_reps"]) == (3, 5)
    assert float(entries[0]["target_weight"]) == 82.5
    assert float(entries[1]["target_rpe"]) == 8

    # The list: due today, started from there too; deleted from the editor.
    page.goto("/plans")
    plan = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Push day"))
    expect(plan).to_contain_text("Today")
    expect(plan).to_contain_text("2 exercises")
    check_accessibility(page, "plans")
    plan.get_by_role("link", name="Push day").click()
    page.get_by_role("button", name="Delete plan").click()
    page.get_by_role("dialog", name="Delete Push day?").get_by_role(
        "button", name="Delete plan").click()
    expect(page).to_have_url(re.compile(r"/plans$"))
    expect(page.get_by_text("No plans yet.")).to_be_visible()


def test_plans_and_calendar_on_a_phone(phone, browser, server):
    page = phone
    username = sign_up(page)
    today = date.today()
    with other_device(browser, server) as api:
        api.login(username)
        bench = next(e["id"] for e in api.call("GET", "/api/exercises?q=bench%20press")
                     if e["name"] == "Bench Press")
        plan = api.call("POST", "/api/plans", {
            "name": "Legs and a very long plan name for a small screen",
            "weekdays": [today.isoweekday()], "dates": [(today + timedelta(days=2)).isoformat()],
            "exercises": [{"exercise_id": bench, "target_sets": 5, "target_reps": 5}]})
    page.goto("/plans")
    expect(page.get_by_role("link", name=re.compile("^Legs and"))).to_be_visible()
    no_horizontal_scroll(page)
    check_accessibility(page, "plans, phone")
    screenshot(page, "plans-phone")
    page.goto(f"/plans/{plan['id']}")
    expect(routine(page)).to_have_text(["Bench Press"])
    no_horizontal_scroll(page)
    check_accessibility(page, "plan editor, phone")
    screenshot(page, "plan-phone")
    page.goto("/calendar")
    today_item = page.get_by_role("group", name=re.compile(", today$"))
    expect(today_item.get_by_role("link", name=re.compile("^Legs and"))).to_be_visible()
    no_horizontal_scroll(page)
    check_accessibility(page, "calendar, phone")
    screenshot(page, "calendar-phone")
    today_item.get_by_role("button", name=re.compile("^Start Legs and")).tap()
    expect(page).to_have_url(re.compile(r"/train/\d+$"))


def test_a_plan_due_today_starts_from_the_train_screen(page, browser, server):
    username = sign_up(page)
    with other_device(browser, server) as api:
        api.login(username)
        bench = api.call("GET", "/api/exercises?q=bench press")[0]["id"]
        api.call("POST", "/api/plans", {"name": "Every day", "weekdays": [1, 2, 3, 4, 5, 6, 7],
                                        "exercises": [{"exercise_id": bench, "target_sets": 3,
                                                       "target_reps": 5}]})
        api.call("POST", "/api/plans", {"name": "Not scheduled"})
    page.goto("/train")
    due = page.get_by_role("region", name="Planned for today")
    expect(due.get_by_role("link", name="Every day")).to_be_visible()
    expect(due).to_contain_text("1 exercise")
    expect(due.get_by_role("link", name="Not scheduled")).to_have_count(0)
    expect(page.get_by_role("heading", name="Start another workout")).to_be_visible()
    check_accessibility(page, "train, a plan due today")
    screenshot(page, "train-due-plan")
    page.set_viewport_size(PHONE)
    expect(due.get_by_role("button", name="Start Every day")).to_be_in_viewport()
    no_horizontal_scroll(page)
    screenshot(page, "train-due-plan-phone")
    due.get_by_role("button", name="Start Every day").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/train/\d+$"))
    expect(page.get_by_role("heading", name="Bench Press")).to_be_visible()
    expect(page.get_by_text(re.compile(r"3 × 5"))).to_be_visible()
