"""Logs: one JSON object per line in production, readable text in development.

Three loggers matter: `pmp.request` (one line per request), `pmp.audit` (one line per auth
event) and everything else (errors). Audit lines never carry passwords or whole tokens.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import uuid

from flask import Flask, g, request

from pmp.core.netinfo import client_ip, user_agent

_RESERVED = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _RESERVED})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extra = {k: v for k, v in record.__dict__.items() if k not in _RESERVED}
        base = super().format(record)
        return f"{base} {extra}" if extra else base


JsonFormatter.converter = time.gmtime


def configure_logging(app: Flask) -> None:
    handler = logging.StreamHandler(sys.stdout)
    if app.config["LOG_FORMAT"] == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("pmp")
    logger.handlers[:] = [handler]
    logger.setLevel(app.config["LOG_LEVEL"])
    logger.propagate = False


def audit(event: str, user_id: int | None = None, **details) -> None:
    """One structured line per auth event, with who and from where."""
    logging.getLogger("pmp.audit").info(
        event,
        extra={
            "event": event,
            "user_id": user_id,
            "ip": client_ip(),
            "user_agent": user_agent(),
            "request_id": g.get("request_id") if _in_request() else None,
            **details,
        },
    )


def _in_request() -> bool:
    from flask import has_request_context

    return has_request_context()


def _valid_request_id(value: str | None) -> bool:
    return bool(value) and len(value) <= 128 and all(c.isalnum() or c in "-_.:" for c in value)


# Probed every few seconds by the container's HEALTHCHECK, a load balancer or a monitor: a
# successful probe is logged at DEBUG only (else 17,280 lines a day at a 5 s interval); a failed
# one keeps its INFO line.
PROBE_PATHS = frozenset({"/api/health", "/api/ping"})


def register_request_logging(app: Flask) -> None:
    log = logging.getLogger("pmp.request")

    @app.before_request
    def start_request() -> None:
        incoming = request.headers.get("X-Request-ID")
        g.request_id = incoming if _valid_request_id(incoming) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        response.headers["X-Request-ID"] = g.get("request_id", "-")
        started = g.get("request_started")
        duration = (time.perf_counter() - started) * 1000 if started else 0.0
        quiet = request.path in PROBE_PATHS and response.status_code < 400
        log.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": g.get("request_id"),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration, 2),
                "user_id": g.get("user_id"),
                "ip": client_ip(),
            },
        )
        return response
