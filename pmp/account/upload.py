"""The body of POST /api/me/import: a size limit of its own, gzip accepted, parsed with care.

An export is the largest thing a client sends (a ten-year training log is 11 MB of JSON,
0.7 MB gzipped), so this route is not held to MAX_CONTENT_LENGTH (4 MiB) but to
IMPORT_MAX_BYTES (64 MiB by default), Flask's per-request limit. The same limit bounds what a
gzip body decompresses to, and decompression stops as soon as it is reached, so a small body
that would inflate to gigabytes is refused after reading no more than the limit (413).

The JSON is parsed here rather than by webargs so that every way a body can be wrong ends in
the envelope: unsupported encoding or type 415, bad gzip, bad JSON or nesting too deep 400,
too large 413; what is left is the document's own validation (422).
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from flask import current_app, request

from pmp.core.errors import ApiError, BadRequest, PayloadTooLarge

GZIP = ("gzip", "x-gzip")
IDENTITY = ("", "identity")
GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip member, header and trailer checked
# JSON values (counted as "," and "{" bytes) a body may hold before it is parsed: about 1.8
# times a document at every cap of the import (pmp.account.caps: 1.66 million). Parsing costs
# memory per value whatever the value is: 64 MiB of `[{},{},...]` takes 1.5 GB and six
# seconds; with this bound no body costs much more than the largest accepted document does.
MAX_JSON_VALUES = 3_000_000


def read_document() -> Any:
    """The parsed JSON of the request body, within IMPORT_MAX_BYTES as sent and as inflated."""
    limit = current_app.config["IMPORT_MAX_BYTES"]
    request.max_content_length = limit  # read before the body: the stream is made with it
    coding = _content_coding()
    if not request.is_json:
        raise ApiError("Send the export document as application/json (gzip allowed).", 415,
                       "unsupported_media_type")
    body = request.get_data(cache=False)
    if coding in GZIP:
        body = gunzip(body, limit)
    if not body.strip():
        raise BadRequest("The request needs a body: an export document.")
    return parse_json(body)


def _content_coding() -> str:
    coding = request.headers.get("Content-Encoding", "").strip().lower()
    if coding not in GZIP + IDENTITY:
        raise ApiError("Content-Encoding must be gzip or absent.", 415, "unsupported_media_type",
                       headers={"Accept-Encoding": "gzip"})
    return coding


def gunzip(data: bytes, limit: int) -> bytes:
    """Inflate one or more gzip members, refusing (413) output beyond ``limit`` bytes before
    producing it, and anything that is not complete gzip (400)."""
    out = bytearray()
    pending = data
    try:
        while True:
            inflater = zlib.decompressobj(GZIP_WBITS)
            while pending and not inflater.eof:
                out += inflater.decompress(pending, limit + 1 - len(out))
                if len(out) > limit:
                    raise PayloadTooLarge(
                        f"The document inflates to more than {limit} bytes (IMPORT_MAX_BYTES).")
                pending = inflater.unconsumed_tail
            if not inflater.eof:
                raise BadRequest("The gzip body is truncated.")
            pending = inflater.unused_data
            if not pending:
                return bytes(out)
    except zlib.error:
        raise BadRequest("The body is not valid gzip.") from None


def parse_json(body: bytes) -> Any:
    """The document; its size in JSON values is bounded before parsing (MAX_JSON_VALUES)."""
    values = body.count(b",") + body.count(b"{")
    if values > MAX_JSON_VALUES:
        raise PayloadTooLarge(
            f"The document holds more than {MAX_JSON_VALUES:,} JSON values, more than the "
            "largest document an import accepts.")
    try:
        return json.loads(body)
    except RecursionError:
        raise BadRequest("The JSON is nested too deeply.") from None
    except ValueError:  # JSONDecodeError, UnicodeDecodeError, an integer of 4,300+ digits
        raise BadRequest("The body is not valid JSON.") from None
