"""HTTP behaviour of /api/packs and their entries."""

import pytest


def test_create_pack_and_list_it(alice):
    response = alice.post("/api/packs", {"name": "PCT", "description": "Thru-hike"})
    assert response.status_code == 201
    pack = response.get_json()
    assert response.headers["Location"].endswith(f"/api/packs/{pack['id']}")
    assert pack["entries"] == [] and pack["share_code"] is None and pack["entry_count"] == 0
    assert pack["totals"]["total"] == 0 and pack["totals"]["categories"] == []
    listed = alice.get("/api/packs").get_json()
    assert [p["name"] for p in listed] == ["PCT"]
    assert "entries" not in listed[0] and "categories" not in listed[0]["totals"]


def test_empty_pack_list(alice):
    response = alice.get("/api/packs")
    assert response.status_code == 200 and response.get_json() == []


def test_entries_and_totals(alice):
    alice.preferences(weight_unit="oz")
    pack = alice.pack()
    tent = alice.item(name="Tent", category="Shelter", weight=1000, price=100)
    jacket = alice.item(name="Jacket", category="Clothing", weight=850, price="20.5")
    food = alice.item(name="Food", category="Food", weight=200)
    alice.entry(pack["id"], tent["id"])
    alice.entry(pack["id"], jacket["id"], worn=True)
    alice.entry(pack["id"], food["id"], quantity=2, consumable=True)
    detail = alice.get(f"/api/packs/{pack['id']}").get_json()
    totals = detail["totals"]
    assert totals["unit"] == "oz"
    assert totals["grams"] == {"total": 2250.0, "worn": 850.0, "consumable": 400.0,
                               "base": 1000.0, "pack": 1400.0}  # fmt: skip
    assert totals["total"] == 79.37 and totals["base"] == 35.27
    assert totals["item_count"] == 4 and totals["price"] == {"EUR": 120.5}
    assert [c["category"] for c in totals["categories"]] == ["Shelter", "Clothing", "Food"]
    assert [e["item"]["name"] for e in detail["entries"]] == ["Tent", "Jacket", "Food"]
    assert [e["position"] for e in detail["entries"]] == [0, 1, 2]
    assert detail["entries"][1]["item"]["pack_count"] == 1
    in_grams = alice.get(f"/api/packs/{pack['id']}?unit=grams").get_json()["totals"]
    assert in_grams["unit"] == "g" and in_grams["total"] == 2250.0
    summary = alice.get("/api/packs?unit=kg").get_json()[0]
    assert summary["entry_count"] == 3 and summary["totals"]["total"] == 2.25


def test_entry_shape_and_worn_quantity(alice):
    pack = alice.pack()
    socks = alice.item(name="Socks", weight=50)
    response = alice.post(f"/api/packs/{pack['id']}/entries",
                          {"item_id": socks["id"], "quantity": "3", "worn": True})
    assert response.status_code == 201
    entry = response.get_json()
    assert response.headers["Location"].endswith(f"/api/packs/{pack['id']}#entry-{entry['id']}")
    assert set(entry) == {"id", "item_id", "item", "quantity", "worn", "consumable",
                          "worn_quantity", "position", "category_id", "category", "star",
                          "checked"}  # fmt: skip
    assert entry["quantity"] == 3 and entry["worn_quantity"] is None
    assert entry["item"]["pack_count"] == 1
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["totals"]["grams"]["worn"] == 50.0
    path = f"/api/packs/{pack['id']}/entries/{entry['id']}"
    changed = alice.patch(path, {"worn_quantity": 2, "quantity": 2.5}).get_json()
    assert changed["worn_quantity"] == 2 and changed["quantity"] == 2.5
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["totals"]["grams"]["worn"] == 100.0
    assert alice.patch(path, {"worn_quantity": 3}).status_code == 422
    assert alice.patch(path, {"consumable": True}).status_code == 422
    assert alice.patch(path, {"consumable": True, "worn": False}).status_code == 200
    assert alice.delete(path).status_code == 204
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["entries"] == []
    assert alice.delete(path).status_code == 404


def test_inline_item_creation(alice):
    pack = alice.pack()
    response = alice.post(f"/api/packs/{pack['id']}/entries",
                          {"item": {"name": "Spoon", "weight": 0.5, "weight_unit": "oz"},
                           "quantity": 1.5})  # fmt: skip
    assert response.status_code == 201
    entry = response.get_json()
    assert entry["item"]["name"] == "Spoon" and entry["quantity"] == 1.5
    assert alice.get(f"/api/items/{entry['item_id']}").status_code == 200


def test_same_item_twice_is_a_conflict(alice):
    pack = alice.pack()
    item = alice.item()
    alice.entry(pack["id"], item["id"])
    response = alice.post(f"/api/packs/{pack['id']}/entries", {"item_id": item["id"]})
    assert response.status_code == 409 and response.get_json()["code"] == "conflict"
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["entry_count"] == 1


def test_entries_follow_position(alice):
    """`position` is the place in the whole pack: dense, whatever positions were asked for."""
    pack = alice.pack()
    a, b, c = (alice.item(name=n) for n in "abc")
    alice.entry(pack["id"], a["id"], position=5)
    alice.entry(pack["id"], b["id"], position=0)
    entry_c = alice.entry(pack["id"], c["id"])
    assert entry_c["position"] == 2
    entries = alice.get(f"/api/packs/{pack['id']}").get_json()["entries"]
    assert [(e["item"]["name"], e["position"]) for e in entries] == [("b", 0), ("a", 1), ("c", 2)]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"item_id": "1"},
        {"item_id": 1.5},
        {"item_id": 1, "item": {"name": "x"}},
        {"item": {"name": "x", "weight": -5}},
        {"item": {"name": "x", "user_id": 9}},
        {"item_id": 1, "quantity": -1},
        {"item_id": 1, "quantity": "0.0001"},
        {"item_id": 1, "quantity": 10**9},
        {"item_id": 1, "worn": True, "consumable": True},
        {"item_id": 1, "worn": "sometimes"},
        {"item_id": 1, "worn_quantity": 2},
        {"item_id": 1, "position": -1},
        {"item_id": 1, "pack_id": 2},
    ],
)
def test_garbage_entry_input_is_a_422(alice, body):
    pack = alice.pack()
    item = alice.item()
    if body.get("item_id") == 1:
        body = {**body, "item_id": item["id"]}
    response = alice.post(f"/api/packs/{pack['id']}/entries", body)
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["code"] == "validation_error"
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["entries"] == []


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "x" * 201}, {"name": 5},
                                  {"name": "A", "description": "x" * 10_001},
                                  {"name": "A", "share_code": "mine"}])
def test_garbage_pack_input_is_a_422(alice, body):
    assert alice.post("/api/packs", body).status_code == 422


def test_patch_and_delete_pack(alice):
    pack = alice.pack()
    item = alice.item()
    alice.entry(pack["id"], item["id"])
    changed = alice.patch(f"/api/packs/{pack['id']}", {"description": "Summer"}).get_json()
    assert changed["description"] == "Summer" and changed["name"] == "Weekend"
    assert changed["entry_count"] == 1
    assert alice.patch(f"/api/packs/{pack['id']}", {"name": None}).status_code == 422
    assert alice.delete(f"/api/packs/{pack['id']}").status_code == 204
    assert alice.get(f"/api/packs/{pack['id']}").status_code == 404
    assert alice.get(f"/api/items/{item['id']}").get_json()["pack_count"] == 0


def test_duplicate_copies_entries(alice):
    pack = alice.pack(name="Base")
    alice.entry(pack["id"], alice.item(name="a")["id"], quantity=2, worn=True, worn_quantity=1)
    alice.entry(pack["id"], alice.item(name="b")["id"], consumable=True)
    alice.post(f"/api/packs/{pack['id']}/share")
    response = alice.post(f"/api/packs/{pack['id']}/duplicate")
    assert response.status_code == 201
    copy = response.get_json()
    assert response.headers["Location"].endswith(f"/api/packs/{copy['id']}")
    assert copy["name"] == "Base (copy)" and copy["share_code"] is None
    original = alice.get(f"/api/packs/{pack['id']}").get_json()
    strip = lambda es: [{k: v for k, v in e.items() if k not in ("id", "item", "category_id")}  # noqa: E731
                        for e in es]
    assert strip(copy["entries"]) == strip(original["entries"])
    assert copy["totals"] == original["totals"]
    assert copy["entries"][0]["item"]["pack_count"] == 2


def test_other_users_item_in_an_entry_is_a_404(alice, bob):
    pack = alice.pack()
    bobs_item = bob.item(name="Bob's")
    response = alice.post(f"/api/packs/{pack['id']}/entries", {"item_id": bobs_item["id"]})
    assert response.status_code == 404
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["entries"] == []
    assert bob.get(f"/api/items/{bobs_item['id']}").get_json()["pack_count"] == 0


def test_another_users_pack_is_a_404_and_stays_unchanged(alice, bob):
    pack = alice.pack()
    item = alice.item()
    entry = alice.entry(pack["id"], item["id"])
    bobs_item = bob.item()
    before = alice.get(f"/api/packs/{pack['id']}").get_json()
    p = f"/api/packs/{pack['id']}"
    e = f"{p}/entries/{entry['id']}"
    attempts = [
        bob.get(p), bob.patch(p, {"name": "x"}), bob.delete(p),
        bob.post(f"{p}/entries", {"item_id": bobs_item["id"]}),
        bob.post(f"{p}/entries", {"item": {"name": "x"}}),
        bob.patch(e, {"quantity": 5}), bob.delete(e),
        bob.post(f"{p}/duplicate"), bob.post(f"{p}/share"), bob.delete(f"{p}/share"),
        bob.get(f"{p}/export.csv"), bob.get(f"{p}?unit=kg"),
    ]  # fmt: skip
    for response in attempts:
        assert response.status_code == 404, response.request.path
        assert response.get_json()["code"] == "not_found"
    # An entry id that exists, under a pack of the caller's own, is not reachable either.
    bobs_pack = bob.pack()
    assert bob.patch(f"/api/packs/{bobs_pack['id']}/entries/{entry['id']}",
                     {"quantity": 5}).status_code == 404  # fmt: skip
    assert alice.get(p).get_json() == before
    assert [x["name"] for x in bob.get("/api/packs").get_json()] == ["Weekend"]
    assert bob.get("/api/items").headers["X-Total-Count"] == "1"


def _fill(alice, pack_id, start, stop):
    for n in range(start, stop):
        item = alice.item(name=f"item {n}", category=f"c{n % 7}", weight=n, price=n)
        alice.entry(pack_id, item["id"], quantity=1 + n % 3, worn=n % 5 == 0)


def _imported_pack(alice, rows: int) -> dict:
    """A pack of `rows` entries made in one request (a Lighterpack CSV import)."""
    data = "Item Name,Category,qty,weight,worn,price\n" + "".join(
        f"item {n},c{n % 7},{1 + n % 3},{n},{'Worn' if n % 5 == 0 else ''},{n}\n"
        for n in range(rows)
    )
    response = alice.client.post("/api/packs/import", data=data.encode(),
                                 headers={**alice.headers, "Content-Type": "text/csv"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_pack_detail_query_count_does_not_grow(alice, count_queries):
    small, large = _imported_pack(alice, 5), _imported_pack(alice, 500)
    with count_queries() as few:
        small = alice.get(f"/api/packs/{small['id']}").get_json()
    with count_queries() as many:
        large = alice.get(f"/api/packs/{large['id']}").get_json()
    assert len(small["entries"]) == 5 and len(large["entries"]) == 500
    counts = {e["item"]["name"]: e["item"]["pack_count"] for e in large["entries"]}
    assert counts["item 3"] == 2 and counts["item 7"] == 1  # the first five are in both packs
    # the token's user, the pack, its categories, its entries with their items
    assert many.count == few.count <= 4


def test_pack_list_query_count_does_not_grow(alice, count_queries):
    first = alice.pack()
    _fill(alice, first["id"], 0, 2)
    with count_queries() as few:
        alice.get("/api/packs")
    for n in range(8):
        pack = alice.pack(name=f"p{n}")
        _fill(alice, pack["id"], 10 * n + 10, 10 * n + 15)
    with count_queries() as many:
        listed = alice.get("/api/packs").get_json()
    assert len(listed) == 9
    assert many.count == few.count <= 3


def test_positions_written_stay_within_what_the_api_accepts(alice):
    """Positions are dense (0..n-1): even after the highest position accepted was asked for,
    the next automatic one is one the API takes back."""
    pack = alice.pack()
    a, b = (alice.item(name=n) for n in "ab")
    first = alice.entry(pack["id"], a["id"], position=1_000_000)
    second = alice.entry(pack["id"], b["id"])
    assert (first["position"], second["position"]) == (0, 1)
    again = alice.patch(f"/api/packs/{pack['id']}/entries/{second['id']}",
                        {"position": second["position"]})
    assert again.status_code == 200
