"""Drive one URL for a fixed time with N keep-alive connections; report rps, p50, p99, errors.

`wrk` (Debian package `wrk`) when it is installed, else a small Python generator: one process
per connection, each with an `http.client` keep-alive connection, recording every latency.
Either way the load runs in processes of its own, never in the server's.

Run directly (`python bench/load.py URL [--method POST --body '{}' ...]`) it prints one JSON
object; `bench/run.py` calls `measure()`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Target:
    """Requests of one row: `paths` are used round-robin (e.g. several parent ids)."""

    base_url: str
    paths: list[str]
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None


def measure(target: Target, duration: float, connections: int, tool: str = "auto") -> dict:
    if tool == "wrk" or (tool == "auto" and shutil.which("wrk")):
        return _wrk(target, duration, connections)
    return _python(target, duration, connections)


# -- wrk ---------------------------------------------------------------------------------------

_LUA = """
local paths = %(paths)s
local i = 0
wrk.method = %(method)s
wrk.body = %(body)s
%(headers)s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function request()
  i = i %% #paths + 1
  return wrk.format(nil, paths[i])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, ' ..
    '"non2xx": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    bad, e.connect + e.read + e.write + e.timeout))
end
"""


def _lua_string(text: str | None) -> str:
    return "nil" if text is None else json.dumps(text)  # a JSON string is a valid Lua string


def _wrk(target: Target, duration: float, connections: int) -> dict:
    headers = "\n".join(f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}"
                        for k, v in target.headers.items())
    script = _LUA % {
        "paths": "{" + ", ".join(_lua_string(p) for p in target.paths) + "}",
        "method": _lua_string(target.method), "body": _lua_string(target.body),
        "headers": headers,
    }  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write(script)
        lua.flush()
        # one wrk thread: it is far faster than the server and leaves the cores to it
        cmd = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(duration))}s",
               "--timeout", "10s", "-s", lua.name, target.base_url]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(x for x in out.splitlines() if x.startswith("BENCH-JSON "))
    raw = json.loads(line.removeprefix("BENCH-JSON "))
    return _summary(raw["requests"], raw["duration_us"] / 1e6, raw["p50_us"] / 1000,
                    raw["p99_us"] / 1000, raw["non2xx"] + raw["socket_errors"], "wrk")


# -- Python fallback ---------------------------------------------------------------------------


def _connection_worker(args) -> tuple[list[float], int]:
    target, offset, deadline = args
    parts = urlsplit(target.base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    body = target.body.encode() if target.body is not None else None
    latencies, errors, i = [], 0, offset
    while time.monotonic() < deadline:
        path = target.paths[i % len(target.paths)]
        i += 1
        start = time.perf_counter()
        try:
            conn.request(target.method, path, body=body, headers=target.headers)
            response = conn.getresponse()
            response.read()
            if not 200 <= response.status < 300:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        latencies.append(time.perf_counter() - start)
    conn.close()
    return latencies, errors


def _python(target: Target, duration: float, connections: int) -> dict:
    context = multiprocessing.get_context("spawn")
    with context.Pool(connections) as pool:
        deadline = time.monotonic() + 1 + duration  # one second for the processes to start
        begin = deadline - duration
        jobs = [(target, n, deadline) for n in range(connections)]
        results = pool.map(_connection_worker, jobs)
        elapsed = time.monotonic() - begin
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(err for _, err in results)
    if not latencies:
        return _summary(0, elapsed, 0.0, 0.0, errors, "python")
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    return _summary(len(latencies), elapsed, p50, p99, errors, "python")


def _summary(requests: int, seconds: float, p50: float, p99: float, errors: int, tool: str):
    return {"requests": requests, "rps": requests / seconds if seconds else 0.0,
            "p50_ms": round(p50, 2), "p99_ms": round(p99, 2), "errors": errors, "tool": tool}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="full URL, e.g. http://127.0.0.1:8080/api/ping")
    parser.add_argument("--method", default="GET")
    parser.add_argument("--body")
    parser.add_argument("--header", action="append", default=[], help="'Name: value'")
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto")
    args = parser.parse_args()
    parts = urlsplit(args.url)
    headers = dict(h.split(": ", 1) for h in args.header)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    target = Target(f"{parts.scheme}://{parts.netloc}", [path], args.method, headers, args.body)
    print(json.dumps(measure(target, args.duration, args.connections, args.tool)))


if __name__ == "__main__":
    main()
