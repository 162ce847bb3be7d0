"""POST /api/me/import checks the whole document, caps first, before it writes anything."""

import pytest

from pmp.account import caps

WORKOUT = {"performed_at": "2026-01-05T07:00:00Z"}

# A record of each capped kind, and a document holding `n` of them.
SAMPLES = {
    "items": lambda n: {"items": [{"id": i, "name": f"i{i}"} for i in range(n)]},
    "packs": lambda n: {"packs": [{"name": f"p{i}"} for i in range(n)]},
    "packs.entries": lambda n: {"items": [{"id": i, "name": f"i{i}"} for i in range(n)],
                                "packs": [{"name": "p", "entries": [{"item_id": i}
                                                                    for i in range(n)]}]},
    "custom_exercises": lambda n: {"custom_exercises": [{"name": f"c{i}", "category": "sport"}
                                                        for i in range(n)]},
    "workouts": lambda n: {"workouts": [WORKOUT] * n},
    "workouts.exercises": lambda n: {"workouts": [
        {**WORKOUT, "exercises": [{"exercise_name": "Plank"}] * n}]},
    "workouts.exercises.sets": lambda n: {"workouts": [{**WORKOUT, "exercises": [
        {"exercise_name": "Plank", "sets": [{"duration_seconds": 60}] * n}]}]},
    "plans": lambda n: {"plans": [{"name": f"p{i}"} for i in range(n)]},
    "plans.exercises": lambda n: {"plans": [
        {"name": "p", "exercises": [{"exercise_name": "Plank"}] * n}]},
    "plans.dates": lambda n: {"plans": [
        {"name": "p", "dates": [f"2026-01-{day:02d}" for day in range(1, n + 1)]}]},
}


def document(**lists):
    return {"format": "pmp-export", "version": 1, **lists}


def post(client, user, body):
    return client.post("/api/me/import", headers=user.headers, json=body)


def inserts(statements):
    return [s for s in statements if s.lstrip().upper().startswith("INSERT")]


def exported(client, user):
    doc = client.get("/api/me/export", headers=user.headers).get_json()
    return {k: doc[k] for k in ("items", "packs", "custom_exercises", "workouts", "plans")}


EMPTY = {"items": [], "packs": [], "custom_exercises": [], "workouts": [], "plans": []}


def test_every_cap_holds_as_documented(client, make_user, monkeypatch):
    """At each cap (made small here) a document imports; one record more is a 422 naming it."""
    user = make_user()
    for key in caps.CAPS:
        monkeypatch.setitem(caps.CAPS, key, 3)
        assert post(client, user, document(**SAMPLES[key](3))).status_code == 200, key
        over = post(client, user, document(**SAMPLES[key](4)))
        assert over.status_code == 422, key
        body = over.get_json()
        assert body["code"] == "validation_error"
        assert body["fields"] == {key: ["At most 3 in one import; this document has 4."]}
        assert "4 " + caps.NAMES[key] + " (at most 3)" in body["error"]
        monkeypatch.setitem(caps.CAPS, key, 10**6)


@pytest.mark.parametrize("key", list(caps.CAPS))
def test_over_a_real_cap_nothing_is_validated_or_written(client, make_user, count_queries,
                                                         key):
    """The default caps, one record over: refused before any record is looked at (records
    of nothing but `{}` would each fail validation) and before any INSERT."""
    user = make_user()
    cap = caps.CAPS[key]
    body = document(**SAMPLES[key](1))
    parent, _, child = key.rpartition(".")
    if not parent:
        body[key] = [{}] * (cap + 1)
    else:
        holder = body[parent.split(".")[0]][0]
        if parent.count("."):
            holder = holder["exercises"][0]
        holder[child] = [{}] * (cap + 1)
    with count_queries() as q:
        response = post(client, user, body)
    assert response.status_code == 422
    assert list(response.get_json()["fields"]) == [key]
    assert f"{cap + 1:,}" in response.get_json()["error"]
    assert inserts(q.statements) == []
    assert exported(client, user) == EMPTY


def test_a_bad_record_anywhere_writes_nothing_and_is_named_by_its_path(
        client, make_user, count_queries):
    user = make_user()
    sets = [{"reps": 5, "weight": 60}, {"reps": 5}, {"reps": -1}]
    body = document(
        items=[{"id": 7, "name": "Tent"}], packs=[{"name": "p", "entries": [{"item_id": 7}]}],
        workouts=[WORKOUT, {**WORKOUT, "exercises": [{"exercise_name": "Plank", "sets": sets}]}])
    with count_queries() as q:
        response = post(client, user, body)
    assert response.status_code == 422
    assert response.get_json()["fields"] == {
        "workouts.1.exercises.0.sets.2.reps": ["Must be greater than or equal to 0 and less "
                                               "than or equal to 100000."]}
    assert inserts(q.statements) == []
    assert exported(client, user) == EMPTY


def test_problems_of_both_domains_come_in_one_answer(client, make_user):
    user = make_user()
    response = post(client, user, document(
        items=[{"id": 1, "name": ""}], packs=[{"name": "p", "entries": [{"item_id": 2}]}],
        custom_exercises=[{"name": "x", "category": "dance"}],
        workouts=[{"performed_at": "soon"}, {**WORKOUT, "exercises": "many"}]))
    assert response.status_code == 422
    assert set(response.get_json()["fields"]) == {
        "items.0.name", "packs.0.entries.0.item_id", "custom_exercises.0.category",
        "workouts.0.performed_at", "workouts.1.exercises"}


def test_an_unknown_exercise_is_refused_before_any_write(client, make_user, count_queries):
    user = make_user()
    body = document(items=[{"id": 1, "name": "Tent"}], custom_exercises=[
        {"name": "Sled Push", "category": "strength"}], workouts=[{**WORKOUT, "exercises": [
            {"exercise_name": "sled  PUSH", "custom": True}, {"exercise_name": "Sled Push"},
            {"exercise_name": "No Such Lift"}]}])
    with count_queries() as q:
        response = post(client, user, body)
    assert response.status_code == 422
    assert response.get_json()["fields"] == {
        "workouts.0.exercises.1.exercise_name": ["Unknown exercise 'Sled Push'."],
        "workouts.0.exercises.2.exercise_name": ["Unknown exercise 'No Such Lift'."]}
    assert inserts(q.statements) == []
    assert exported(client, user) == EMPTY


def test_a_document_of_bad_records_lists_the_first_hundred(client, make_user):
    user = make_user()
    sets = [{"reps": "many"}] * 5000
    response = post(client, user, document(workouts=[{**WORKOUT, "exercises": [
        {"exercise_name": "Plank", "sets": sets}]}]))
    assert response.status_code == 422
    body = response.get_json()
    assert len(body["fields"]) == 100 and "first 100 problems" in body["error"]


def test_set_numbers_the_import_gives_stay_within_the_cap(client, make_user):
    user = make_user()
    full = [{"set_number": 10_000, "reps": 1}, {"reps": 2}]
    response = post(client, user, document(workouts=[{**WORKOUT, "exercises": [
        {"exercise_name": "Plank", "sets": full}]}]))
    assert response.status_code == 422
    assert list(response.get_json()["fields"]) == ["workouts.0.exercises.0.sets.1.set_number"]
    numbered = [{"set_number": 9_999, "reps": 1}, {"reps": 2}]
    assert post(client, user, document(workouts=[{**WORKOUT, "exercises": [
        {"exercise_name": "Plank", "sets": numbered}]}])).status_code == 200
    sets = exported(client, user)["workouts"][0]["exercises"][0]["sets"]
    assert [s["set_number"] for s in sets] == [9_999, 10_000]


def test_the_import_goes_to_the_caller_only(client, make_user):
    alice, bob = make_user("alice"), make_user("bob")
    client.post("/api/items", headers=alice.headers, json={"name": "Alice's"})
    before = exported(client, alice)
    response = post(client, bob, document(items=[{"id": 1, "name": "Bob's"}],
                                          workouts=[WORKOUT]))
    assert response.status_code == 200
    assert exported(client, alice) == before
    assert [i["name"] for i in exported(client, bob)["items"]] == ["Bob's"]
    anonymous = client.post("/api/me/import", json=document())
    assert anonymous.status_code == 401 and anonymous.get_json()["code"] == "unauthorized"


def test_an_import_costs_the_same_statements_for_ten_times_the_records(client, make_user,
                                                                       count_queries):
    """One INSERT (executemany) per table, whatever the number of rows; the record book of the
    imported exercises recomputed in bulk."""
    from bench.account_document import Scale, account_document

    counts = []
    for n, size in enumerate((1, 10)):
        user = make_user(f"user{n}")
        body = account_document(Scale(workouts=20 * size, entries_per_workout=3,
                                      sets_per_entry=4, items=10 * size, packs=3,
                                      entries_per_pack=5 * size, custom_exercises=2))
        with count_queries() as q:
            assert post(client, user, body).status_code == 200
        counts.append(len(q.statements))
    # 20, and 4 for the record book (lock the user, delete its rows of the imported exercises,
    # read their working sets, insert the progression)
    assert counts[0] == counts[1] <= 24
