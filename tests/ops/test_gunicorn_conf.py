"""The gunicorn configuration loads, reads the environment and is valid for gunicorn."""

import importlib.util
from pathlib import Path

import pytest
from gunicorn.config import Config

CONF = Path(__file__).resolve().parents[2] / "pmp" / "ops" / "gunicorn_conf.py"
ENV_VARS = (
    "HOST",
    "PORT",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_ACCESSLOG",
    "GUNICORN_CONTROL_SOCKET",
    "GUNICORN_WORKER_CLASS",
    "LOG_FORMAT",
)


@pytest.fixture
def load(monkeypatch):
    """Load a fresh copy of the config module under the given environment."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)

    def _load(**env):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        spec = importlib.util.spec_from_file_location("pmp_gunicorn_conf_under_test", CONF)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return _load


def as_gunicorn_config(module) -> Config:
    """Apply the module like `-c python:...` does; gunicorn's validators reject bad values."""
    cfg = Config()
    for name, value in vars(module).items():
        if name in cfg.settings:
            cfg.set(name, value)
    return cfg


def test_defaults(load, monkeypatch):
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 8)
    cfg = as_gunicorn_config(load())
    assert cfg.bind == ["0.0.0.0:8080"]
    assert cfg.workers == 4
    assert cfg.worker_class_str == "pmp.ops.gunicorn_worker.BalancedThreadWorker"
    assert cfg.threads == 4
    assert cfg.preload_app is True
    assert cfg.accesslog is None
    assert cfg.errorlog == "-"
    assert cfg.timeout == 30
    assert 0 < cfg.graceful_timeout < 10
    assert cfg.max_requests > 0 and cfg.max_requests_jitter > 0
    assert cfg.control_socket_disable is True
    assert cfg.forwarded_allow_ips == ["127.0.0.1", "::1"]


def test_environment_overrides(load):
    cfg = as_gunicorn_config(
        load(
            HOST="127.0.0.1",
            PORT="9123",
            WEB_CONCURRENCY="3",
            GUNICORN_THREADS="8",
            GUNICORN_TIMEOUT="60",
            GUNICORN_ACCESSLOG="-",
        )
    )
    assert cfg.bind == ["127.0.0.1:9123"]
    assert cfg.workers == 3
    assert cfg.threads == 8
    assert cfg.timeout == 60
    assert cfg.accesslog == "-"


def test_ipv6_host_is_bracketed(load):
    assert load(HOST="::", PORT="8081").bind == ["[::]:8081"]


def test_control_socket_opt_in(load, tmp_path):
    path = str(tmp_path / "gunicorn.ctl")
    cfg = as_gunicorn_config(load(GUNICORN_CONTROL_SOCKET=path))
    assert cfg.control_socket_disable is False
    assert cfg.control_socket == path


@pytest.mark.parametrize(("cpus", "expected"), [(1, 3), (2, 4), (64, 4)])
def test_default_workers_is_bounded_for_sqlite(load, cpus, expected):
    assert load().default_workers(cpus) == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [("WEB_CONCURRENCY", "many"), ("WEB_CONCURRENCY", "0"), ("PORT", "-1"), ("PORT", "x")],
)
def test_bad_values_stop_with_a_message(load, name, value):
    with pytest.raises(SystemExit, match=name):
        load(**{name: value})


@pytest.mark.parametrize(("log_format", "json_lines"), [("json", True), ("text", False)])
def test_gunicorn_lines_follow_log_format(load, monkeypatch, log_format, json_lines):
    from pmp.core.logging import JsonFormatter

    monkeypatch.setenv("LOG_FORMAT", log_format)
    cfg = as_gunicorn_config(load())
    logger = cfg.logger_class(cfg)
    formatters = [h.formatter for h in logger.error_log.handlers]
    assert formatters
    assert all(isinstance(f, JsonFormatter) for f in formatters) is json_lines


def test_hooks_freeze_the_collector(load, monkeypatch):
    """The objects built before serving are frozen out of full collections."""
    import gc

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    module = load()
    module.pre_fork(None, None)
    module.post_worker_init(None)
    assert len(frozen) == 2
