"""What counting a request costs in each rate-limit storage, alone and under contention.

`.venv/bin/python bench/ratelimits.py [--redis redis://127.0.0.1:6379/15] [--seconds 3]`

1. One thread: microseconds for what the limiter does on every limited request (a hit, then
   the window's count and reset time for the `X-RateLimit-*` headers), best of 7 × 2,000.
2. Contention: 4 processes × 4 threads (gunicorn's shape) hit the same few keys; between two
   hits each thread sleeps 1 ms (`--work sleep`, I/O-bound requests) or computes for 1 ms
   (`--work cpu`, requests that hold the GIL). Latency percentiles of the hits themselves.
`memory://` is measured for scale only: it counts per process, which is what pmp stopped doing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import threading
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from limits import parse  # noqa: E402
from limits.storage import storage_from_string  # noqa: E402
from limits.strategies import FixedWindowRateLimiter  # noqa: E402

import pmp.core.ratelimit_storage  # noqa: E402, F401 - registers sqlite://

ITEM = parse("100000000/minute")


def one_request(limiter: FixedWindowRateLimiter, key: str) -> None:
    limiter.hit(ITEM, "LIMITER", key, "account.get_me")
    limiter.get_window_stats(ITEM, "LIMITER", key, "account.get_me")


def single(uri: str) -> float:
    limiter = FixedWindowRateLimiter(storage_from_string(uri))
    one_request(limiter, "127.0.0.1")
    number = 2000
    best = min(timeit.repeat(lambda: one_request(limiter, "127.0.0.1"), number=number,
                             repeat=7))
    return best / number * 1e6


def _contend(uri: str, seconds: float, work: str, results) -> None:
    limiter = FixedWindowRateLimiter(storage_from_string(uri))
    key = f"10.0.0.{os.getpid() % 3}"
    latencies: list[float] = []

    def run() -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            started = time.perf_counter()
            one_request(limiter, key)
            latencies.append(time.perf_counter() - started)
            if work == "sleep":
                time.sleep(0.001)
            else:
                busy_until = time.perf_counter() + 0.001
                while time.perf_counter() < busy_until:
                    pass

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(latencies)


def contention(uri: str, seconds: float, work: str) -> dict:
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    children = [context.Process(target=_contend, args=(uri, seconds, work, results))
                for _ in range(4)]
    for child in children:
        child.start()
    latencies = sorted(x for _ in children for x in results.get())
    for child in children:
        child.join()
    n = len(latencies)
    return {"hits/s": n / seconds, "p50": latencies[n // 2] * 1e3,
            "p90": latencies[int(n * 0.9)] * 1e3, "p99": latencies[int(n * 0.99)] * 1e3,
            "max": latencies[-1] * 1e3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", help="also measure this Redis URL")
    parser.add_argument("--seconds", type=float, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pmp-limits-"))
    uris = {"memory": "memory://", "sqlite": f"sqlite:///{folder / 'ratelimits.sqlite3'}"}
    if args.redis:
        uris["redis"] = args.redis
    print(f"load average before: {[round(x, 2) for x in os.getloadavg()]}")
    print("\n| storage | µs per limited request, one thread |\n|---|---:|")
    for name, uri in uris.items():
        print(f"| {name} | {single(uri):.1f} |", flush=True)
    print("\n| storage | work between hits | hits/s | p50 ms | p90 ms | p99 ms | max ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for work in ("sleep", "cpu"):
        for name, uri in uris.items():
            r = contention(uri, args.seconds, work)
            print(f"| {name} | 1 ms {work} | {r['hits/s']:.0f} | {r['p50']:.2f} | "
                  f"{r['p90']:.2f} | {r['p99']:.2f} | {r['max']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
