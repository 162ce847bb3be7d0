"""The benchmark's seeding and CSV generator still work against the current models."""

from sqlalchemy import func, select

from bench.lighterpack_csv import lighterpack_csv
from bench.seed import Scale, seed
from pmp.core.extensions import db
from pmp.gear.lighterpack_parse import parse_csv
from pmp.gear.models import Item, PackEntry
from pmp.workouts.models import WorkoutSet


def test_seed_small_account_and_use_it(app, client):
    with app.app_context():
        seeded = seed(Scale(items=5, packs=1, entries=(3, 4), workouts=3,
                            exercises_per_workout=2, sets_per_exercise=2))
        assert db.session.scalar(select(func.count(Item.id))) == 5
        assert db.session.scalar(select(func.count(PackEntry.id))) == 4
        assert db.session.scalar(select(func.count(WorkoutSet.id))) == 3 * 2 * 2
    login = client.post("/api/auth/login",
                        json={"login": seeded.username, "password": seeded.password})
    assert login.status_code == 200
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    pack = client.get(f"/api/packs/{seeded.big_pack_id}", headers=headers)
    assert pack.status_code == 200
    assert client.get(f"/api/shared/{seeded.share_code}").status_code == 200
    report = client.get(f"/api/workouts/{seeded.workout_id}/report", headers=headers)
    assert report.status_code == 200
    entry = seeded.workout_exercise_ids[0]
    added = client.post(f"/api/workout-exercises/{entry}/sets", json={"reps": 5, "weight": 50},
                        headers=headers)
    assert added.status_code == 201


def test_lighterpack_csv_parses_with_the_requested_rows():
    text = lighterpack_csv(50)
    assert len(parse_csv(text.encode()).rows) == 50


def test_the_largest_import_document_is_at_the_caps():
    from bench.account_document import Scale, account_document, largest
    from pmp.account.caps import CAPS, count_records

    scale = largest()
    assert (scale.items, scale.packs, scale.custom_exercises, scale.workouts) == (
        CAPS["items"], CAPS["packs"], CAPS["custom_exercises"], CAPS["workouts"])
    assert scale.workouts * scale.entries_per_workout == CAPS["workouts.exercises"]
    assert scale.workouts * scale.entries_per_workout * scale.sets_per_entry \
        == CAPS["workouts.exercises.sets"]
    assert scale.plans * scale.exercises_per_plan == CAPS["plans.exercises"]
    assert scale.plans * scale.dates_per_plan == CAPS["plans.dates"]
    assert CAPS["packs.entries"] - scale.entries_per_pack <= \
        (scale.packs - 1) * scale.entries_per_pack <= CAPS["packs.entries"]
    small = Scale(workouts=3, entries_per_workout=2, sets_per_entry=4, items=5, packs=2,
                  entries_per_pack=3)
    assert count_records(account_document(small)) == {
        "items": 5, "packs": 2, "packs.entries": 3, "custom_exercises": 15, "workouts": 3,
        "workouts.exercises": 6, "workouts.exercises.sets": 24, "plans": 12,
        "plans.exercises": 72, "plans.dates": 120}


def test_first_load_follows_the_module_graph():
    from bench.first_load import CHART, as_json, first_load

    report = first_load()
    parts = {p.name: p for p in report["parts"]}
    sign_in = [f for name, p in parts.items() if name.startswith("sign-in") for f in p.files]
    assert {"app/main.js", "app/vendor.js", "app/screens/auth.js", "app/styles.css",
            "app/css/editor.css"} <= set(sign_in)
    assert any(f.startswith("vendor/preact-") for f in sign_in)
    assert CHART not in sign_in and "app/screens/packs.js" not in sign_in  # lazy
    assert "app/screens/packs.js" in parts["lazy: app/screens/packs.js"].files
    assert "app/vendor-dnd.js" not in sign_in  # drag and drop only with the editor
    assert report["editor"] > report["sign_in"] > 0
    assert as_json(report)["parts"][0]["gzipped"] == parts["sign-in: the app's modules"].gzipped


def test_the_share_page_has_its_row():
    from bench.run import rows
    from bench.seed import Seeded

    seeded = Seeded(1, "bench", "pw", big_pack_id=1, big_pack_entries=200, share_code="abc",
                    workout_id=1, workout_exercise_ids=[1])
    paths = {name: paths for name, _, paths, _, _ in rows(seeded, "token")}
    assert paths["GET /r/<code> share page (gzip, 200)"] == ["/r/abc"]


def test_workout_screens_bench_times_every_screen(app, client):
    """bench/workout_screens.py's requests all answer 200 on a small seeded account."""
    from bench.workout_screens import screens, time_requests

    with app.app_context():
        seeded = seed(Scale(items=2, packs=1, entries=(1, 2), workouts=4,
                            exercises_per_workout=2, sets_per_exercise=2))
        from pmp.workouts.models import WorkoutExercise

        exercise_id = db.session.get(WorkoutExercise,
                                     seeded.workout_exercise_ids[-1]).exercise_id
    login = client.post("/api/auth/login",
                        json={"login": seeded.username, "password": seeded.password})
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    urls = {name: paths for name, paths in screens(seeded.workout_id, exercise_id).items()
            if name != "Calendar"}
    timings = time_requests(client, headers, urls, repeat=1, number=1)
    assert len(timings) == sum(len(paths) for paths in urls.values())
