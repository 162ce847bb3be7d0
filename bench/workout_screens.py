"""The requests of every workout screen, timed at the seed's size and at ten times its workouts.

`.venv/bin/python bench/workout_screens.py [--repeat 5] [--number 20]` seeds two temporary SQLite
databases, the seed's account (300 workouts over two years) and one with ten times its workouts
over ten times the days (3,000 over twenty years, 60,000 sets), and prints the best-of-repeat
milliseconds per request of each screen at 1× and 10×, with the ratio. The goal of issue 15:
every ratio within 2×. Last row: the write the Today screen makes most, a set added to the
latest workout (it keeps the record book, pmp.workouts.record_book, in its transaction). Runs
in one process with the Flask test client (like bench/inprocess.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import timeit
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed import Scale  # noqa: E402

BASE = Scale(items=5, packs=1, entries=(3, 4))
GOAL = 2.0


SET_POST = "Today (log a set)"


def screens(workout_id: int, exercise_id: int) -> dict[str, list[str]]:
    """Screen -> the GETs it makes (the web app's Train and Progress screens)."""
    return {
        "Today (a workout)": [f"/api/workouts/{workout_id}/details",
                              f"/api/workouts/{workout_id}/last", "/api/exercises"],
        "Finish (report)": [f"/api/workouts/{workout_id}/report"],
        "History": ["/api/workouts?limit=20"],
        "Exercise page": [f"/api/exercises/{exercise_id}/progress",
                          f"/api/exercises/{exercise_id}/records",
                          f"/api/exercises/{exercise_id}/history?limit=20",
                          f"/api/exercises/{exercise_id}/last"],
        "Statistics": ["/api/stats/summary"],
        "Calendar": ["/api/calendar"],
    }


def account(scale: Scale, workdir: Path):
    """A migrated, seeded database and a client signed in to it: (client, headers, urls)."""
    os.environ["PMP_INSTANCE_PATH"] = str(workdir)
    from flask_migrate import upgrade

    from bench.seed import seed
    from pmp import create_app
    from pmp.core.extensions import db
    from pmp.workouts.models import WorkoutExercise

    app = create_app({"DATABASE_URL": f"sqlite:///{workdir / 'pmp.sqlite3'}",
                      "JWT_SECRET_KEY": secrets.token_urlsafe(48), "RATELIMIT_ENABLED": False,
                      "ACCESS_TOKEN_MINUTES": 120, "LOG_LEVEL": "WARNING"})
    with app.app_context():
        upgrade()
        seeded = seed(scale)
        entry_id = seeded.workout_exercise_ids[-1]  # of the latest workout
        exercise_id = db.session.get(WorkoutExercise, entry_id).exercise_id
    client = app.test_client()
    login = client.post("/api/auth/login",
                        json={"login": seeded.username, "password": seeded.password})
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    routes = {rule.rule for rule in app.url_map.iter_rules()}
    urls = {name: paths for name, paths in screens(seeded.workout_id, exercise_id).items()
            if "/api/calendar" in routes or name != "Calendar"}
    urls[SET_POST] = [f"POST /api/workout-exercises/{entry_id}/sets"]
    return client, headers, urls


def time_requests(client, headers, urls: dict[str, list[str]], repeat: int, number: int
                  ) -> dict[tuple[str, int], float]:
    """Milliseconds per request, best of ``repeat`` runs of ``number``: (screen, index) -> ms."""
    timings = {}
    for name, paths in urls.items():  # the GETs first: the POST adds sets
        for index, path in enumerate(paths):
            method, _, path = path.rpartition(" ")
            body = {"json": {"reps": 5, "weight": 50}} if method == "POST" else {}

            def call(p=path, m=method or "GET", b=body):
                return client.open(p, method=m, headers=headers, **b)

            response = call()
            assert response.status_code in (200, 201), (path, response.get_json())
            seconds = min(timeit.repeat(call, number=number, repeat=repeat))
            timings[(name, index)] = seconds / number * 1000
    return timings


def measure_one(scale: Scale, repeat: int, number: int) -> list[dict]:
    """The rows of one account size, measured in this process."""
    logging.disable(logging.INFO)
    workdir = Path(tempfile.mkdtemp(prefix="pmp-screens-"))
    try:
        client, headers, urls = account(scale, workdir)
        timings = time_requests(client, headers, urls, repeat, number)
    finally:
        os.environ.pop("PMP_INSTANCE_PATH", None)
        shutil.rmtree(workdir, ignore_errors=True)
    return [{"screen": name, "path": path, "ms": timings[(name, i)]}
            for name, paths in urls.items() for i, path in enumerate(paths)]


def measure(repeat: int = 5, number: int = 20, base: Scale = BASE, factor: int = 10) -> list[dict]:
    """One row per request: screen, path (of the 1× account), ms at 1× and at ``factor``×.

    Each size is measured in a fresh interpreter, so the second is not slowed by the first's
    application and memory."""
    large = replace(base, workouts=base.workouts * factor, days=base.days * factor)
    small, big = (_in_subprocess(scale, repeat, number) for scale in (base, large))
    return [{"screen": a["screen"], "path": a["path"], "1x": a["ms"], "10x": b["ms"],
             "ratio": b["ms"] / a["ms"]} for a, b in zip(small, big, strict=True)]


def _in_subprocess(scale: Scale, repeat: int, number: int) -> list[dict]:
    code = ("import json, sys; from bench.seed import Scale; "
            "from bench.workout_screens import measure_one; "
            f"print(json.dumps(measure_one(Scale(**{asdict(scale)!r}), {repeat}, {number})))")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--number", type=int, default=20)
    args = parser.parse_args()
    rows = measure(args.repeat, args.number)
    print("| screen             | request                                  |   1× ms |  10× ms "
          "| ratio |")
    print("|--------------------|------------------------------------------|--------:|--------:"
          "|------:|")
    for row in rows:
        flag = "" if row["ratio"] <= GOAL else " over"
        print(f"| {row['screen']:<18} | {row['path']:<40} | {row['1x']:7.2f} | {row['10x']:7.2f} "
              f"| {row['ratio']:5.2f}{flag} |", flush=True)
    if "Calendar" not in {row["screen"] for row in rows}:
        print("\n(Calendar: no /api/calendar route on this branch yet; skipped.)")


if __name__ == "__main__":
    main()
