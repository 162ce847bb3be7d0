"""BalancedThreadWorker accepts a connection only while one of its threads is free."""

import logging
import selectors
import socket
from concurrent.futures import Future

import pytest
from gunicorn.config import Config

from pmp.ops.gunicorn_worker import BalancedThreadWorker


class HeldPool:
    """A thread pool whose requests stay in flight until the test finishes them."""

    def __init__(self):
        self.submitted: list[tuple[Future, object]] = []

    def submit(self, fn, conn):
        future = Future()
        self.submitted.append((future, conn))
        return future


@pytest.fixture
def listener():
    sock = socket.create_server(("127.0.0.1", 0))
    yield sock
    sock.close()


@pytest.fixture
def worker(listener, tmp_path):
    cfg = Config()
    cfg.set("threads", 2)
    cfg.set("worker_tmp_dir", str(tmp_path))
    w = BalancedThreadWorker(0, 0, [listener], None, 30, cfg, logging.getLogger("test"))
    # What init_process() sets up, without starting the event loop: the test calls the
    # loop's callbacks itself.
    w.tpool = HeldPool()
    w.poller = selectors.DefaultSelector()
    w.method_queue.init()
    w.set_accept_enabled(True)
    yield w
    w.poller.close()
    w.method_queue.close()
    w.tmp.close()


def is_listening(worker, listener) -> bool:
    return listener in {key.fileobj for key in worker.poller.get_map().values()}


def test_stops_accepting_while_every_thread_is_busy(worker, listener):
    clients = [socket.create_connection(listener.getsockname()) for _ in range(3)]
    try:
        worker.accept(listener)
        assert is_listening(worker, listener)
        worker.accept(listener)
        # Two threads, two requests in flight: the third connection waits in the kernel's
        # queue for another worker instead of queueing behind these two.
        assert worker.in_flight == 2
        assert not is_listening(worker, listener)
        worker.set_accept_enabled(True)  # what gunicorn's loop asks on every turn
        assert not is_listening(worker, listener)

        future, conn = worker.tpool.submitted[0]
        future.set_result(False)  # the request is answered and its connection closes
        worker.finish_request(conn, future)
        assert worker.in_flight == 1
        assert is_listening(worker, listener)
        worker.accept(listener)  # the third connection
        assert worker.nr_conns == 2
        assert not is_listening(worker, listener)
    finally:
        for client in clients:
            client.close()

