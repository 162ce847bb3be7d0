"""A gthread worker that accepts a connection only while one of its threads is free.

gunicorn's ``gthread`` worker accepts every connection it can see and queues the requests in
its thread pool, so one worker can take most of a burst of connections while the others sit
idle; keep-alive connections then stay with it. Measured with 8 keep-alive connections and
4 workers on 2 CPUs, about one run in four put all eight on one worker: half the throughput
and twice the latency (docs/PERFORMANCE.md). This worker stops listening while all its
threads are busy, so a new connection waits in the kernel's queue for a worker that can serve
it at once.
"""

from __future__ import annotations

from gunicorn.workers.gthread import ThreadWorker


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
