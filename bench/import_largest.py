"""Import the largest document POST /api/me/import accepts, under the production server.

`.venv/bin/python bench/import_largest.py [--writers 2] [--ten-years]` generates a document
at every cap of the import (pmp.account.caps, bench/account_document.py `largest()`: 31 MB;
with --ten-years the 11 MB account of the round-trip test), starts gunicorn on a temporary
SQLite database as bench/run.py does, and imports it twice into fresh accounts:
as plain JSON and gzip-compressed. While each import runs, other clients keep writing
(`POST /api/items`) and reading (`GET /api/me`) on their own connections: their slowest
answers show how long the import held SQLite's single write lock and that reads go on
meanwhile (WAL). Before the server starts, the same import runs once in this process, timed
phase by phase: parsing, checking every record (no lock held), and writing (the write lock
held). Prints the figures and writes bench/results/import-<time>.json.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.account_document import account_document, largest  # noqa: E402
from bench.run import RESULTS, call, server_env, start_server, stop, worker_memory  # noqa: E402

PASSWORD = "bench marks are not passwords"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=2, help="concurrent writing clients")
    parser.add_argument("--ten-years", action="store_true",
                        help="the ten-year account of the round-trip test instead")
    args = parser.parse_args()
    started = time.perf_counter()
    body = json.dumps(account_document(None if args.ten_years else largest())).encode()
    packed = gzip.compress(body, 6)
    print(f"document: {len(body):,} bytes, {len(packed):,} gzipped "
          f"(generated in {time.perf_counter() - started:.1f} s)", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="pmp-bench-import-"))
    try:
        report = run(workdir, body, packed, args.writers)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"import-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nresults: {out.relative_to(ROOT)}")


def run(workdir: Path, body: bytes, packed: bytes, writers: int) -> dict:
    env = server_env(workdir)
    migrate(env)
    phases = in_process(body)
    print(f"in one process: {phases}", flush=True)
    proc, base, _, config = start_server(env, workdir)
    try:
        runs = [import_once(base, "plain", body, {}, writers),
                import_once(base, "gzipped", packed, {"Content-Encoding": "gzip"}, writers)]
        memory = worker_memory(proc.pid)
    finally:
        exit_code = stop(proc)
    return {"when": datetime.now(UTC).isoformat(timespec="seconds"), "server": config,
            "bytes": len(body), "gzip_bytes": len(packed), "in_process": phases, "runs": runs,
            "rss_kib": memory, "server_exit_code": exit_code,
            "loadavg": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip


def migrate(env: dict[str, str]) -> None:
    os.environ.update(env)
    from flask_migrate import upgrade

    from pmp import create_app
    from pmp.core.extensions import db

    app = create_app()
    with app.app_context():
        upgrade()
        db.engine.dispose()


def in_process(body: bytes) -> dict[str, float]:
    """Seconds per phase of one import, in this process: what the HTTP figures are made of."""
    from pmp import create_app
    from pmp.account import export, upload
    from pmp.auth.service import create_user
    from pmp.core.database import write_intent
    from pmp.core.extensions import db
    from pmp.workouts import portability as workouts

    app = create_app()
    with app.test_request_context(method="POST"):
        write_intent(True)
        user = create_user("inprocess", "inprocess@example.com", PASSWORD)
        db.session.commit()
        started = time.perf_counter()
        document = upload.parse_json(body)
        parsed = time.perf_counter()
        gear_doc, workouts_doc = export._checked(user, document)
        checked = time.perf_counter()
        plan = workouts.plan_exercises(user.id, workouts_doc)  # takes the write lock
        export.gear.write_document(user, gear_doc)
        workouts.write_document(user, workouts_doc, plan)
        db.session.commit()
        written = time.perf_counter()
        db.engine.dispose()
    return {"parse_s": round(parsed - started, 2), "check_s": round(checked - parsed, 2),
            "write_s (lock held)": round(written - checked, 2)}


def token_for(base: str, name: str) -> str:
    body = json.dumps({"username": name, "email": f"{name}@example.com",
                       "password": PASSWORD}).encode()  # fmt: skip
    _, pair = call(base, "POST", "/api/auth/register", body,
                   {"Content-Type": "application/json"})
    return pair["access_token"]


def import_once(base: str, name: str, body: bytes, headers: dict, writers: int) -> dict:
    token = token_for(base, name)
    others = [Client(base, token_for(base, f"{name}w{n}"), "POST", "/api/items")
              for n in range(writers)] + [Client(base, token, "GET", "/api/me")]
    for client in others:
        client.start()
    time.sleep(0.5)  # the others are under way before the import starts
    started = time.perf_counter()
    status, answer = call(base, "POST", "/api/me/import", body, {
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", **headers})
    seconds = time.perf_counter() - started
    time.sleep(0.5)
    for client in others:
        client.stop()
    during = [c.during(started, started + seconds) for c in others]
    return {"name": name, "status": status, "seconds": round(seconds, 2),
            "imported": answer.get("imported"), "writers": during[:-1], "reader": during[-1]}


class Client(threading.Thread):
    """One keep-alive connection sending the same request until stopped; (start, ms) each."""

    def __init__(self, base: str, token: str, method: str, path: str):
        super().__init__(daemon=True)
        self.url = urlsplit(base)
        self.method, self.path = method, path
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.times: list[tuple[float, float]] = []
        self.errors = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=60)
        item = json.dumps({"name": "Other writer", "weight": 100}).encode()
        while not self._stop_event.is_set():
            begin = time.perf_counter()
            conn.request(self.method, self.path, item if self.method == "POST" else None,
                         self.headers)
            response = conn.getresponse()
            response.read()
            self.errors += response.status >= 400
            self.times.append((begin, (time.perf_counter() - begin) * 1000))
            time.sleep(0.02)
        conn.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def during(self, start: float, end: float) -> dict:
        """The requests that overlapped the import: how many, errors, slowest and median."""
        overlapping = sorted(ms for begin, ms in self.times
                             if begin < end and begin + ms / 1000 > start)
        return {"path": f"{self.method} {self.path}", "requests": len(overlapping),
                "errors": self.errors,
                "max_ms": round(overlapping[-1], 1) if overlapping else None,
                "p50_ms": round(overlapping[len(overlapping) // 2], 1) if overlapping else None}


def print_report(report: dict) -> None:
    print(f"\nserver: gunicorn {report['server']}, SQLite; document {report['bytes']:,} bytes "
          f"({report['gzip_bytes']:,} gzipped); load average after: {report['loadavg']}")
    print(f"in one process: {report['in_process']}")
    for run_ in report["runs"]:
        print(f"\n{run_['name']}: HTTP {run_['status']} in {run_['seconds']:.2f} s; "
              f"imported {run_['imported']}")
        for other in [*run_["writers"], run_["reader"]]:
            print(f"  meanwhile {other['path']}: {other['requests']} requests, "
                  f"{other['errors']} errors, slowest {other['max_ms']} ms, "
                  f"median {other['p50_ms']} ms")
    rss = ", ".join(f"{k} {v / 1024:.0f} MB" for k, v in report["rss_kib"].items())
    print(f"\nresident memory after the imports: {rss}")
    print(f"server exit code after SIGTERM: {report['server_exit_code']}")


if __name__ == "__main__":
    main()
