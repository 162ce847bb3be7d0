"""Housekeeping without a cron: expired sessions and blocklist entries are deleted at the
configured interval, after a response has been sent, by whichever worker notices first."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from flask import Flask, current_app

from pmp.auth.tokens import cleanup_expired
from pmp.core.database import write_intent
from pmp.core.extensions import db
from pmp.core.models import utcnow

log = logging.getLogger("pmp.maintenance")
_lock = threading.Lock()


def register_maintenance(app: Flask) -> None:
    app.extensions["pmp_last_cleanup"] = utcnow()

    @app.after_request
    def schedule_cleanup(response):
        interval = timedelta(hours=current_app.config["REFRESH_TOKEN_CLEANUP_INTERVAL_HOURS"])
        if utcnow() - app.extensions["pmp_last_cleanup"] >= interval:
            response.call_on_close(lambda: run_cleanup(app))
        return response


def run_cleanup(app: Flask) -> dict[str, int] | None:
    if not _lock.acquire(blocking=False):
        return None
    try:
        app.extensions["pmp_last_cleanup"] = utcnow()
        with app.app_context():
            write_intent(True)
            try:
                counts = cleanup_expired()
            except Exception:
                db.session.rollback()
                log.exception("token cleanup failed")
                return None
            finally:
                db.session.remove()
        log.info("token cleanup", extra=counts)
        return counts
    finally:
        _lock.release()
