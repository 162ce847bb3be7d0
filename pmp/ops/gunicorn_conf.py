"""Gunicorn settings for pmp (``gunicorn -c python:pmp.ops.gunicorn_conf wsgi:app``).

Every value can be overridden from the environment, so the same image serves a Raspberry Pi
with SQLite and a scaled deployment on PostgreSQL. The choices, and why:

* **Workers and threads.** SQLite lets many readers in at once (WAL) but only one writer, so
  many processes buy nothing but contention on the write lock. The default is a few processes
  (``min(2 * CPUs + 1, 4)``), each a ``gthread`` worker with 4 threads: threads cover the time
  a request spends waiting (the database's busy timeout, a slow client, Argon2 hashing, which
  releases the GIL) without the memory of extra processes. ``WEB_CONCURRENCY`` and
  ``GUNICORN_THREADS`` raise both on PostgreSQL.
* **Balanced accepts.** The worker class is ``pmp.ops.gunicorn_worker.BalancedThreadWorker``, a
  ``gthread`` worker that stops accepting while all its threads are busy. Plain ``gthread``
  accepts everything it sees, so one worker could take every keep-alive connection of a burst
  (seen in one benchmark run in four: half the throughput, twice the latency).
* **Garbage collection.** The objects built before the workers serve (the app, its
  modules, the OpenAPI spec) are frozen out of the collector (``gc.freeze()``): a full
  collection then walks a few thousand objects instead of 120,000 and pauses a worker for about
  1 ms instead of 40 ms, a pause every request in that worker waited out. Frozen before the
  fork, they also stay shared between the workers' memory pages.
* **Access log.** Off: the application writes one structured line per request itself (request
  id, method, path, status, duration, user id), which gunicorn's access log cannot know. Two
  lines per request would only double the log volume. ``GUNICORN_ACCESSLOG=-`` turns it on.
  gunicorn's own lines (boot, signals, worker timeouts) go to stderr, as JSON like the app's
  when ``LOG_FORMAT`` is json.
* **Proxies.** Which hops to trust is decided in one place, the app's ``ProxyFix`` with exactly
  ``TRUSTED_PROXIES`` hops. Gunicorn's ``forwarded_allow_ips`` keeps its default (loopback
  only): it only ever derives the URL scheme from ``X-Forwarded-Proto`` and never the client
  address, and ``*`` would let any client claim HTTPS when no proxy is in front.
* **Preloading.** On: the master imports and builds the app once and the workers are forked
  from it, which halves start-up on a small box (measured: 3.3–3.8 s to the first 200 without,
  1.2–1.6 s with; docs/PERFORMANCE.md) and shares the imported code's memory. Building the app
  opens no database connection, and ``post_fork`` drops the engine's pool anyway, so no SQLite
  or PostgreSQL connection is ever shared across processes. ``GUNICORN_PRELOAD=false`` turns it
  off. Migrations have already run in ``pmp serve`` / the container entrypoint.
* **Recycling.** ``max_requests`` with jitter restarts workers one at a time to bound slow
  memory growth without a thundering herd. High (20,000): at 1,000 a busy worker restarted
  about once a second under the benchmark, and those restarts set the p99 of even
  ``/api/ping`` (321 ms, against 14 ms without them).
* **Control socket.** Off unless ``GUNICORN_CONTROL_SOCKET`` names a path: signals are how a
  container stops gunicorn, and the default socket under ``$HOME`` is one more writable path
  (and a clash when two servers share a home).
"""

import gc
import multiprocessing
import os

from gunicorn.glogging import Logger


def _int(name: str, default: int, minimum: int = 0) -> int:
    """Read an integer setting; a value gunicorn would reject fails loudly at start-up."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise SystemExit(f"{name} must be at least {minimum}, got {value}")
    return value


def default_workers(cpu_count: int) -> int:
    """A few processes: more than 4 only fight over SQLite's single write lock."""
    return max(1, min(2 * cpu_count + 1, 4))


def _bind() -> str:
    host = os.environ.get("HOST", "").strip() or "0.0.0.0"  # noqa: S104 - a server binds all
    port = _int("PORT", 8080, minimum=1)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    return f"{host}:{port}"


bind = [_bind()]
workers = _int("WEB_CONCURRENCY", default_workers(multiprocessing.cpu_count()), minimum=1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS",
                              "pmp.ops.gunicorn_worker.BalancedThreadWorker")
threads = _int("GUNICORN_THREADS", 4, minimum=1)

# A request taking 30 s is stuck; the proxy in front usually gives up at 60 s.
timeout = _int("GUNICORN_TIMEOUT", 30, minimum=1)
# On SIGTERM, workers finish in-flight requests for this long; below Docker's 10 s stop grace.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 8, minimum=1)
# Longer than the default 2 s so a reverse proxy's pooled connections are reused.
keepalive = _int("GUNICORN_KEEPALIVE", 5, minimum=0)

# gunicorn's largest request line (default 4094): long filter query strings fit; beyond it
# the worker answers 414 in the JSON envelope (pmp.ops.gunicorn_worker).
limit_request_line = 8190

max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 2000)

preload_app = os.environ.get("GUNICORN_PRELOAD", "true").strip().lower() not in (
    "0", "false", "no", "off")


def pre_fork(server, worker):
    """Freeze what the master built (the preloaded app) before the fork: see the docstring."""
    gc.freeze()


def post_worker_init(worker):
    """Freeze what this worker built while loading the app (all of it, without preload)."""
    gc.collect()
    gc.freeze()


def insecure_cookie_warning(cookie_secure: bool, trusted_proxies: int, binds: list[str],
                            tls: bool) -> str | None:
    """Warn when browsers on the network will drop the refresh cookie.

    A Secure cookie is only kept when it arrives over HTTPS (or from localhost). Served over
    plain HTTP on a LAN address without a TLS proxy in front, the web app would log in and then
    lose the session at the first reload, with nothing but `refresh_token_missing` to show.
    """
    if not cookie_secure or trusted_proxies or tls:
        return None
    exposed = [b for b in binds
               if not b.startswith("unix:") and not _loopback(b.rsplit(":", 1)[0].strip("[]"))]
    if not exposed:
        return None
    return (f"COOKIE_SECURE=true while serving plain HTTP on {', '.join(exposed)}: browsers "
            "reaching pmp by a network address drop the Secure refresh cookie, so sessions "
            "do not survive a reload. Put pmp behind HTTPS (TRUSTED_PROXIES) or set "
            "COOKIE_SECURE=false on a trusted LAN.")


def _loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def when_ready(server):
    from pmp.core.config import ConfigError, read_settings

    try:
        settings = read_settings()
    except ConfigError:
        return  # the app refuses to start with a message of its own
    message = insecure_cookie_warning(settings["COOKIE_SECURE"], settings["TRUSTED_PROXIES"],
                                      list(server.cfg.bind), bool(server.cfg.certfile))
    if message:
        server.log.warning(message)


def post_fork(server, worker):
    """A forked worker must not reuse a pooled connection that the master may have opened."""
    if not preload_app:
        return
    from pmp.core.extensions import db
    from wsgi import app

    with app.app_context():
        db.engine.dispose(close=False)

accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# stdout carries only the app's JSON lines; gunicorn's own (boot, signals, errors) go to stderr.
capture_output = False

# The heartbeat file lives in memory when possible (overlay filesystems can stall it).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip()
if _control_socket:
    control_socket = _control_socket
control_socket_disable = not _control_socket

proc_name = "pmp"


def json_logs() -> bool:
    """The app's own rule: JSON unless LOG_FORMAT says text (gunicorn never runs in debug)."""
    return os.environ.get("LOG_FORMAT", "json").strip().lower() != "text"


class JsonAwareLogger(Logger):
    """gunicorn's logger, writing JSON lines like the app when LOG_FORMAT is json.

    Worker timeouts, crashes and restarts then reach a log collector in the same shape as the
    request lines, instead of as free text.
    """

    def setup(self, cfg):
        super().setup(cfg)
        if not json_logs():
            return
        from pmp.core.logging import JsonFormatter

        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())


logger_class = JsonAwareLogger
