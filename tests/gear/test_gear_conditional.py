"""Conditional GETs: a pack, a shared pack and the item list answer If-None-Match with 304."""

import pytest


@pytest.fixture
def pack(client, make_user):
    user = make_user()
    item = client.post("/api/items", headers=user.headers,
                       json={"name": "Quilt", "weight": 550}).get_json()
    pack = client.post("/api/packs", headers=user.headers, json={"name": "Loop"}).get_json()
    client.post(f"/api/packs/{pack['id']}/entries", headers=user.headers,
                json={"item_id": item["id"]})
    share = client.post(f"/api/packs/{pack['id']}/share", headers=user.headers).get_json()
    return user, item, pack, share["share_code"]


def test_unchanged_reads_are_304_and_changes_give_a_new_etag(client, pack):
    user, item, pack, code = pack
    urls = [f"/api/packs/{pack['id']}", f"/api/shared/{code}", "/api/items"]
    etags = {}
    for url in urls:
        first = client.get(url, headers=user.headers)
        etags[url] = first.headers["ETag"]
        again = client.get(url, headers={**user.headers, "If-None-Match": etags[url]})
        assert again.status_code == 304, url
        assert again.data == b""
    client.patch(f"/api/items/{item['id']}", headers=user.headers, json={"weight": 600})
    for url in urls:
        changed = client.get(url, headers={**user.headers, "If-None-Match": etags[url]})
        assert changed.status_code == 200, url
        assert changed.headers["ETag"] != etags[url]
