"""History (/history): newest first, a page at a time, a one-line summary per workout from the
list itself (no report request per row); open one, repeat it as today's plan, delete it."""

import re

from tests.browser.conftest import check_accessibility, expect, screenshot
from tests.browser.train_steps import exercise_card, seed_workout, signed_up_with_api, wait_sent


def open_history(page):
    page.goto("/history")
    expect(page.get_by_role("heading", name="History", level=1)).to_be_visible()


def rows(page):
    return page.get_by_role("list", name="Workouts").get_by_role("listitem")


def test_history_pages_summaries_open_repeat_and_delete(page, browser, server):
    _, client = signed_up_with_api(page, browser, server)
    for day in range(1, 23):  # 22 workouts: a page of 20 and 2 more
        seed_workout(client, f"2026-01-{day:02d}T07:00:00Z",
                     {"Bench Press": [(5, 60 + day)]} if day < 22 else
                     {"Bench Press": [(5, 90), (5, 90)], "Deadlift": [(3, 140)]})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_history(page)
    expect(page.get_by_text("Showing 20 of 22 workouts")).to_be_visible()
    expect(rows(page)).to_have_count(20)
    newest = rows(page).first
    expect(newest.get_by_role("link")).to_have_text(re.compile("22 Jan 2026"))
    expect(newest).to_contain_text("Bench Press, Deadlift · 3 sets · 1,320 kg")
    nav = page.get_by_role("navigation", name="Training")
    expect(nav.get_by_role("link", name="History")).to_have_attribute("aria-current", "page")
    check_accessibility(page, "history")
    screenshot(page, "history")

    page.get_by_role("button", name="Load more").click()
    expect(rows(page)).to_have_count(22)
    expect(page.get_by_text("22 workouts", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Load more")).to_have_count(0)
    oldest = rows(page).last
    oldest.scroll_into_view_if_needed()
    expect(oldest).to_contain_text("Bench Press · 1 set · 305 kg")
    # Two pages, two list requests, and never a report per row.
    assert [u for u in requests if "/report" in u] == []
    assert len([u for u in requests if "/api/workouts?" in u]) == 2

    # Delete asks first; cancelled, nothing happens.
    oldest.get_by_role("button", name=re.compile("^Delete the workout of 1 Jan")).click()
    dialog = page.get_by_role("dialog", name="Delete this workout?")
    check_accessibility(page, "history, delete dialog")
    dialog.get_by_role("button", name="Cancel").click()
    expect(rows(page)).to_have_count(22)
    oldest.get_by_role("button", name=re.compile("^Delete the workout of 1 Jan")).click()
    dialog.get_by_role("button", name="Delete workout").click()
    expect(rows(page)).to_have_count(21)
    expect(page.get_by_role("status").filter(has_text="Deleted the workout of 1 Jan")
           ).to_be_visible()
    assert len(client.call("GET", "/api/workouts?limit=100")) == 21

    # Repeat: a copy for today with the source's exercises and targets, opened to log.
    newest.get_by_role("button", name=re.compile("^Repeat the workout of 22 Jan")).click()
    expect(page).to_have_url(re.compile(r"/train/\d+$"))
    expect(page.get_by_role("heading", name="Today's workout")).to_be_visible()
    bench = exercise_card(page, "Bench Press")
    expect(bench.get_by_text("Target: 2 × 5 @ 90 kg")).to_be_visible()
    expect(bench.get_by_label("Reps")).to_have_value("5")
    expect(bench.get_by_label("Weight")).to_have_value("90")
    bench.get_by_role("button", name="Add set to Bench Press").click()
    expect(exercise_card(page, "Deadlift").get_by_text("Target: 1 × 3 @ 140 kg")).to_be_visible()
    wait_sent(page)
    copy_id = int(page.url.rsplit("/", 1)[1])
    copy = client.call("GET", f"/api/workouts/{copy_id}/details")
    assert [e["exercise_name"] for e in copy["exercises"]] == ["Bench Press", "Deadlift"]
    assert [(s["reps"], s["weight"]) for s in copy["exercises"][0]["sets"]] == [(5, 90.0)]

    # Opening a past workout shows it in the same screen.
    open_history(page)
    rows(page).nth(1).get_by_role("link").click()
    expect(page.get_by_role("heading", name="Workout", level=1)).to_be_visible()
    expect(exercise_card(page, "Bench Press")).to_be_visible()


def test_history_on_a_phone(phone, browser, server):
    page = phone
    _, client = signed_up_with_api(page, browser, server)
    open_history(page)
    expect(page.get_by_text("No workouts yet.")).to_be_visible()
    check_accessibility(page, "history, empty, phone")
    for day in (3, 5, 8):
        seed_workout(client, f"2026-02-{day:02d}T18:30:00Z",
                     {"Back Squat": [(5, 100), (5, 100)], "Overhead Press": [(8, 40)],
                      "Barbell Row": [(8, 60)], "Pull-Up": [(6, 0)]})
    open_history(page)
    expect(rows(page)).to_have_count(3)
    expect(rows(page).first).to_contain_text("Back Squat, Overhead Press, Barbell Row +1")
    check_accessibility(page, "history, phone")
    screenshot(page, "history-phone")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
