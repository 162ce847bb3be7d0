"""Argon2id hashing and the password policy (ASVS: length, common list, no truncation)."""

from __future__ import annotations

import contextlib
import gzip
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app

MIN_LENGTH = 8
MAX_LENGTH = 128
# A real hash, checked when the user does not exist so both paths cost the same.
_DUMMY_PASSWORD = "pmp-dummy-password-for-timing"


@cache
def common_passwords() -> frozenset[str]:
    data = resources.files("pmp.data").joinpath("common-passwords.txt.gz").read_bytes()
    return frozenset(line.strip() for line in gzip.decompress(data).decode().splitlines())


def password_problems(password: str, *, username: str = "", email: str = "") -> list[str]:
    """Why a password is refused; an empty list means it is acceptable."""
    if len(password) < MIN_LENGTH:
        return [f"Password must be at least {MIN_LENGTH} characters."]
    if len(password) > MAX_LENGTH:
        return [f"Password must be at most {MAX_LENGTH} characters."]
    lowered = password.lower().strip()
    if lowered in common_passwords():
        return ["This password is too common."]
    if lowered in {username.lower(), email.lower(), email.lower().split("@")[0]} - {""}:
        return ["Password must not be your username or email."]
    return []


def _hasher() -> PasswordHasher:
    ext = current_app.extensions
    if "pmp_hasher" not in ext:
        cfg = current_app.config
        ext["pmp_hasher"] = PasswordHasher(
            time_cost=cfg["ARGON2_TIME_COST"],
            memory_cost=cfg["ARGON2_MEMORY_KIB"],
            parallelism=cfg["ARGON2_PARALLELISM"],
        )
    return ext["pmp_hasher"]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists."""
    hasher = _hasher()
    if password_hash is None:
        ext = current_app.extensions
        if "pmp_dummy_hash" not in ext:
            ext["pmp_dummy_hash"] = hasher.hash(_DUMMY_PASSWORD)
        password_hash, password = ext["pmp_dummy_hash"], password + "\x00"
        with contextlib.suppress(VerificationError, InvalidHashError):
            hasher.verify(password_hash, password)
        return False
    try:
        return hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)
