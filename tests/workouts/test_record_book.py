"""The record book: its progression (pure), its upkeep by every write, its fill by the migration.

`assert_book_matches_the_sets` recomputes a user's book from scratch and compares it with the
table; a property test runs random sequences of writes through the API (past workouts edited,
moved and deleted included) and checks the book and `/records` against a brute-force answer.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pmp.core.extensions import db
from pmp.workouts import calc, record_book
from pmp.workouts.models import RecordBookEntry, WorkoutExercise
from pmp.workouts.record_book import Best, progression, session_bests
from tests.workouts.conftest import Log

T0 = datetime(2026, 1, 1, 10, tzinfo=UTC)


def _kinds(steps):
    return [(s.kind, s.workout_id) for s in steps]


# -- pure -------------------------------------------------------------------------------------

def test_session_bests_compare_exact_kilograms_and_skip_what_has_no_figure():
    bests = session_bests([(5, Decimal("100"), "lb"), (3, Decimal("45.359237"), "kg"),
                           (None, Decimal("200"), "kg"), (0, Decimal("10"), "kg"),
                           (12, None, "kg")])
    assert bests["heaviest_weight"] == Best(None, Decimal("200"), "kg")
    # 100 lb is exactly 45.359237 kg: the first set keeps the tie; 5 reps beat 3 for e1RM
    assert bests["best_estimated_1rm"] == Best(5, Decimal("100"), "lb")
    assert bests["most_reps"] == Best(12, None, "kg")
    assert bests["best_session_volume"] == Best(volume_kg=3 * 45359, volume_lb=500_000)
    assert set(bests) == {"heaviest_weight", "best_estimated_1rm", "most_reps",
                          "best_session_volume", "reps_5", "reps_3"}
    assert session_bests([(0, Decimal(0), "kg")]) == {"heaviest_weight": Best(0, Decimal(0),
                                                                             "kg")}


def test_progression_keeps_a_row_per_new_best_and_ties_stay_with_the_earlier():
    sessions = [(1, T0, [(5, Decimal(100), "kg")]),
                (2, T0 + timedelta(days=1), [(5, Decimal(100), "kg")]),  # a tie: nothing
                (3, T0 + timedelta(days=2), [(6, Decimal(90), "kg")]),
                (4, T0 + timedelta(days=3), [(5, Decimal(221), "lb")])]
    steps = list(progression(sessions))
    assert [(k, w) for k, w in _kinds(steps) if w == 2] == []
    assert [w for k, w in _kinds(steps) if k == "heaviest_weight"] == [1, 4]
    assert [w for k, w in _kinds(steps) if k == "most_reps"] == [1, 3]
    assert [w for k, w in _kinds(steps) if k == "reps_5"] == [1, 4]  # 221 lb > 100 kg
    # from a state: only what beats it
    later = list(progression(sessions[2:], {"most_reps": Best(7, Decimal(1), "kg")}))
    assert "most_reps" not in {s.kind for s in later}


# -- the consistency check --------------------------------------------------------------------

def book_rows(user_id: int) -> set[tuple]:
    rows = db.session.scalars(select(RecordBookEntry).where(RecordBookEntry.user_id == user_id))
    return {(r.exercise_id, r.kind, r.workout_id, r.performed_at, r.reps,
             None if r.weight is None else Decimal(r.weight).normalize(), r.weight_unit,
             r.volume_kg, r.volume_lb) for r in rows}


def from_scratch(user_id: int) -> set[tuple]:
    used = list(db.session.scalars(
        select(WorkoutExercise.exercise_id).where(WorkoutExercise.workout.has(user_id=user_id))
        .distinct()))
    return {(exercise_id, s.kind, s.workout_id, s.performed_at, s.best.reps,
             None if s.best.weight is None else Decimal(s.best.weight).normalize(),
             s.best.weight_unit, s.best.volume_kg, s.best.volume_lb)
            for exercise_id, sessions in record_book.sessions_of(
                record_book.working_sets(user_id, used))
            for s in progression(sessions)}


def assert_book_matches_the_sets(app, user_id: int) -> None:
    with app.app_context():
        assert book_rows(user_id) == from_scratch(user_id)


def brute_force_records(app, user_id: int, exercise_id: int) -> dict:
    """The records by the definition: over every working set, the earliest workout on a tie."""
    with app.app_context():
        rows = [(w, at, r, None if x is None else Decimal(x), u) for _, w, at, r, x, u in
                record_book.working_sets(user_id, [exercise_id])]
    kg = lambda x, u: x * calc.KG_PER_LB if u == "lb" else x  # noqa: E731

    def best(candidates):  # max() keeps the first of equals, and rows are in history order
        return max(candidates, key=lambda c: c[0], default=None)

    def out(found, value):
        return None if found is None else (round(float(value(found[1])), 2), found[1][0])

    weighed = [r for r in rows if r[3] is not None]
    found = {
        "heaviest_weight": out(best((kg(x, u), r) for r in weighed for (_, _, _, x, u) in [r]),
                               lambda r: kg(r[3], r[4])),
        "best_estimated_1rm": out(best(
            (kg(r[3], r[4]) * (30 if r[2] == 1 else 30 + r[2]), r) for r in weighed
            if r[2] and r[2] >= 1), lambda r: calc.epley_1rm(kg(r[3], r[4]), r[2])),
        "most_reps": out(best(((r[2], -1 if r[3] is None else kg(r[3], r[4])), r)
                              for r in rows if r[2] and r[2] >= 1), lambda r: r[2]),
    }
    sessions: dict[int, list] = {}
    for r in rows:
        sessions.setdefault(r[0], []).append(r)
    volumes = [(sum((kg(x, u) * n for _, _, n, x, u in s if n is not None and x is not None),
                    Decimal(0)), s[0]) for s in sessions.values()]
    found["best_session_volume"] = out(best(v for v in volumes if v[0] > 0),
                                       lambda r: sum(kg(x, u) * n for _, _, n, x, u in
                                                     sessions[r[0]] if n and x is not None))
    found["rep_records"] = [
        (n, *out(best((kg(r[3], r[4]), r) for r in weighed if r[2] == n),
                  lambda r: kg(r[3], r[4])))
        for n in range(1, 13) if any(r[2] == n for r in weighed)]
    return found


def as_answered(records: dict) -> dict:
    found = {kind: None if records[kind] is None else
             (records[kind]["value"], records[kind]["workout_id"])
             for kind in ("heaviest_weight", "best_estimated_1rm", "most_reps",
                          "best_session_volume")}
    found["rep_records"] = [(r["reps"], r["weight"], r["workout_id"])
                            for r in records["rep_records"]]
    return found


# -- writes keep the book ---------------------------------------------------------------------

def test_every_kind_of_write_keeps_the_book(app, as_alice):
    bench = as_alice.exercise_id("Bench Press")
    uid = as_alice.user.id
    first = as_alice.workout("2026-01-05T18:00:00Z")
    entry = as_alice.entry(first["id"], "Bench Press")
    heavy = as_alice.set(entry["id"], reps=5, weight=100)
    second = as_alice.workout("2026-01-07T18:00:00Z")
    later = as_alice.entry(second["id"], "Bench Press")
    as_alice.set(later["id"], reps=5, weight=90)
    assert_book_matches_the_sets(app, uid)
    records = as_alice.get(f"/api/exercises/{bench}/records")
    assert records["heaviest_weight"]["workout_id"] == first["id"]
    as_alice.patch(f"/api/sets/{heavy['id']}", {"weight": 80})  # a past workout edited
    assert_book_matches_the_sets(app, uid)
    assert as_alice.get(f"/api/exercises/{bench}/records")["heaviest_weight"]["workout_id"] \
        == second["id"]
    as_alice.patch(f"/api/workouts/{second['id']}", {"performed_at": "2026-01-01T18:00:00Z"})
    assert_book_matches_the_sets(app, uid)
    report = as_alice.get(f"/api/workouts/{first['id']}/report")["personal_records"]
    assert report == []  # 5 × 80 after 5 × 90 (now earlier) beats nothing
    as_alice.patch(f"/api/sets/{heavy['id']}", {"is_warmup": True})
    as_alice.delete(f"/api/workout-exercises/{later['id']}")
    assert_book_matches_the_sets(app, uid)
    assert as_alice.get(f"/api/exercises/{bench}/records")["heaviest_weight"] is None
    as_alice.patch(f"/api/sets/{heavy['id']}", {"is_warmup": False})
    as_alice.delete(f"/api/workouts/{first['id']}")
    assert_book_matches_the_sets(app, uid)
    with app.app_context():
        assert book_rows(uid) == set()


def test_a_set_without_reps_has_no_e1rm_in_the_report_either(as_alice):
    first = as_alice.workout("2026-01-05T18:00:00Z")
    as_alice.set(as_alice.entry(first["id"])["id"], reps=0, weight=200)
    second = as_alice.workout("2026-01-07T18:00:00Z")
    as_alice.set(as_alice.entry(second["id"])["id"], reps=5, weight=100)
    found = {r["kind"]: r["previous"] for r in
             as_alice.get(f"/api/workouts/{second['id']}/report")["personal_records"]}
    assert found == {"best_estimated_1rm": None, "best_session_volume": None,
                     "most_reps": None}  # 200 kg × 0 stays the heaviest weight


def test_the_import_fills_the_book_of_the_imported_exercises(app, as_alice, make_user):
    workout = as_alice.workout("2026-01-05T18:00:00Z")
    entry = as_alice.entry(workout["id"], "Back Squat")
    as_alice.set(entry["id"], reps=3, weight=140)
    document = as_alice.get("/api/me/export")
    bob = Log(as_alice.client, make_user("bob"))
    bob.call("POST", "/api/me/import", 200, json=document)
    assert_book_matches_the_sets(app, bob.user.id)
    squat = bob.exercise_id("Back Squat")
    assert bob.get(f"/api/exercises/{squat}/records")["heaviest_weight"]["value"] == 140.0


def test_deleting_the_account_deletes_its_book(app, as_alice, client):
    workout = as_alice.workout()
    as_alice.set(as_alice.entry(workout["id"])["id"], reps=1, weight=50)
    as_alice.call("DELETE", "/api/me", 204, json={"password": as_alice.user.password})
    with app.app_context():
        assert book_rows(as_alice.user.id) == set()


def test_adding_a_set_to_the_latest_workout_recomputes_that_workout_only(app, as_alice,
                                                                         seed_workouts,
                                                                         count_queries):
    def cost(ids, weight):
        entry = as_alice.entry(ids[-1])
        with count_queries() as queries:
            as_alice.set(entry["id"], reps=5, weight=weight)  # a record: the book gets rows
        return queries.count

    few = cost(seed_workouts(as_alice.user.id, 2), 500)
    many = cost(seed_workouts(as_alice.user.id, 100), 600)
    assert few == many
    assert_book_matches_the_sets(app, as_alice.user.id)


# -- random sequences of writes ---------------------------------------------------------------

WEIGHTS = st.sampled_from([None, 0, 20, "45.359", 50, "50.5", 100, "102.5", 220])
SET = st.fixed_dictionaries({"reps": st.sampled_from([None, 0, 1, 2, 3, 5, 5, 8, 12, 13]),
                             "weight": WEIGHTS, "weight_unit": st.sampled_from(["kg", "lb"]),
                             "is_warmup": st.booleans()})
STEP = st.one_of(
    st.tuples(st.just("workout"), st.integers(0, 6)),
    st.tuples(st.just("entry"), st.integers(0, 50), st.sampled_from(["Bench Press", "Deadlift"])),
    st.tuples(st.just("set"), st.integers(0, 50), SET),
    st.tuples(st.just("set"), st.integers(0, 50), SET),
    st.tuples(st.just("edit"), st.integers(0, 50), SET),
    st.tuples(st.just("delete_set"), st.integers(0, 50)),
    st.tuples(st.just("delete_entry"), st.integers(0, 50)),
    st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, 6)),
    st.tuples(st.just("delete_workout"), st.integers(0, 50)),
)
_names = count()


def _day(n: int) -> str:
    return (T0 + timedelta(days=n)).isoformat().replace("+00:00", "Z")


def _body(fields: dict) -> dict:
    return {k: (str(v) if k == "weight" and v is not None else v) for k, v in fields.items()}


def _pick(items: list, n: int):
    return items[n % len(items)] if items else None


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=25))
def test_any_sequence_of_writes_keeps_the_book(app, client, make_user, steps):
    log = Log(client, make_user(f"lifter{next(_names)}"))
    workouts, entries, sets = [], {}, {}  # entry -> workout, set -> entry
    for day, name in ((2, "Bench Press"), (4, "Deadlift")):  # something to act on
        workouts.append(log.workout(_day(day))["id"])
        entries[log.entry(workouts[-1], name)["id"]] = workouts[-1]
    for step in steps:
        kind, pick = step[0], step[1]
        if kind == "workout":
            workouts.append(log.workout(_day(pick))["id"])
        elif kind == "entry" and workouts:
            workout = _pick(workouts, pick)
            entries[log.entry(workout, step[2])["id"]] = workout
        elif kind == "set" and entries:
            entry = _pick(list(entries), pick)
            sets[log.set(entry, **_body(step[2]))["id"]] = entry
        elif kind == "edit" and sets:
            log.patch(f"/api/sets/{_pick(list(sets), pick)}", _body(step[2]))
        elif kind == "delete_set" and sets:
            one = _pick(list(sets), pick)
            log.delete(f"/api/sets/{one}")
            del sets[one]
        elif kind == "delete_entry" and entries:
            entry = _pick(list(entries), pick)
            log.delete(f"/api/workout-exercises/{entry}")
            del entries[entry]
            sets = {s: e for s, e in sets.items() if e != entry}
        elif kind == "move" and workouts:
            log.patch(f"/api/workouts/{_pick(workouts, pick)}", {"performed_at": _day(step[2])})
        elif kind == "delete_workout" and workouts:
            workout = _pick(workouts, pick)
            log.delete(f"/api/workouts/{workout}")
            workouts.remove(workout)
            entries = {e: w for e, w in entries.items() if w != workout}
            sets = {s: e for s, e in sets.items() if e in entries}
        assert_book_matches_the_sets(app, log.user.id)
    for name in ("Bench Press", "Deadlift"):
        exercise = log.exercise_id(name)
        answered = as_answered(log.get(f"/api/exercises/{exercise}/records"))
        assert answered == brute_force_records(app, log.user.id, exercise)


# -- the migration fills the book of existing sets --------------------------------------------

def test_the_migration_fills_the_book_like_the_application(tmp_path, monkeypatch):
    import random

    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    from pmp import create_app
    from tests.conftest import CHEAP_ARGON2

    monkeypatch.setenv("PMP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'book.sqlite3'}",
                      "JWT_SECRET_KEY": "k" * 40, "LOG_LEVEL": "WARNING", **CHEAP_ARGON2})
    rng = random.Random(15)
    with app.app_context():
        upgrade(revision="0010_idempotency_keys")
        now = "2026-01-01 00:00:00"
        for user_id in (1, 2):
            db.session.execute(text(
                "INSERT INTO users (id, username, email, display_name, password_hash, role, "
                "weight_unit, currency, created_at, updated_at) VALUES (:id, :name, :email, '',"
                " 'h', 'user', 'kg', 'EUR', :now, :now)"),
                {"id": user_id, "name": f"u{user_id}", "email": f"u{user_id}@x.org", "now": now})
        set_id = entry_id = 0
        for workout_id in range(1, 41):
            day = f"2026-01-{1 + rng.randrange(28):02d} 10:00:00"  # some at the same moment
            db.session.execute(text(
                "INSERT INTO workouts (id, user_id, performed_at, created_at, updated_at) "
                "VALUES (:id, :user, :day, :day, :day)"),
                {"id": workout_id, "user": 1 + workout_id % 2, "day": day})
            for exercise_id in (1, 2):
                entry_id += 1
                db.session.execute(text(
                    "INSERT INTO workout_exercises (id, workout_id, exercise_id, exercise_order, "
                    "target_weight_unit) VALUES (:id, :w, :e, 0, 'kg')"),
                    {"id": entry_id, "w": workout_id, "e": exercise_id})
                for number in range(1, 4):
                    set_id += 1
                    db.session.execute(text(
                        "INSERT INTO workout_sets (id, workout_exercise_id, set_number, reps, "
                        "weight, weight_unit, is_warmup) VALUES (:id, :e, :n, :r, :w, :u, :wu)"),
                        {"id": set_id, "e": entry_id, "n": number,
                         "r": rng.choice([None, 0, 1, 3, 5, 8, 12, 15]),
                         "w": rng.choice([None, 0, 40, 100, 100.5, 220]),
                         "u": rng.choice(["kg", "lb"]), "wu": rng.random() < 0.2})
        db.session.commit()
        db.session.remove()
        upgrade()
        for user_id in (1, 2):
            assert book_rows(user_id) == from_scratch(user_id) != set()
        db.session.remove()
        downgrade(revision="0010_idempotency_keys")
        db.session.remove()
        db.engine.dispose()


def test_a_workout_of_many_exercises_reads_the_book_in_small_statements(app, as_alice,
                                                                       monkeypatch):
    """One statement of 16 probes per exercise took seconds to build for a workout of 150
    exercises (with the write lock held): the book is read CHUNK exercises at a time."""
    built = []
    shape = record_book._latest_statement

    def recording(exercises, kinds, before):
        built.append(exercises)
        return shape(exercises, kinds, before)

    monkeypatch.setattr(record_book, "_latest_statement", recording)
    workout = as_alice.workout("2026-02-01T10:00:00Z")
    for n in range(3 * record_book.CHUNK + 1):
        exercise = as_alice.post("/api/exercises", {"name": f"Drill {n}", "category": "strength"})
        as_alice.set(as_alice.entry(workout["id"], exercise["id"])["id"], reps=5, weight=10 + n)
    built.clear()
    as_alice.patch(f"/api/workouts/{workout['id']}", {"performed_at": "2026-01-20T10:00:00Z"})
    report = as_alice.get(f"/api/workouts/{workout['id']}/report")
    assert built and max(built) <= record_book.CHUNK
    assert len(report["personal_records"]) == 4 * (3 * record_book.CHUNK + 1)
    assert_book_matches_the_sets(app, as_alice.user.id)
