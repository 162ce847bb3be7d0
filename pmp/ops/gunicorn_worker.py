"""A gthread worker that accepts a connection only while one of its threads is free.

gunicorn's ``gthread`` worker accepts every connection it can see and queues the requests in
its thread pool, so one worker can take most of a burst of connections while the others sit
idle; keep-alive connections then stay with it. Measured with 8 keep-alive connections and
4 workers on 2 CPUs, about one run in four put all eight on one worker: half the throughput
and twice the latency (docs/PERFORMANCE.md). This worker stops listening while all its
threads are busy, so a new connection waits in the kernel's queue for a worker that can serve
it at once.

It also answers the requests gunicorn refuses before the app sees them (a request line over
``limit_request_line``, too many or too long headers, a malformed line) in pmp's JSON error
envelope instead of gunicorn's HTML page, so a client's error handling sees one shape.
"""

from __future__ import annotations

import json

from gunicorn import util
from gunicorn.http.errors import (
    InvalidHeader,
    InvalidHeaderName,
    InvalidHTTPVersion,
    InvalidRequestLine,
    InvalidRequestMethod,
    LimitRequestHeaders,
    LimitRequestLine,
    ObsoleteFolding,
)
from gunicorn.workers.gthread import ThreadWorker

# exception -> (status, reason, code, message); the first matching class wins
_REFUSALS = (
    (LimitRequestLine, 414, "URI Too Long", "uri_too_long",
     "The request line (method, path and query string) is too long."),
    (LimitRequestHeaders, 431, "Request Header Fields Too Large", "headers_too_large",
     "The request has too many headers or a header that is too long."),
    ((InvalidRequestLine, InvalidRequestMethod, InvalidHTTPVersion, InvalidHeader,
      InvalidHeaderName, ObsoleteFolding), 400, "Bad Request", "bad_request",
     "The request is not valid HTTP."),
)


def refusal_bytes(exc: Exception) -> bytes | None:
    """The whole HTTP answer to a request gunicorn could not parse, or None for other errors."""
    for kinds, status, reason, code, message in _REFUSALS:
        if isinstance(exc, kinds):
            body = json.dumps({"error": message, "code": code}).encode()
            head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
                    "Content-Type: application/json; charset=utf-8\r\n"
                    "X-Content-Type-Options: nosniff\r\n"
                    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n")
            return head.encode("latin-1") + body
    return None


class BalancedThreadWorker(ThreadWorker):
    """``gthread`` that never queues a new connection behind its own busy threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_flight = 0

    def _has_free_thread(self) -> bool:
        return self.in_flight < self.cfg.threads

    def set_accept_enabled(self, enabled):
        super().set_accept_enabled(enabled and self._has_free_thread())

    def enqueue_req(self, conn):
        self.in_flight += 1
        super().enqueue_req(conn)

    def accept(self, listener):
        super().accept(listener)
        if not self._has_free_thread():
            self.set_accept_enabled(False)

    def finish_request(self, conn, fs):
        self.in_flight -= 1
        super().finish_request(conn, fs)
        if self._has_free_thread():
            self.set_accept_enabled(self.nr_conns < self.worker_connections)

    def handle_error(self, req, client, addr, exc):
        answer = refusal_bytes(exc)
        if answer is None:
            return super().handle_error(req, client, addr, exc)
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, answer)
        except Exception:  # noqa: BLE001 - the client may be gone; nothing left to tell it
            self.log.debug("Failed to send error message.")
        return None
