"""The pmp benchmark, one command: `.venv/bin/python bench/run.py [--duration 5] [--connections 8]`.

Creates a temporary SQLite database, applies the migrations, seeds one realistic account
(bench/seed.py), starts the production gunicorn configuration on 127.0.0.1, drives each row
from a separate load process (bench/load.py: wrk, else Python) for a fixed time, imports a
5,000-row Lighterpack CSV over HTTP, reads the workers' resident memory, stops the server with
SIGTERM and prints the table. Results go to bench/results/<time>.json (git-ignored).

Rate limiting is switched off (RATELIMIT_ENABLED=false) for the server under test: all the load
comes from one client IP, and the production limits (600 requests a minute per IP, 10 logins a
minute) would turn almost every request into a 429, measuring the limiter instead of the app.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.first_load import as_json, first_load, print_first_load  # noqa: E402
from bench.load import Target, measure  # noqa: E402

RESULTS = ROOT / "bench" / "results"
READ_P99_GOAL_MS = 100
WARM_UP_CONNECTIONS = 64  # more than the workers' threads together (4 x 4 by default)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark pmp under the production server.")
    parser.add_argument("--duration", type=float, default=5, help="seconds per row")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--only", help="comma-separated row names to run (default: all)")
    parser.add_argument("--rate-limits", metavar="STORAGE",
                        help="keep the rate limiter on, counting in STORAGE ('default': the "
                             "instance's SQLite file; 'memory://', 'redis://…'), with limits "
                             "high enough that nothing is refused: measures its cost")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="pmp-bench-"))
    try:
        report = benchmark(workdir, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nresults: {out.relative_to(ROOT)}")


def server_env(workdir: Path, rate_limits: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "PMP_INSTANCE_PATH": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'pmp.sqlite3'}",
        "JWT_SECRET_KEY": secrets.token_urlsafe(48),
        "RATELIMIT_ENABLED": "false",
        "ACCESS_TOKEN_MINUTES": "120",
    })  # fmt: skip
    if rate_limits:
        high = "100000000 per minute"
        env.update(RATELIMIT_ENABLED="true", DEFAULT_RATE_LIMIT=high, LOGIN_RATE_LIMIT=high,
                   REGISTER_RATE_LIMIT=high, REFRESH_RATE_LIMIT_REQUESTS="100000")
        env.pop("RATELIMIT_STORAGE_URI", None), env.pop("REDIS_URL", None)
        if rate_limits != "default":
            env["RATELIMIT_STORAGE_URI"] = rate_limits
    return env


def prepare(env: dict[str, str]):
    """Migrate and seed in this process (the server is not running yet)."""
    os.environ.update(env)
    from flask_migrate import upgrade

    from bench.seed import seed
    from pmp import create_app

    app = create_app()
    with app.app_context():
        upgrade()
        started = time.perf_counter()
        seeded = seed()
        seconds = time.perf_counter() - started
        from pmp.core.extensions import db

        db.engine.dispose()
    return seeded, seconds


def server_command(port: int) -> tuple[list[str], str]:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    bind = ["--bind", f"127.0.0.1:{port}"]
    if (ROOT / "pmp" / "ops" / "gunicorn_conf.py").exists():
        return [gunicorn, "--config", "python:pmp.ops.gunicorn_conf", *bind, "wsgi:app"], \
            "pmp/ops/gunicorn_conf.py"
    flags = ["-w", "2", "--threads", "4", "-k", "gthread"]
    return [gunicorn, *flags, *bind, "wsgi:app"], " ".join(flags)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], workdir: Path) -> tuple[subprocess.Popen, str, float, str]:
    port = free_port()
    cmd, config = server_command(port)
    log = open(workdir / "server.log", "wb")  # noqa: SIM115 - closed with the process
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}; see {workdir}/server.log")
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return proc, base, time.monotonic() - started, config
        except OSError:
            pass
        if time.monotonic() - started > 60:
            raise SystemExit("server did not become healthy within 60 s")
        time.sleep(0.01)


def call(base: str, method: str, path: str, body: bytes | None = None,
         headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(base + path, data=body, method=method,
                                     headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as r:  # noqa: S310
        return r.status, json.loads(r.read() or b"{}")


def rows(seeded, token: str) -> list[tuple[str, str, list[str], str | None, bool]]:
    """(name, method, paths, JSON body, is_read); auth is added to every row but ping, login
    and the public ones (shared JSON, share page)."""
    login = json.dumps({"login": seeded.username, "password": seeded.password})
    sets = [f"/api/workout-exercises/{i}/sets" for i in seeded.workout_exercise_ids]
    item = json.dumps({"name": "Bench item", "category": "Bench", "weight": 123.4,
                       "weight_unit": "g", "price": 12.5})
    return [
        ("GET /api/ping", "GET", ["/api/ping"], None, True),
        ("GET /api/me", "GET", ["/api/me"], None, True),
        ("GET /api/items?limit=200", "GET", ["/api/items?limit=200"], None, True),
        (f"GET /api/packs/<id> ({seeded.big_pack_entries} entries)", "GET",
         [f"/api/packs/{seeded.big_pack_id}"], None, True),
        ("GET /api/shared/<code>", "GET", [f"/api/shared/{seeded.share_code}"], None, True),
        (f"GET /r/<code> share page (gzip, {seeded.big_pack_entries})", "GET",
         [f"/r/{seeded.share_code}"], None, True),
        (f"GET /r/<code> share page (plain, {seeded.big_pack_entries})", "GET",
         [f"/r/{seeded.share_code}"], None, True),
        ("GET /api/packs/<id>/export.csv", "GET",
         [f"/api/packs/{seeded.big_pack_id}/export.csv"], None, True),
        ("GET /api/workouts/<id>/report", "GET",
         [f"/api/workouts/{seeded.workout_id}/report"], None, True),
        ("GET /api/stats/summary (2 years)", "GET", ["/api/stats/summary"], None, True),
        ("POST /api/items", "POST", ["/api/items"], item, False),
        ("POST /api/workout-exercises/<id>/sets", "POST", sets,
         json.dumps({"reps": 5, "weight": 60}), False),
        ("POST /api/auth/login (Argon2id)", "POST", ["/api/auth/login"], login, False),
    ]  # fmt: skip


def run_rows(base: str, seeded, token: str, args) -> list[dict]:
    """Each row right after a ping run of the same length: its ratio is to that adjacent
    ping, so load from other processes on a shared machine skews both sides alike."""
    wanted = set(args.only.split(",")) if args.only else None
    all_rows = rows(seeded, token)
    ping = all_rows[0]
    results = []
    for name, method, paths, body, is_read in all_rows:
        if wanted and not any(w in name for w in wanted) and name != ping[0]:
            continue
        if "share page" in name:
            # Untimed: each worker renders the page on its first request (tens of ms, more
            # with the template's first compilation) and serves it from its cache after that,
            # which is what the row measures. Many connections, so that every worker gets
            # some (a worker takes a connection only while it has a free thread).
            _load(base, token, (name, method, paths, body, is_read), args, duration=1,
                  connections=WARM_UP_CONNECTIONS)
        floor = _load(base, token, ping, args) if name != ping[0] else None
        result = _load(base, token, (name, method, paths, body, is_read), args)
        floor = floor or result
        result.update(row=name, read=is_read, ping_rps=round(floor["rps"], 1),
                      ratio_to_ping=round(result["rps"] / (floor["rps"] or 1.0), 4))
        results.append(result)
        print(f"  {name}: {result['rps']:.0f} req/s (adjacent ping {floor['rps']:.0f})",
              flush=True)
    return results


def _load(base: str, token: str, row: tuple, args, duration: float | None = None,
          connections: int | None = None) -> dict:
    name, method, paths, body, _ = row
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if not any(public in name for public in ("ping", "shared", "share page", "login")):
        headers["Authorization"] = f"Bearer {token}"
    if "gzip" in name:  # as a browser asks; the share page is cached in both encodings
        headers["Accept-Encoding"] = "gzip"
    target = Target(base, paths, method, headers, body)
    return measure(target, duration or args.duration, connections or args.connections,
                   args.tool)


def import_csv(base: str, token: str) -> dict:
    from bench.lighterpack_csv import lighterpack_csv

    body = lighterpack_csv(5000).encode()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/csv"}
    started = time.perf_counter()
    status, pack = call(base, "POST", "/api/packs/import?name=Bench%20import", body, headers)
    seconds = time.perf_counter() - started
    return {"rows": 5000, "bytes": len(body), "status": status, "seconds": round(seconds, 3),
            "entries": len(pack.get("entries", []))}


def share_page_size(base: str, code: str, entries: int) -> dict[str, int]:
    """Bytes of the 200-entry share page on the wire, plain and gzip (its stylesheet is in
    the first-load table)."""
    sizes = {"entries": entries}
    for encoding in ("identity", "gzip"):
        request = urllib.request.Request(f"{base}/r/{code}",
                                         headers={"Accept-Encoding": encoding})
        with urllib.request.urlopen(request, timeout=30) as r:  # noqa: S310
            sizes[encoding] = len(r.read())
    return sizes


def worker_memory(master_pid: int) -> dict[str, int]:
    """VmRSS in KiB of the gunicorn master and each of its children (the workers)."""
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        if int(fields[1]) == master_pid or pid == master_pid:
            role = "master" if pid == master_pid else f"worker {pid}"
            out[role] = _rss_kib(pid)
    return out


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


def benchmark(workdir: Path, args) -> dict:
    env = server_env(workdir, args.rate_limits)
    seeded, seed_seconds = prepare(env)
    loadavg = [round(x, 2) for x in os.getloadavg()]
    print(f"seeded in {seed_seconds:.2f} s; starting the server", flush=True)
    proc, base, startup, config = start_server(env, workdir)
    try:
        login = json.dumps({"login": seeded.username, "password": seeded.password}).encode()
        _, tokens = call(base, "POST", "/api/auth/login", login,
                         {"Content-Type": "application/json"})
        token = tokens["access_token"]
        results = run_rows(base, seeded, token, args)
        share_page = share_page_size(base, seeded.share_code, seeded.big_pack_entries)
        csv_import = import_csv(base, token)
        memory = worker_memory(proc.pid)
    finally:
        exit_code = stop(proc)
    restarts = worker_restarts(workdir / "server.log")
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(), "server": config, "duration_s": args.duration,
        "connections": args.connections, "seed_seconds": round(seed_seconds, 2),
        "startup_seconds": round(startup, 3), "rows": results, "csv_import": csv_import,
        "share_page_bytes": share_page, "first_load": as_json(first_load()),
        "rss_kib": memory, "server_exit_code": exit_code, "loadavg_before": loadavg,
        "worker_restarts": restarts, "rate_limits": args.rate_limits or "off",
    }  # fmt: skip


def worker_restarts(log: Path) -> int:
    """Workers recycled during the run (``max_requests``): each one's first requests are
    slower (a fresh process compiles its SQL again), which can show in a row's p99."""
    text = log.read_text(errors="replace") if log.exists() else ""
    return text.count("Autorestarting worker")


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown")
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": sys.version.split()[0]}


def print_report(report: dict) -> None:
    m = report["machine"]
    print(f"\nmachine: {m['nproc']} CPUs, {m['cpu']}, Python {m['python']}")
    print(f"server: gunicorn {report['server']}; {report['connections']} connections, "
          f"{report['duration_s']} s per row, load: {report['rows'][0]['tool']}; "
          f"rate limits: {report.get('rate_limits', 'off')}; "
          f"load average before: {report['loadavg_before']}")
    print("'/ ping': throughput over that of a ping run just before the row ('ping')\n")
    print(f"| {'row':<44} | {'req/s':>8} | {'p50 ms':>7} | {'p99 ms':>7} | {'errors':>6} "
          f"| {'/ ping':>6} | {'ping':>6} |")
    print(f"|{'-' * 46}|{'-' * 9}:|{'-' * 8}:|{'-' * 8}:|{'-' * 7}:|{'-' * 7}:|{'-' * 7}:|")
    for r in report["rows"]:
        slow = " !" if r["read"] and r["p99_ms"] >= READ_P99_GOAL_MS else ""
        print(f"| {r['row']:<44} | {r['rps']:>8.1f} | {r['p50_ms']:>7.1f} | "
              f"{r['p99_ms']:>7.1f}{slow} | {r['errors']:>6} | {r['ratio_to_ping']:>6.1%} "
              f"| {r['ping_rps']:>6.0f} |")
    imp = report["csv_import"]
    print(f"\n5,000-row Lighterpack CSV import (HTTP {imp['status']}, {imp['bytes']} bytes): "
          f"{imp['seconds']:.2f} s")
    print(f"start-up (process start to first 200 on /api/health): "
          f"{report['startup_seconds']:.2f} s")
    rss = ", ".join(f"{k} {v / 1024:.0f} MB" for k, v in report["rss_kib"].items())
    print(f"resident memory after the run: {rss}")
    print(f"workers recycled during the run (max_requests): {report.get('worker_restarts', 0)}")
    print(f"seeding: {report['seed_seconds']:.2f} s; server exit code after SIGTERM: "
          f"{report['server_exit_code']}")
    share = report["share_page_bytes"]
    print(f"share page of the {share['entries']}-entry pack on the wire: "
          f"{share['identity'] / 1024:.1f} KB, gzip {share['gzip'] / 1024:.1f} KB")
    print_first_load(report["first_load"])


if __name__ == "__main__":
    main()
