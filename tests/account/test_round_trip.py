"""Nothing lost: the export of a heavy account (ten years of training) imports again exactly.

The account is generated in memory (bench/account_document.py: 3,000 workouts, 60,000 sets,
500 items in 30 packs, every field and value kind the API allows) and goes in through the
import itself; everything after that is HTTP: export, import into a fresh account (gzip), export
again, and the two exports are equal but for the envelope.
"""

import gzip
import json

from bench.account_document import account_document


def comparable(document: dict) -> dict:
    """The document without its envelope (time, account), item ids as document positions."""
    position = {item["id"]: n for n, item in enumerate(document["items"])}
    items = [{**item, "id": position[item["id"]]} for item in document["items"]]
    packs = [{**pack, "entries": [{**e, "item_id": position[e["item_id"]]}
                                  for e in pack["entries"]]} for pack in document["packs"]]
    rest = {k: v for k, v in document.items()
            if k not in ("exported_at", "account", "items", "packs")}
    return {**rest, "items": items, "packs": packs}


def post_import(client, user, body: bytes, **headers):
    response = client.post("/api/me/import", data=body, headers={
        **user.headers, "Content-Type": "application/json", **headers})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["imported"]


def test_a_ten_year_account_exports_and_imports_again_exactly(client, make_user):
    generated = account_document()
    heavy, fresh = make_user("heavy"), make_user("fresh")
    body = json.dumps(generated).encode()
    assert len(body) > 10 * 1024 * 1024  # over MAX_CONTENT_LENGTH: the import has its own limit
    counts = post_import(client, heavy, body)
    assert counts == {"items": 500, "packs": 30, "pack_entries": 29 * 80, "custom_exercises": 15,
                      "workouts": 3000, "workout_exercises": 12_000, "sets": 60_000,
                      "plans": 12, "plan_exercises": 72}

    first = client.get("/api/me/export", headers=heavy.headers)
    assert first.status_code == 200
    exported = first.get_json()
    assert comparable(exported) == comparable(generated)  # the first import lost nothing

    packed = gzip.compress(first.data, 6)
    assert len(packed) < len(first.data) / 8
    post_import(client, fresh, packed, **{"Content-Encoding": "gzip"})
    again = client.get("/api/me/export", headers=fresh.headers).get_json()
    assert comparable(again) == comparable(exported)
    assert again["account"]["username"] == "fresh"
