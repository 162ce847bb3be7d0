"""HTTP behaviour of /api/items."""

import pytest


def test_create_item_and_read_it_back(alice):
    response = alice.post("/api/items", {
        "name": "Tarp", "category": "Shelter", "description": "Silnylon", "weight": "12.5",
        "weight_unit": "OUNCES", "price": "89.9", "currency": "usd", "url": "https://x.test/t",
    })  # fmt: skip
    assert response.status_code == 201
    item = response.get_json()
    assert response.headers["Location"].endswith(f"/api/items/{item['id']}")
    assert item["weight"] == 12.5 and item["weight_unit"] == "oz"
    assert item["weight_grams"] == 354.369  # 12.5 * 28.349523125, to the milligram
    assert item["price"] == 89.9 and item["currency"] == "USD"
    assert item["pack_count"] == 0
    assert item["created_at"].endswith("Z")
    assert set(item) == {"id", "name", "category", "description", "weight", "weight_unit",
                         "weight_grams", "price", "currency", "url", "image_url", "pack_count",
                         "created_at", "updated_at"}  # fmt: skip
    assert alice.get(f"/api/items/{item['id']}").get_json() == item


def test_defaults_come_from_the_preferences(alice):
    alice.preferences(weight_unit="kg", currency="GBP")
    item = alice.post("/api/items", {"name": "Stove", "weight": 0.25}).get_json()
    assert item["weight_unit"] == "kg" and item["weight"] == 0.25
    assert item["weight_grams"] == 250.0
    assert item["currency"] == "GBP" and item["price"] is None
    assert item["category"] == "" and item["description"] == "" and item["url"] == ""


def test_patch_changes_only_the_fields_sent(alice):
    item = alice.item(name="Cup", weight=100, price=5)
    response = alice.patch(f"/api/items/{item['id']}", {"category": "Kitchen", "price": None})
    assert response.status_code == 200
    changed = response.get_json()
    assert changed["category"] == "Kitchen" and changed["price"] is None
    assert changed["name"] == "Cup" and changed["weight"] == 100


def test_patch_weight_keeps_unit_and_unit_alone_converts(alice):
    item = alice.item(weight=16, weight_unit="oz")
    changed = alice.patch(f"/api/items/{item['id']}", {"weight": 8}).get_json()
    assert changed["weight"] == 8 and changed["weight_unit"] == "oz"
    changed = alice.patch(f"/api/items/{item['id']}", {"weight_unit": "lb"}).get_json()
    assert changed["weight"] == 0.5 and changed["weight_grams"] == changed["weight_grams"]
    changed = alice.patch(f"/api/items/{item['id']}", {"weight": 2, "weight_unit": "kg"})
    assert changed.get_json()["weight_grams"] == 2000.0


def test_delete_item_removes_it_from_every_pack(alice):
    item = alice.item()
    pack = alice.pack()
    alice.entry(pack["id"], item["id"])
    assert alice.get(f"/api/items/{item['id']}").get_json()["pack_count"] == 1
    assert alice.delete(f"/api/items/{item['id']}").status_code == 204
    assert alice.get(f"/api/items/{item['id']}").status_code == 404
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["entries"] == []


def test_list_filters_sorts_and_pages(alice):
    alice.item(name="b tent", category="Shelter", weight=900)
    alice.item(name="A stove", category="Kitchen", weight=300, description="gas 100%")
    alice.item(name="c pot", category="Kitchen", weight=120)
    names = lambda r: [i["name"] for i in r.get_json()]  # noqa: E731
    response = alice.get("/api/items")
    assert response.headers["X-Total-Count"] == "3"
    assert names(response) == ["A stove", "b tent", "c pot"]
    assert names(alice.get("/api/items?sort=-weight")) == ["b tent", "A stove", "c pot"]
    assert names(alice.get("/api/items?sort=category")) == ["A stove", "c pot", "b tent"]
    assert names(alice.get("/api/items?sort=created_at")) == ["b tent", "A stove", "c pot"]
    assert names(alice.get("/api/items?category=Kitchen")) == ["A stove", "c pot"]
    assert names(alice.get("/api/items?q=TENT")) == ["b tent"]
    assert names(alice.get("/api/items?q=100%25")) == ["A stove"]  # % is literal
    assert names(alice.get("/api/items?q=_")) == []
    page = alice.get("/api/items?limit=1&offset=1")
    assert names(page) == ["b tent"] and page.headers["X-Total-Count"] == "3"
    assert alice.get("/api/items?offset=10").get_json() == []


def test_empty_inventory_is_an_empty_list(alice):
    response = alice.get("/api/items")
    assert response.status_code == 200 and response.get_json() == []
    assert response.headers["X-Total-Count"] == "0"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 201},
        {"name": "A", "description": "x" * 10_001},
        {"name": "A", "weight": -1},
        {"name": "A", "weight": "heavy"},
        {"name": "A", "weight": True},
        {"name": "A", "weight": "NaN"},
        {"name": "A", "weight": 1e300},
        {"name": "A", "weight": 2000, "weight_unit": "kg"},
        {"name": "A", "weight_unit": "stone"},
        {"name": "A", "price": -1},
        {"name": "A", "price": "1.234"},
        {"name": "A", "currency": "EURO"},
        {"name": "A", "currency": "XXX"},
        {"name": "A", "url": "javascript:alert(1)"},
        {"name": "A", "user_id": 2},
        {"name": "A", "id": 5},
        {"name": ["A"]},
        {"name": None},
        {"name": "A\x00B"},
        {"name": "A", "category": "\x00"},
        {"name": "A", "description": "x\x00"},
    ],
)
def test_garbage_item_input_is_a_422(alice, body):
    response = alice.post("/api/items", body)
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["code"] == "validation_error"
    assert "fields" in response.get_json()
    assert alice.get("/api/items").get_json() == []


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "offset=-1", "sort=weight;drop",
                                   "limit=abc", "q=" + "x" * 201,
                                   "q=%00", "category=%00"])
def test_garbage_list_arguments_are_a_422(alice, query):
    assert alice.get(f"/api/items?{query}").status_code == 422


@pytest.mark.parametrize("path", ["/api/items/99999999999999999999", "/api/items/-1",
                                  "/api/items/2147483648", "/api/items/abc"])
def test_ids_out_of_range_are_a_404(alice, path):
    response = alice.get(path)
    assert response.status_code == 404 and response.get_json()["code"] == "not_found"


def test_not_json_is_a_4xx_envelope(alice):
    response = alice.client.post("/api/items", data="{bad", headers={
        **alice.headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["code"] == "bad_request"
    assert alice.post("/api/items", [1, 2]).status_code == 422


def test_items_need_a_token(client):
    response = client.get("/api/items")
    assert response.status_code == 401
    assert response.get_json()["code"] == "unauthorized"


def test_another_users_item_is_a_404_and_stays_unchanged(alice, bob):
    item = alice.item(name="Mine")
    path = f"/api/items/{item['id']}"
    for response in (bob.get(path), bob.patch(path, {"name": "Stolen"}), bob.delete(path)):
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_found"
    assert bob.get("/api/items").get_json() == []
    assert alice.get(path).get_json() == item


def test_item_list_query_count_does_not_grow(alice, count_queries):
    pack = alice.pack()
    for n in range(2):
        alice.entry(pack["id"], alice.item(name=f"i{n}")["id"])
    with count_queries() as few:
        alice.get("/api/items")
    other = alice.pack(name="Other")
    for n in range(2, 30):
        item = alice.item(name=f"i{n}")
        alice.entry(pack["id"], item["id"])
        alice.entry(other["id"], item["id"])
    with count_queries() as many:
        response = alice.get("/api/items?limit=200")
    assert len(response.get_json()) == 30
    assert response.get_json()[-1]["pack_count"] == 2
    assert many.count == few.count <= 4


def test_categories_of_the_inventory(alice, bob):
    assert alice.get("/api/items/categories").get_json() == []
    for name, category in (("Tent", "Shelter"), ("Pot", "kitchen"), ("Stove", "Kitchen"),
                           ("Cup", "kitchen"), ("Rock", "")):
        alice.item(name=name, category=category)
    bob.item(name="Bob's", category="Bob only")
    response = alice.get("/api/items/categories")
    assert response.status_code == 200
    assert response.get_json() == ["", "Kitchen", "kitchen", "Shelter"]
    # Each one is a filter of the item list, "" the items without a category.
    names = [i["name"] for i in alice.get("/api/items?category=").get_json()]
    assert names == ["Rock"]
    assert bob.get("/api/items/categories").get_json() == ["Bob only"]
    assert alice.client.get("/api/items/categories").status_code == 401


def test_categories_cost_one_query(alice, count_queries):
    for n in range(20):
        alice.item(name=f"i{n}", category=f"c{n % 7}")
    with count_queries() as queries:
        assert len(alice.get("/api/items/categories").get_json()) == 7
    assert queries.count <= 2  # the token's user, the categories


def test_pack_count_counts_packs_not_entries(alice):
    """An import may put an item into a pack twice (once consumable); it is still one pack."""
    csv = ("Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable\n"
           "Gas,Kitchen,,1,100,gram,,,,\nGas,Kitchen,,1,100,gram,,,,Consumable\n")
    imported = alice.client.post("/api/packs/import", data=csv, headers={
        **alice.headers, "Content-Type": "text/csv"})
    assert imported.status_code == 201, imported.get_json()
    pack = imported.get_json()
    assert len(pack["entries"]) == 2
    assert {e["item"]["pack_count"] for e in pack["entries"]} == {1}
    item_id = pack["entries"][0]["item_id"]
    assert alice.get(f"/api/items/{item_id}").get_json()["pack_count"] == 1
    assert alice.get("/api/items").get_json()[0]["pack_count"] == 1
