"""Automatic numbers (exercise_order, set_number) stay inside what PATCH and the import accept."""

from pmp.workouts.schemas import MAX_EXERCISE_ORDER, MAX_SET_NUMBER


def test_automatic_exercise_order_stops_at_the_highest_accepted(as_alice):
    workout = as_alice.workout()
    as_alice.entry(workout["id"], exercise_order=MAX_EXERCISE_ORDER - 1)
    below = as_alice.entry(workout["id"], "Deadlift")
    assert below["exercise_order"] == MAX_EXERCISE_ORDER
    at_cap = as_alice.entry(workout["id"], "Back Squat")
    assert at_cap["exercise_order"] == MAX_EXERCISE_ORDER
    # a tie at the cap: listed in the order added, so the new entry still comes last
    details = as_alice.get(f"/api/workouts/{workout['id']}/details")
    assert [e["exercise_name"] for e in details["exercises"]][-2:] == ["Deadlift", "Back Squat"]
    # and the value written is one the API takes back
    patched = as_alice.patch(f"/api/workout-exercises/{at_cap['id']}",
                             {"exercise_order": at_cap["exercise_order"], "notes": "ok"})
    assert patched["exercise_order"] == MAX_EXERCISE_ORDER
    as_alice.patch(f"/api/workout-exercises/{at_cap['id']}",
                   {"exercise_order": MAX_EXERCISE_ORDER + 1}, 422)


def test_automatic_set_number_refuses_past_the_highest_accepted(as_alice):
    entry = as_alice.entry(as_alice.workout()["id"])
    as_alice.set(entry["id"], set_number=MAX_SET_NUMBER - 1, reps=5)
    assert as_alice.set(entry["id"], reps=5)["set_number"] == MAX_SET_NUMBER
    refused = as_alice.post(f"/api/workout-exercises/{entry['id']}/sets", {"reps": 5}, 422)
    assert refused["code"] == "validation_error" and "set_number" in refused["fields"]
    assert str(MAX_SET_NUMBER) in refused["error"]
    # a free number given explicitly still works, and nothing else was written
    assert as_alice.set(entry["id"], set_number=3, reps=5)["set_number"] == 3
    sets = as_alice.get(f"/api/workout-exercises/{entry['id']}")["sets"]
    assert [s["set_number"] for s in sets] == [3, MAX_SET_NUMBER - 1, MAX_SET_NUMBER]
