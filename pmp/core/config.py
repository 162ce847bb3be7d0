"""Every setting of pmp, read from the environment (and an optional `.env`), validated once.

The table in README.md and `.env.sample` list the same settings; keep the three in step.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECRET_FILE_NAME = "jwt_secret"
RATELIMIT_FILE_NAME = "ratelimits.sqlite3"
MIN_SECRET_BYTES = 32


class ConfigError(ValueError):
    """A setting has a value pmp cannot run with; the message names the setting."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    kind: type | str = str
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", None),
    Setting("JWT_SECRET_KEY", None),
    Setting("ACCESS_TOKEN_MINUTES", 15, int, 1, 1440),
    Setting("REFRESH_TOKEN_DAYS", 1, int, 1, 365),
    Setting("REFRESH_TOKEN_REMEMBER_ME_DAYS", 30, int, 1, 365),
    Setting("REFRESH_TOKEN_CLEANUP_INTERVAL_HOURS", 24, int, 1, 24 * 365),
    Setting("REFRESH_REUSE_GRACE_SECONDS", 10, int, 0, 300),
    Setting("REFRESH_RATE_LIMIT_REQUESTS", 10, int, 1, 100_000),
    Setting("REFRESH_RATE_LIMIT_WINDOW_MINUTES", 1, int, 1, 1440),
    Setting("LOGIN_RATE_LIMIT", "10 per minute", "limit"),
    Setting("REGISTER_RATE_LIMIT", "5 per minute", "limit"),
    Setting("DEFAULT_RATE_LIMIT", "600 per minute", "limit"),
    Setting("RATELIMIT_ENABLED", True, bool),
    Setting("RATELIMIT_STORAGE_URI", None),
    Setting("REDIS_URL", None),
    Setting("REGISTRATION", "open", "choice", choices=("open", "closed")),
    Setting("CORS_ORIGINS", "", "origins"),
    Setting("COOKIE_SECURE", True, bool),
    Setting("COOKIE_SAMESITE", "Lax", "choice", choices=("Lax", "Strict", "None")),
    Setting("COOKIE_DOMAIN", None, "domain"),
    Setting("TRUSTED_PROXIES", 0, int, 0, 10),
    Setting("PUBLIC_URL", None, "public_url"),
    Setting("MAX_CONTENT_LENGTH", 4 * 1024 * 1024, int, 1024, 1024**3),
    # POST /api/me/import only: the body as sent and, gzip-compressed, as inflated.
    Setting("IMPORT_MAX_BYTES", 64 * 1024 * 1024, int, 1024, 1024**3),
    Setting("LOG_FORMAT", None, "choice", choices=("json", "text")),
    Setting("LOG_LEVEL", "INFO", "choice", choices=("DEBUG", "INFO", "WARNING", "ERROR")),
    Setting("ARGON2_TIME_COST", 3, int, 1, 20),
    Setting("ARGON2_MEMORY_KIB", 65536, int, 8, 4 * 1024 * 1024),
    Setting("ARGON2_PARALLELISM", 4, int, 1, 64),
    Setting("SQLITE_BUSY_TIMEOUT_MS", 15000, int, 0, 600_000),
    # Read by gunicorn (pmp/ops/gunicorn_conf.py); checked here so `pmp serve` / `pmp migrate`
    # refuse a bad value with a message instead of gunicorn failing with a traceback.
    Setting("WEB_CONCURRENCY", None, int, 1, 64),
    Setting("PORT", 8080, int, 1, 65535),
)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _parse(setting: Setting, raw: Any) -> Any:
    if not isinstance(raw, str):
        return raw
    raw = raw.strip()
    kind = setting.kind
    if kind is int:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{setting.name} must be an integer, got {raw!r}") from None
        if (setting.low is not None and value < setting.low) or (
            setting.high is not None and value > setting.high
        ):
            raise ConfigError(
                f"{setting.name} must be between {setting.low} and {setting.high}, got {value}"
            )
        return value
    if kind is bool:
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ConfigError(f"{setting.name} must be true or false, got {raw!r}")
    if kind == "choice":
        for choice in setting.choices:
            if raw.lower() == choice.lower():
                return choice
        choices = ", ".join(setting.choices)
        raise ConfigError(f"{setting.name} must be one of {choices}, got {raw!r}")
    if kind == "domain":
        if raw and not _DOMAIN.fullmatch(raw.lower()):
            raise ConfigError(f"{setting.name} must be a domain name like example.org, "
                              f"got {raw!r}")
        return raw.lower() or None
    if kind == "origins":
        return [_origin(setting.name, part.strip()) for part in raw.split(",") if part.strip()]
    if kind == "public_url":
        return _public_url(setting.name, raw) if raw else None
    if kind == "limit":
        from limits import parse_many

        try:
            parse_many(raw)
        except ValueError:
            raise ConfigError(f"{setting.name} is not a rate limit like '10 per minute'") from None
        return raw
    return raw or None


_DOMAIN = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")
_ORIGIN = re.compile(r"https?://(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:[0-9]{1,5})?")


def _origin(name: str, text: str) -> str:
    """A browser origin exactly as browsers send it: scheme://host[:port], nothing more.

    `*` would let every site call the API with the user's cookies; a path, a trailing slash or
    a missing scheme would never match an Origin header and fail silently.
    """
    if text == "*":
        raise ConfigError(f"{name} must list origins; '*' is refused because pmp allows "
                          "credentials (cookies) from the origins it lists")
    origin = text.lower()
    port = origin.rsplit(":", 1)[-1] if origin.count(":") > 1 else None
    if not _ORIGIN.fullmatch(origin) or (port and port.isdigit() and int(port) > 65535):
        raise ConfigError(f"{name}: {text!r} is not an origin like https://pack.example.org "
                          "or http://192.168.1.5:3000 (scheme://host[:port], no path, no "
                          "trailing slash)")
    return origin


# scheme://host[:port][/path]: what pmp's pages are reached at, as people see it.
_PUBLIC_URL = re.compile(
    r"https?://(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:(?P<port>[0-9]{1,5}))?"
    r"(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*"
)


def _public_url(name: str, text: str) -> str:
    """The address people reach pmp at (its links are built from it): an http(s) URL with an
    optional path, no trailing slash, no query or fragment, the scheme and host lower case."""
    scheme, separator, rest = text.partition("://")
    host, slash, path = rest.partition("/")
    candidate = f"{scheme.lower()}{separator}{host.lower()}{slash}{path}"
    match = _PUBLIC_URL.fullmatch(candidate)
    if not match or (match["port"] and int(match["port"]) > 65535):
        raise ConfigError(f"{name}: {text!r} is not a URL like https://pack.example.org or "
                          "http://192.168.1.5:8080/pmp (scheme://host[:port][/path], no "
                          "trailing slash, no query)")
    return candidate


def read_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Settings from the environment, with `overrides` (tests, create_app(config)) winning."""
    overrides = overrides or {}
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.name in overrides:
            raw = overrides[setting.name]
        else:
            raw = os.environ.get(setting.name, setting.default)
        values[setting.name] = _parse(setting, raw)
    return values


def load_or_create_secret(instance_path: Path) -> str:
    """The JWT secret kept in instance/, generated (mode 0600) on the first start.

    Written to a private temporary file and linked into place, so two processes starting at
    once never see a half-written secret: the loser of the race reads the winner's.
    """
    path = instance_path / SECRET_FILE_NAME
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=instance_path, prefix=".jwt_secret-")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)
    return path.read_text().strip()


def check_secret(secret: str) -> str:
    if len(secret.encode()) < MIN_SECRET_BYTES:
        raise ConfigError(
            f"JWT_SECRET_KEY must be at least {MIN_SECRET_BYTES} bytes long; "
            "unset it to have one generated in the instance folder"
        )
    return secret


def flask_config(settings: dict[str, Any], instance_path: Path, debug: bool) -> dict[str, Any]:
    """Translate pmp settings into the keys Flask and its extensions read."""
    secret = settings["JWT_SECRET_KEY"] or load_or_create_secret(instance_path)
    check_secret(secret)
    database_url = settings["DATABASE_URL"] or f"sqlite:///{instance_path / 'pmp.sqlite3'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgres://") :]
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
    # Without Redis, every worker of this instance counts in one SQLite file of its own
    # (pmp.core.ratelimit_storage); `memory://` would count per worker.
    storage = (settings["RATELIMIT_STORAGE_URI"] or settings["REDIS_URL"]
               or f"sqlite:///{instance_path / RATELIMIT_FILE_NAME}")
    samesite = settings["COOKIE_SAMESITE"]
    if samesite == "None" and not settings["COOKIE_SECURE"]:
        raise ConfigError("COOKIE_SAMESITE=None requires COOKIE_SECURE=true (browsers insist)")
    return {
        **settings,
        "SECRET_KEY": secret,
        "JWT_SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "RATELIMIT_STORAGE_URI": storage,
        "RATELIMIT_STRATEGY": "fixed-window",
        "RATELIMIT_HEADERS_ENABLED": True,
        "LOG_FORMAT": settings["LOG_FORMAT"] or ("text" if debug else "json"),
        "JSON_SORT_KEYS": False,
    }
