"""Per-request cost of the read rows inside one process (Flask test client, no HTTP server).

`.venv/bin/python bench/inprocess.py [--repeat 5] [--number 50] [--rate-limits STORAGE]` prints
the best-of-repeat milliseconds per request for each row. Steadier than the load test on a busy
machine, which is why docs/PERFORMANCE.md gives the before/after of each optimisation with it.
Rate limits are off as in bench/run.py unless `--rate-limits` names a storage to measure.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--number", type=int, default=50)
    parser.add_argument("--rate-limits", metavar="STORAGE",
                        help="keep the rate limiter on with this storage (see bench/run.py)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="pmp-bench-"))
    from bench.run import prepare, server_env

    seeded, _ = prepare(server_env(workdir, args.rate_limits))
    logging.disable(logging.INFO)
    from pmp import create_app

    app = create_app()
    client = app.test_client()
    login = client.post("/api/auth/login",
                        json={"login": seeded.username, "password": seeded.password})
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    paths = {
        "GET /api/ping": "/api/ping",
        "GET /api/me": "/api/me",
        "GET /api/items?limit=200": "/api/items?limit=200",
        "GET /api/packs/<id> (200 entries)": f"/api/packs/{seeded.big_pack_id}",
        "GET /api/shared/<code>": f"/api/shared/{seeded.share_code}",
        "GET /r/<code> share page (cached)": f"/r/{seeded.share_code}",
        "GET /api/packs/<id>/export.csv": f"/api/packs/{seeded.big_pack_id}/export.csv",
        "GET /api/workouts/<id>/report": f"/api/workouts/{seeded.workout_id}/report",
        "GET /api/stats/summary (2 years)": "/api/stats/summary",
    }
    for name, path in paths.items():
        assert client.get(path, headers=headers).status_code == 200, name
        seconds = min(timeit.repeat(lambda p=path: client.get(p, headers=headers),
                                    number=args.number, repeat=args.repeat))
        print(f"| {name:<36} | {seconds / args.number * 1000:8.2f} ms |", flush=True)
    os.environ.pop("PMP_INSTANCE_PATH", None)


if __name__ == "__main__":
    main()
