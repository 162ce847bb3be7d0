"""Steps the workout screens' browser tests share: sign up and get an API client of the same
account, start a workout, add an exercise, log sets by tapping "Add set"."""

from __future__ import annotations

import re

from tests.browser.api_client import ApiClient
from tests.browser.conftest import expect, sign_up


def signed_up_with_api(page, browser, server) -> tuple[str, ApiClient]:
    """A new account signed in on the page, and an API client of it in a context of its own
    (closed with the browser's session)."""
    username = sign_up(page)
    client = ApiClient(browser.new_context(base_url=server.base))
    client.login(username)
    return username, client


def exercise_id(client: ApiClient, name: str) -> int:
    return next(e["id"] for e in client.call("GET", "/api/exercises") if e["name"] == name)


def seed_workout(client: ApiClient, performed_at: str, sets_by_exercise: dict) -> dict:
    """A workout with {exercise name: [(reps, weight), ...]} logged through the API."""
    workout = client.call("POST", "/api/workouts", {"performed_at": performed_at})
    for name, sets in sets_by_exercise.items():
        entry = client.call("POST", f"/api/workouts/{workout['id']}/exercises",
                            {"exercise_id": exercise_id(client, name)})
        for reps, weight in sets:
            client.call("POST", f"/api/workout-exercises/{entry['id']}/sets",
                        {"reps": reps, "weight": weight, "weight_unit": "kg"})
    return workout


def start_workout(page) -> int:
    page.goto("/train")
    page.get_by_role("button", name="Start workout").click()
    expect(page).to_have_url(re.compile(r"/train/\d+$"))
    expect(page.get_by_role("heading", name="Today's workout", level=1)).to_be_visible()
    return int(page.url.rsplit("/", 1)[1])


def add_exercise(page, name: str, search: str | None = None):
    page.get_by_role("button", name="Add exercise").click()
    dialog = page.get_by_role("dialog", name="Add an exercise")
    dialog.get_by_label("Search exercises").fill(search or name)
    dialog.get_by_role("button", name=name, exact=True).first.click()
    expect(dialog).to_be_hidden()
    card = exercise_card(page, name)
    expect(card).to_be_visible()
    return card


def exercise_card(page, name: str):
    return page.get_by_role("region", name=name, exact=True)


def set_rows(card):
    return card.get_by_role("list", name=re.compile("^Sets of")).get_by_role("listitem")


def wait_sent(page):
    """Nothing of the workout waits in the outbox any more."""
    expect(page.get_by_text(re.compile("waiting to be sent"))).to_have_count(0)
    expect(page.get_by_text("not sent yet")).to_have_count(0)
