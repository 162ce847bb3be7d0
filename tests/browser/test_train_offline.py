"""At the gym without a connection: the service worker opens the app offline, sets logged
offline wait on the device (and survive a reload), and are sent once, in order, when the
connection is back; a POST whose answer was lost is sent again with the same Idempotency-Key
and stored once."""

import re

from tests.browser.conftest import DESKTOP, Watched, check_accessibility, expect, screenshot
from tests.browser.train_steps import (
    add_exercise,
    exercise_card,
    set_rows,
    signed_up_with_api,
    start_workout,
    wait_sent,
)


def test_sets_logged_offline_survive_a_reload_and_are_stored_once(context, page, browser, server):
    _, client = signed_up_with_api(page, browser, server)
    workout_id = start_workout(page)
    bench = add_exercise(page, "Bench Press")
    bench.get_by_label("Reps").fill("5")
    bench.get_by_label("Weight").fill("100")
    bench.get_by_role("button", name="Add set to Bench Press").click()
    wait_sent(page)
    # The service worker controls the page: the app's files are kept.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")

    context.set_offline(True)
    expect(page.get_by_text(re.compile("^Offline:"))).to_be_visible()
    add = bench.get_by_role("button", name="Add set to Bench Press")
    add.click()
    add.click()
    expect(page.get_by_role("status").filter(has_text="2 sets waiting to be sent.")).to_be_visible()
    # An exercise added offline, with a set: the set's path names the entry's temporary id.
    squat = add_exercise(page, "Back Squat", search="back sq")
    squat.get_by_label("Reps").fill("3")
    squat.get_by_label("Weight").fill("150")
    squat.get_by_role("button", name="Add set to Back Squat").click()
    waiting = page.get_by_role("status").filter(has_text="waiting to be sent")
    expect(waiting).to_have_text("1 exercise and 3 sets waiting to be sent.")

    # Reloaded without a network: the app, the account and the workout come from the device.
    page.reload()
    expect(page.get_by_role("heading", name="Today's workout")).to_be_visible()
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    expect(page.get_by_text(re.compile("^Offline:"))).to_be_visible()
    bench = exercise_card(page, "Bench Press")
    expect(set_rows(bench)).to_have_count(3)
    expect(set_rows(bench).filter(has_text="not sent yet")).to_have_count(2)
    expect(set_rows(exercise_card(page, "Back Squat"))).to_have_count(1)
    expect(waiting).to_have_text("1 exercise and 3 sets waiting to be sent.")
    check_accessibility(page, "train, offline")
    screenshot(page, "train-offline")

    context.set_offline(False)
    wait_sent(page)
    expect(page.get_by_text(re.compile("^Offline:"))).to_have_count(0)
    details = client.call("GET", f"/api/workouts/{workout_id}/details")
    assert [(e["exercise_name"], [(s["set_number"], s["reps"], s["weight"]) for s in e["sets"]])
            for e in details["exercises"]] == [
        ("Bench Press", [(1, 5, 100.0), (2, 5, 100.0), (3, 5, 100.0)]),
        ("Back Squat", [(1, 3, 150.0)])]
    # Reloaded online, the server's copy shows the same.
    page.reload()
    expect(set_rows(exercise_card(page, "Bench Press"))).to_have_count(3)
    expect(page.get_by_text("not sent yet")).to_have_count(0)


def test_a_set_whose_answer_was_lost_is_sent_again_with_its_key_and_stored_once(browser,
                                                                                server):
    # Without the service worker, so that the test's route sees the API calls.
    context = browser.new_context(base_url=server.base, viewport=DESKTOP, locale="en-GB",
                                  service_workers="block")
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch = Watched(page)
    try:
        _, client = signed_up_with_api(page, browser, server)
        workout_id = start_workout(page)
        card = add_exercise(page, "Deadlift")
        keys = []
        lost = []

        def lose_first_answer(route):
            keys.append(route.request.headers.get("idempotency-key"))
            response = route.fetch()  # the server stores the set...
            if not lost:
                lost.append(response.status)
                route.abort("connectionreset")  # ...but the answer never arrives
            else:
                route.fulfill(response=response)

        page.route(re.compile(r"/api/workout-exercises/\d+/sets$"), lose_first_answer)
        card.get_by_label("Reps").fill("5")
        card.get_by_label("Weight").fill("200")
        card.get_by_role("button", name="Add set to Deadlift").click()
        wait_sent(page)
        assert lost == [201]
        assert len(keys) == 2 and keys[0] and keys[0] == keys[1]
        sets = client.call("GET", f"/api/workouts/{workout_id}/details")["exercises"][0]["sets"]
        assert [(s["reps"], s["weight"]) for s in sets] == [(5, 200.0)]
        expect(set_rows(card)).to_have_count(1)
        assert watch.all_problems() == []
    finally:
        context.close()
