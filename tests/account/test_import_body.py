"""The body of POST /api/me/import: its own size limit, gzip, and no 500 on any body."""

import gzip
import json
import time
import zlib

import pytest

from pmp.account.upload import MAX_JSON_VALUES

DOCUMENT = {"format": "pmp-export", "version": 1,
            "items": [{"id": 1, "name": "Tent", "weight": 1200, "weight_unit": "g"}]}


def post(client, user, body: bytes, content_type="application/json", **headers):
    return client.post("/api/me/import", data=body, headers={
        **user.headers, "Content-Type": content_type, **headers})


def refused(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert body["code"] == code and body["error"]
    return body


def item_names(client, user) -> list[str]:
    return [i["name"] for i in client.get("/api/me/export", headers=user.headers)
            .get_json()["items"]]


@pytest.mark.parametrize("coding", ["gzip", "GZIP", " x-gzip "])
def test_a_gzip_document_imports(client, make_user, coding):
    user = make_user()
    response = post(client, user, gzip.compress(json.dumps(DOCUMENT).encode()),
                    **{"Content-Encoding": coding})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["imported"]["items"] == 1
    assert item_names(client, user) == ["Tent"]


def test_several_gzip_members_are_one_body(client, make_user):
    user = make_user()
    text = json.dumps(DOCUMENT).encode()
    body = gzip.compress(text[:10]) + gzip.compress(text[10:])
    assert post(client, user, body, **{"Content-Encoding": "gzip"}).status_code == 200


def test_the_import_has_its_own_size_limit_and_other_routes_keep_theirs(app, client,
                                                                       make_user):
    user = make_user()
    limit = app.config["MAX_CONTENT_LENGTH"]
    assert app.config["IMPORT_MAX_BYTES"] == 64 * 1024 * 1024
    padded = {**DOCUMENT, "account": {"padding": "x" * (limit + 1)}}
    assert post(client, user, json.dumps(padded).encode()).status_code == 200
    big = json.dumps({"name": "Tent", "description": "x" * (limit + 1)}).encode()
    other = client.post("/api/items", data=big,
                        headers={**user.headers, "Content-Type": "application/json"})
    refused(other, 413, "payload_too_large")
    refused(client.patch("/api/me", data=big, headers={
        **user.headers, "Content-Type": "application/json"}), 413, "payload_too_large")


def test_a_body_over_the_import_limit_is_refused(app, client, make_user, monkeypatch):
    user = make_user()
    text = json.dumps(DOCUMENT).encode()
    monkeypatch.setitem(app.config, "IMPORT_MAX_BYTES", len(text))
    assert post(client, user, text).status_code == 200
    monkeypatch.setitem(app.config, "IMPORT_MAX_BYTES", len(text) - 1)
    body = refused(post(client, user, text), 413, "payload_too_large")
    assert "fields" not in body
    assert item_names(client, user) == ["Tent"]


def test_inflating_stops_at_the_limit(app, client, make_user, monkeypatch):
    user = make_user()
    text = json.dumps(DOCUMENT).encode()
    packed = gzip.compress(text)
    monkeypatch.setitem(app.config, "IMPORT_MAX_BYTES", len(text))
    assert post(client, user, packed, **{"Content-Encoding": "gzip"}).status_code == 200
    monkeypatch.setitem(app.config, "IMPORT_MAX_BYTES", len(text) - 1)
    body = refused(post(client, user, packed, **{"Content-Encoding": "gzip"}), 413,
                   "payload_too_large")
    assert "IMPORT_MAX_BYTES" in body["error"]


def test_a_gzip_bomb_is_refused_quickly_at_the_default_limit(client, make_user):
    """A small body that would inflate to 256 MiB: refused once 64 MiB came out."""
    user = make_user()
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"[" * (1024 * 1024)
    bomb = b"".join(squeeze.compress(chunk) for _ in range(256)) + squeeze.flush()
    assert len(bomb) < 2 * 1024 * 1024
    started = time.perf_counter()
    refused(post(client, user, bomb, **{"Content-Encoding": "gzip"}), 413, "payload_too_large")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("coding", ["br", "deflate", "compress", "gzip, gzip", "zstd", "*"])
def test_other_content_codings_are_unsupported(client, make_user, coding):
    user = make_user()
    response = post(client, user, json.dumps(DOCUMENT).encode(), **{"Content-Encoding": coding})
    refused(response, 415, "unsupported_media_type")
    assert response.headers["Accept-Encoding"] == "gzip"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/gzip"])
def test_a_body_that_is_not_json_is_unsupported(client, make_user, content_type):
    user = make_user()
    refused(post(client, user, json.dumps(DOCUMENT).encode(), content_type), 415,
            "unsupported_media_type")
    assert item_names(client, user) == []


def nested(depth: int) -> bytes:
    return json.dumps(DOCUMENT)[:-1].encode() + b', "account": {"a": ' + b"[" * depth \
        + b"]" * depth + b"}}"


GARBAGE = {
    "empty": (b"", {}),
    "blank": (b"  \n", {}),
    "not json": (b"format=pmp-export", {}),
    "truncated json": (json.dumps(DOCUMENT).encode()[:-3], {}),
    "invalid utf-8": (b'{"format": "\xff\xfe"}', {}),
    "huge integer": (b'{"format": "pmp-export", "version": 1' + b"0" * 5000 + b"}", {}),
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, {}),
    "nested 100,000 deep, gzip": (gzip.compress(b"[" * 100_000), {"Content-Encoding": "gzip"}),
    "empty gzip": (b"", {"Content-Encoding": "gzip"}),
    "not gzip": (json.dumps(DOCUMENT).encode(), {"Content-Encoding": "gzip"}),
    "truncated gzip": (gzip.compress(json.dumps(DOCUMENT).encode())[:-9],
                       {"Content-Encoding": "gzip"}),
    "corrupt gzip": (gzip.compress(json.dumps(DOCUMENT).encode()).replace(b"\x00", b"\x01"),
                     {"Content-Encoding": "gzip"}),
    "gzip then garbage": (gzip.compress(json.dumps(DOCUMENT).encode()) + b"\x00\x00",
                          {"Content-Encoding": "gzip"}),
    "gzip of not json": (gzip.compress(b"\x00\x01binary"), {"Content-Encoding": "gzip"}),
}


@pytest.mark.parametrize("name", list(GARBAGE))
def test_a_malformed_body_is_a_bad_request(client, make_user, name):
    user = make_user()
    body, headers = GARBAGE[name]
    refused(post(client, user, body, **headers), 400, "bad_request")
    assert item_names(client, user) == []


@pytest.mark.parametrize("depth", [1, 50, 500, 900, 980, 995, 1200, 5000])
def test_deep_nesting_is_never_a_server_error(client, make_user, depth):
    user = make_user()
    response = post(client, user, nested(depth))
    assert response.status_code in (200, 400), (depth, response.status_code)
    response = post(client, user, gzip.compress(nested(depth)), **{"Content-Encoding": "gzip"})
    assert response.status_code in (200, 400), (depth, response.status_code)


def test_a_body_of_too_many_values_is_refused_before_parsing(client, make_user):
    user = make_user()
    body = b"[" + b"{}," * (MAX_JSON_VALUES // 2) + b"{}]"
    started = time.perf_counter()
    refused(post(client, user, body), 413, "payload_too_large")
    refused(post(client, user, gzip.compress(body, 1), **{"Content-Encoding": "gzip"}), 413,
            "payload_too_large")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("body", [
    b"[1]", b'"pmp-export"', b"null", b"12", b'{"format": "pmp-export", "version": 1, "x": 1}',
    b'{"format": "pmp-export", "version": 1, "workouts": [{"performed_at": NaN}]}',
    b'{"format": "pmp-export", "version": 1, "items": [{"id": 1, "name": "a", "price": 1e308}]}',
    b'{"format": "pmp-export", "version": 1, "workouts": [{"performed_at": '
    b'"2026-01-01T00:00:00Z", "exercises": [{"exercise_name": "Plank", "sets": '
    b'[{"weight": -1e300, "reps": Infinity}]}]}]}',
])
def test_json_that_is_no_document_is_a_validation_error(client, make_user, body):
    user = make_user()
    refused(post(client, user, body), 422, "validation_error")
    refused(post(client, user, gzip.compress(body), **{"Content-Encoding": "gzip"}), 422,
            "validation_error")


def test_nothing_is_read_for_an_anonymous_request(client):
    response = client.post("/api/me/import", data=gzip.compress(b"[" * 100),
                           headers={"Content-Type": "application/json",
                                    "Content-Encoding": "gzip"})
    refused(response, 401, "unauthorized")


def test_the_openapi_document_tells_of_gzip_and_the_limit(client):
    operation = client.get("/api/openapi.json").get_json()["paths"]["/api/me/import"]["post"]
    assert "gzip" in operation["description"] and "IMPORT_MAX_BYTES" in operation["description"]
    assert "5,000 items" in operation["description"]
    assert "120,000 sets" in operation["description"]
    assert "and 20,000 plan dates" in operation["description"]
    assert {"400", "413", "415", "422"} <= set(operation["responses"])
    assert operation["parameters"][0]["name"] == "Content-Encoding"
    assert operation["requestBody"]["content"]["application/json"]["schema"]
