"""Progress you can see, for an account with two years of training (imported in one request):
an exercise's chart (a canvas with something drawn, and its text alternative with the right
numbers), records and paged history; the weekly statistics; by keyboard, on a phone, axe clean."""

import re
from datetime import date, timedelta

import pytest

from tests.browser.api_client import other_device
from tests.browser.conftest import (
    SCREENSHOTS,
    check_accessibility,
    expect,
    screenshot,
    sign_up,
)
from tests.browser.editor_steps import no_horizontal_scroll
from tests.browser.workout_seed import number, two_years

DRAWN = """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"""


@pytest.fixture
def seeded(page, browser, server):
    """A new account with two years of workouts; the page signed in to it."""
    username = sign_up(page)
    seed = two_years()
    with other_device(browser, server) as api:
        api.login(username)
        api.call("POST", "/api/me/import", seed.document)
        found = api.call("GET", "/api/exercises?q=bench%20press")
        seed.bench_id = next(e["id"] for e in found if e["name"] == "Bench Press")
    return seed


def view(page, name: str) -> None:
    """What the window shows (a full-page picture of a long page is too small to judge)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def drawn(canvas) -> int:
    return canvas.evaluate(DRAWN)


def weeks_of(days) -> int:
    return len({day.isocalendar()[:2] for day in days})


def test_exercise_progress_records_and_history(page, seeded):
    page.goto(f"/exercises/{seeded.bench_id}")
    expect(page.get_by_role("heading", name="Bench Press", level=1)).to_be_visible()
    progress = page.get_by_role("region", name="Progress")
    progress.get_by_label("Range").select_option("2y")
    progress.get_by_label("Points").select_option("week")
    days = [day for day, _ in seeded.sessions["Bench Press"]
            if day >= date.today() - timedelta(days=730)]
    summary = progress.locator(".chart-summary")
    best = number(seeded.best_e1rm("Bench Press"))
    expect(summary).to_contain_text(f"{weeks_of(days)} points")
    expect(summary).to_contain_text(f"highest {best} kg")
    title = re.compile(r"Best estimated 1RM \(kg\) of Bench Press, per week, last 2 years")
    canvas = progress.get_by_role("img", name=title)
    expect(canvas).to_have_attribute("aria-describedby", re.compile(".+"))
    assert drawn(canvas) > 1000
    view(page, "exercise-desktop")

    # The same numbers as a table, one row a week.
    progress.get_by_role("button", name="Show the numbers").click()
    expect(progress.get_by_role("button", name="Hide the table")).to_have_attribute(
        "aria-expanded", "true")
    table = progress.get_by_role("table")
    expect(table.locator("tbody tr")).to_have_count(weeks_of(days))
    expect(table.get_by_role("cell", name=best, exact=True)).to_have_count(1)
    check_accessibility(page, "exercise page, two years")

    # The metric by keyboard: arrow keys move between the choices.
    progress.get_by_role("radio", name="Best estimated 1RM").focus()
    page.keyboard.press("ArrowRight")
    expect(progress.get_by_role("radio", name="Best set weight")).to_be_checked()
    heaviest = number(seeded.heaviest("Bench Press"))
    expect(summary).to_contain_text(f"highest {heaviest} kg")

    # All time, by month.
    progress.get_by_label("Range").select_option("all")
    expect(progress.get_by_label("Points").get_by_role("option")).to_have_text(
        ["Per week", "Per month"])  # no session points over more than two years
    progress.get_by_label("Points").select_option("month")
    months = {(day.year, day.month) for day, _ in seeded.sessions["Bench Press"]}
    expect(summary).to_contain_text(f"{len(months)} points")

    # Records, each linking to its workout; rep records.
    records = page.get_by_role("region", name="Personal records")
    expect(records.locator(".record-card").filter(has_text="Heaviest weight")).to_contain_text(
        f"{heaviest} kg")
    expect(records.locator(".record-card").filter(has_text="Best estimated 1RM")
           ).to_contain_text(f"{best} kg")
    expect(records.locator(".record-card").filter(has_text="Best estimated 1RM").get_by_role(
        "link")).to_have_attribute("href", re.compile(r"^/train/\d+$"))
    reps8 = max(w for _, r, w in seeded.working_sets("Bench Press") if r >= 8)
    rep_row = records.get_by_role("row").filter(has=page.get_by_role("rowheader", name="8",
                                                                     exact=True))
    expect(rep_row).to_contain_text(number(reps8))

    # History: newest first, 20 at a time.
    history = page.get_by_role("region", name="History")
    total = len(seeded.sessions["Bench Press"])
    expect(history.get_by_role("status")).to_have_text(
        f"Showing 20 of {total} sessions, newest first")
    sessions = history.locator(".session-row")
    expect(sessions).to_have_count(20)
    last_day, last_sets = seeded.sessions["Bench Press"][-1]
    expect(sessions.first).to_contain_text(f"5 × {number(last_sets[-1][1])} kg")
    expect(sessions.first.get_by_role("link")).to_have_attribute("href", re.compile(r"/train/\d+"))
    history.get_by_role("button", name=f"Load more ({total - 20} left)").click()
    expect(sessions).to_have_count(40)
    screenshot(page, "exercise-desktop-full")


def test_statistics_over_a_range(page, seeded):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", name="Progress", level=1)).to_be_visible()
    today = date.today()
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=11)
    recent = [d for d in seeded.workout_days if d >= first]
    totals = page.get_by_role("region", name=re.compile("Totals"))
    workouts = totals.locator(".record-card").filter(has_text=re.compile("^Workouts"))
    expect(workouts.first).to_contain_text(str(len(recent)))
    charts = page.locator("canvas")
    expect(charts).to_have_count(4)
    for n in range(4):
        expect(charts.nth(n)).to_have_attribute("role", "img")
        page.wait_for_function("c => c.width > 0", arg=charts.nth(n).element_handle())
        assert drawn(charts.nth(n)) > 500, n
    workouts_chart = page.locator("figure").filter(has_text="Workouts per week")
    expect(workouts_chart.locator(".chart-summary")).to_contain_text("12 points")
    expect(workouts_chart.locator(".chart-summary")).to_contain_text("highest 3 workouts")
    check_accessibility(page, "statistics, 12 weeks")
    screenshot(page, "progress-desktop")

    page.get_by_label("Range").select_option("104")
    expect(workouts.first).to_contain_text(str(len(seeded.workout_days)))
    expect(workouts_chart.locator(".chart-summary")).to_contain_text("104 points")
    page.get_by_role("button", name="Show every week as a table").click()
    table = page.get_by_role("table", name=re.compile("Week by week"))
    expect(table.locator("tbody tr")).to_have_count(104)
    check_accessibility(page, "statistics, 2 years with the table")


def test_progress_on_a_phone(phone, browser, server):
    page = phone
    username = sign_up(page)
    seed = two_years()
    with other_device(browser, server) as api:
        api.login(username)
        api.call("POST", "/api/me/import", seed.document)
        bench = next(e["id"] for e in api.call("GET", "/api/exercises?q=bench%20press")
                     if e["name"] == "Bench Press")
    page.goto("/progress")
    expect(page.locator("canvas")).to_have_count(4)
    expect(page.locator(".chart-summary").first).to_contain_text("points")
    no_horizontal_scroll(page)
    check_accessibility(page, "statistics, phone")
    view(page, "progress-phone")
    page.goto(f"/exercises/{bench}")
    expect(page.locator(".chart-summary")).to_contain_text("points")
    expect(page.locator(".session-row")).to_have_count(20)
    no_horizontal_scroll(page)
    check_accessibility(page, "exercise page, phone")
    view(page, "exercise-phone")
