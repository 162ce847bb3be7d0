"""Today's workout (/train) as a lifter uses it: start, add exercises, log sets with one tap each
(prefilled from the previous set and from last time), finish with the report and a new
personal record; the rest timer; editing, reordering and notes by keyboard."""

import os
import re
from pathlib import Path

from tests.browser.conftest import check_accessibility, expect, screenshot
from tests.browser.train_steps import (
    add_exercise,
    exercise_card,
    seed_workout,
    set_rows,
    signed_up_with_api,
    start_workout,
    wait_sent,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
RECORD_VIBRATION = "navigator.vibrate = (pattern) => { window.__vibrated = pattern; return true; };"


def box(locator) -> dict:
    """Where an element is in the window: its top and bottom."""
    found = locator.bounding_box()
    return {"top": found["y"], "bottom": found["y"] + found["height"]}


def test_log_three_exercises_of_three_sets_and_see_the_report_with_a_record(page, browser,
                                                                           server):
    _, client = signed_up_with_api(page, browser, server)
    seed_workout(client, "2026-01-05T17:00:00Z",
                 {"Bench Press": [(5, 100), (5, 100)], "Deadlift": [(5, 180)]})
    page.goto("/train")
    check_accessibility(page, "train, start")
    screenshot(page, "train-start")
    workout_id = start_workout(page)

    # Bench press: last time's first set prefills the next one; three taps, three sets.
    bench = add_exercise(page, "Bench Press", search="bench")
    expect(bench.get_by_text(re.compile(r"Last time .*5 × 100 kg, 5 × 100 kg"))).to_be_visible()
    expect(bench.get_by_label("Reps")).to_have_value("5")
    expect(bench.get_by_label("Weight")).to_have_value("100")
    bench.get_by_label("Weight").fill("105")
    add = bench.get_by_role("button", name="Add set to Bench Press")
    for _ in range(3):
        add.click()
    expect(set_rows(bench)).to_have_count(3)
    expect(set_rows(bench).nth(2)).to_contain_text("5 × 105 kg")
    expect(add).to_be_focused()  # the next tap is where the thumb is

    # Back squat: nothing last time, typed once; deadlift: prefilled from last time.
    squat = add_exercise(page, "Back Squat", search="squat")
    expect(squat.get_by_label("Reps")).to_have_value("")
    squat.get_by_label("Reps").fill("5")
    squat.get_by_label("Weight").fill("140")
    for _ in range(3):
        squat.get_by_role("button", name="Add set to Back Squat").click()
    deadlift = add_exercise(page, "Deadlift")
    expect(deadlift.get_by_label("Weight")).to_have_value("180")
    for _ in range(3):
        deadlift.get_by_role("button", name="Add set to Deadlift").click()
    expect(set_rows(deadlift)).to_have_count(3)
    wait_sent(page)
    check_accessibility(page, "train, a workout with sets")

    # The rest timer hides nothing: a field under it, reached with Tab, scrolls clear of it,
    # and at the end of the scroll it sits below the last buttons.
    timer = page.get_by_role("region", name="Rest timer")
    weight = deadlift.get_by_label("Weight")
    weight.evaluate("(el) => scrollTo(0, el.getBoundingClientRect().bottom + scrollY"
                    " - innerHeight + 30)")
    assert box(weight)["bottom"] > box(timer)["top"]  # under the timer
    deadlift.get_by_label("Reps").evaluate("(el) => el.focus({ preventScroll: true })")
    page.keyboard.press("Tab")
    expect(weight).to_be_focused()
    assert box(weight)["bottom"] <= box(timer)["top"]
    page.evaluate("() => scrollTo(0, document.documentElement.scrollHeight)")
    assert box(page.locator(".train-actions"))["bottom"] <= box(timer)["top"]
    screenshot(page, "train-workout")

    details = client.call("GET", f"/api/workouts/{workout_id}/details")
    assert [e["exercise_name"] for e in details["exercises"]] == [
        "Bench Press", "Back Squat", "Deadlift"]
    assert [[(s["reps"], s["weight"]) for s in e["sets"]] for e in details["exercises"]] == [
        [(5, 105.0)] * 3, [(5, 140.0)] * 3, [(5, 180.0)] * 3]

    # Finish: the report, with the bench press's new heaviest weight.
    page.get_by_role("button", name="Finish workout").click()
    expect(page.get_by_role("heading", name="Workout done")).to_be_focused()
    expect(page.get_by_text(re.compile(r"3 exercises · 9 sets · 45 reps"))).to_be_visible()
    records = page.get_by_role("region", name="New personal records")
    expect(records).to_contain_text("Bench Press, heaviest weight: 105 kg (was 100 kg)")
    expect(records).not_to_contain_text("Deadlift, heaviest")
    table = page.get_by_role("table")
    expect(table.get_by_role("row", name=re.compile("^Back Squat"))).to_contain_text("2,100 kg")
    check_accessibility(page, "train, report")
    screenshot(page, "train-report")
    page.get_by_role("button", name="Back to the workout").click()
    expect(page.get_by_role("heading", name="Today's workout")).to_be_visible()

    # Later today, /train offers to continue it.
    nav = page.get_by_role("navigation", name="Training")
    nav.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History", level=1)).to_be_visible()
    nav.get_by_role("link", name="Today").click()
    today = page.get_by_role("region", name="Today")
    expect(today.get_by_role("link", name="Continue workout")).to_have_attribute(
        "href", f"/train/{workout_id}")
    expect(page.get_by_role("heading", name="Start another workout")).to_be_visible()


def test_the_rest_timer_counts_down_after_a_set(page, browser, server):
    page.clock.install()
    page.add_init_script(RECORD_VIBRATION)
    signed_up_with_api(page, browser, server)
    start_workout(page)
    page.get_by_label("Rest timer").select_option(label="1:00")
    card = add_exercise(page, "Pull-Up")
    card.get_by_label("Reps").fill("8")
    card.get_by_role("button", name="Add set to Pull-Up").click()
    timer = page.get_by_role("region", name="Rest timer")
    left = timer.get_by_role("timer")
    expect(left).to_have_text("1:00")
    expect(page.get_by_role("status").filter(has_text="Rest 1:00 started.")).to_be_attached()
    page.clock.fast_forward("00:40")
    expect(left).to_have_text("0:20")
    timer.get_by_role("button", name="+30 s").click()
    expect(left).to_have_text("0:50")
    page.clock.fast_forward("00:51")
    expect(timer).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="Rest over.")).to_be_attached()
    assert page.evaluate("() => window.__vibrated") == [300, 150, 300]

    # The length is kept on the device; Skip ends a rest at once.
    page.reload()
    expect(page.get_by_label("Rest timer")).to_have_value("60")
    card = exercise_card(page, "Pull-Up")
    card.get_by_role("button", name="Add set to Pull-Up").click()
    expect(timer).to_be_visible()
    screenshot(page, "train-rest-timer")
    timer.get_by_role("button", name="Skip").click()
    expect(timer).to_be_hidden()


def test_edit_reorder_and_notes_by_keyboard_and_cardio_fields(page, browser, server):
    _, client = signed_up_with_api(page, browser, server)
    workout_id = start_workout(page)
    curl = add_exercise(page, "Bicep Curl")
    curl.get_by_label("Reps").fill("12")
    curl.get_by_label("Weight").fill("12,5")  # a decimal comma reads as a point
    curl.get_by_label("Reps").press("Enter")  # Enter in a field adds the set
    expect(set_rows(curl)).to_have_count(1)
    expect(set_rows(curl).first).to_contain_text("12 × 12.5 kg")
    curl.locator("summary", has_text="More").click()
    curl.get_by_label("RPE").fill("11")
    curl.get_by_role("button", name="Add set to Bicep Curl").click()
    expect(curl.get_by_role("alert")).to_have_text("RPE: 1 to 10, in half steps.")
    curl.get_by_label("RPE").fill("8.5")
    curl.get_by_label("Warm-up").check()
    curl.get_by_role("button", name="Add set to Bicep Curl").click()
    expect(set_rows(curl).nth(1)).to_contain_text("RPE 8.5")

    # Cardio shows time and distance first.
    run = add_exercise(page, "Running")
    run.get_by_label("Time").fill("25:30")
    run.get_by_label("Distance").fill("5")
    run.get_by_role("button", name="Add set to Running").click()
    expect(set_rows(run).first).to_contain_text("25:30 · 5 km")

    # Move running up with the keyboard: the focus stays on the control that moved it.
    up = page.get_by_role("button", name="Move Running up")
    up.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("region").nth(1)).to_have_accessible_name("Running")
    expect(page.get_by_role("button", name="Move Running down")).to_be_focused()
    check_accessibility(page, "train, after a move")

    # Edit the warm-up set in its dialog; delete the first.
    curl.get_by_role("button", name="Edit set 2 of Bicep Curl").click()
    dialog = page.get_by_role("dialog", name="Set 2 of Bicep Curl")
    expect(dialog.get_by_label("Warm-up")).to_be_checked()
    dialog.get_by_label("Reps").fill("10")
    dialog.get_by_label("Warm-up").uncheck()
    check_accessibility(page, "train, set dialog")
    dialog.get_by_label("Reps").press("Enter")
    expect(dialog).to_be_hidden()
    expect(set_rows(curl).nth(1)).to_contain_text("10 × 12.5 kg · RPE 8.5")
    curl.get_by_role("button", name="Edit set 1 of Bicep Curl").click()
    dialog = page.get_by_role("dialog", name="Set 1 of Bicep Curl")
    dialog.get_by_role("button", name="Delete set").click()
    expect(set_rows(curl)).to_have_count(1)

    # Notes on the exercise and the workout are saved on leaving the field.
    curl.locator("summary", has_text="Notes").click()
    curl.get_by_label("Notes on Bicep Curl").fill("Slow negatives")
    page.locator("summary", has_text="Workout notes").click()
    page.get_by_label("Workout notes").fill("Short session")
    page.get_by_label("Workout notes").press("Tab")
    wait_sent(page)

    details = client.call("GET", f"/api/workouts/{workout_id}/details")
    assert details["notes"] == "Short session"
    assert [e["exercise_name"] for e in sorted(details["exercises"],
                                               key=lambda e: e["exercise_order"])] == [
        "Running", "Bicep Curl"]
    curl_sets = next(e for e in details["exercises"] if e["exercise_name"] == "Bicep Curl")
    assert curl_sets["notes"] == "Slow negatives"
    assert [(s["reps"], s["weight"], s["rpe"], s["is_warmup"]) for s in curl_sets["sets"]] == [
        (10, 12.5, 8.5, False)]
    running = next(e for e in details["exercises"] if e["exercise_name"] == "Running")
    assert (running["sets"][0]["duration_seconds"], running["sets"][0]["distance_meters"]) == (
        1530, 5000.0)

    # Reopened, the workout shows as it was left; removing an exercise asks first.
    page.reload()
    expect(page.get_by_role("region").nth(1)).to_have_accessible_name("Running")
    page.get_by_role("button", name="Remove Running").click()
    page.get_by_role("dialog", name="Remove Running?").get_by_role("button",
                                                                   name="Remove").click()
    expect(exercise_card(page, "Running")).to_have_count(0)
    wait_sent(page)
    assert len(client.call("GET", f"/api/workouts/{workout_id}/details")["exercises"]) == 1


def test_today_on_a_phone(phone, browser, server):
    page = phone
    _, client = signed_up_with_api(page, browser, server)
    seed_workout(client, "2026-01-05T17:00:00Z", {"Overhead Press": [(5, 50), (5, 50)]})
    start_workout(page)
    page.get_by_role("button", name="Add exercise").click()
    dialog = page.get_by_role("dialog", name="Add an exercise")
    expect(dialog.get_by_role("heading", name="Recent")).to_be_visible()
    expect(dialog.get_by_role("list").first.get_by_role("button")).to_have_accessible_name(
        "Overhead Press")
    check_accessibility(page, "train picker, phone")
    screenshot(page, "train-picker-phone")
    dialog.get_by_role("button", name="Overhead Press").first.click()
    card = exercise_card(page, "Overhead Press")
    expect(card.get_by_label("Weight")).to_have_value("50")  # prefilled from last time
    for _ in range(2):
        card.get_by_role("button", name="Add set to Overhead Press").click()
    add_exercise(page, "Plank")
    wait_sent(page)
    check_accessibility(page, "train, phone")
    screenshot(page, "train-workout-phone")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    if os.environ.get("PMP_DOC_SCREENSHOTS"):  # the README's picture: what the phone shows
        expect(page.get_by_role("region", name="Rest timer")).to_be_visible()
        card.get_by_role("button", name="Add set to Overhead Press").evaluate(
            "(el) => el.scrollIntoView({ block: 'end' })")
        page.screenshot(path=str(DOCS / "train-phone.png"))
    page.get_by_role("button", name="Finish workout").click()
    expect(page.get_by_role("heading", name="Workout done")).to_be_visible()
    check_accessibility(page, "train report, phone")
    screenshot(page, "train-report-phone")


def test_the_training_navigation_on_a_phone(phone, browser, server):
    """One row of links between the Train screens: it fits 360 px and scrolls sideways on a
    narrower phone (the page never does), Tab reaches every link, the current one is marked."""
    page = phone
    signed_up_with_api(page, browser, server)
    page.goto("/train")
    nav = page.get_by_role("navigation", name="Training")
    expect(nav.get_by_role("link")).to_have_text(
        ["Today", "History", "Plans", "Calendar", "Exercises"])
    expect(nav.get_by_role("link", name="Today")).to_have_attribute("aria-current", "page")
    assert not nav.evaluate("(el) => el.scrollWidth > el.clientWidth")
    page.set_viewport_size({"width": 300, "height": 740})
    assert nav.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 300
    nav.get_by_role("link", name="Today").focus()
    for _ in range(4):
        page.keyboard.press("Tab")
    exercises = nav.get_by_role("link", name="Exercises")
    expect(exercises).to_be_focused()
    expect(exercises).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Exercises", level=1)).to_be_visible()
    page.set_viewport_size({"width": 360, "height": 740})
    expect(exercises).to_have_attribute("aria-current", "page")
    check_accessibility(page, "exercises with the training navigation, phone")
    for name, heading in (("Calendar", "Calendar"), ("Plans", "Plans"), ("History", "History")):
        nav.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        expect(nav.get_by_role("link", name=name)).to_have_attribute("aria-current", "page")
    screenshot(page, "training-nav-phone")
