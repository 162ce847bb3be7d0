"""No input gives a 500: random JSON bodies and query strings against every gear write."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = ["name", "category", "description", "weight", "weight_unit", "price", "currency",
          "url", "item_id", "item", "quantity", "worn", "consumable", "worn_quantity",
          "position", "id", "user_id"]  # fmt: skip
scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
           | st.sampled_from(["1", "-1", "1e400", "NaN", "0.0001", "oz", "EUR", "\x00"]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=6)  # fmt: skip
bodies = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6) | json_values

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(body=bodies)
def test_random_bodies_never_crash(alice, body):
    item = alice.item()
    pack = alice.pack()
    entry = alice.post(f"/api/packs/{pack['id']}/entries", {"item_id": item["id"]}).get_json()
    targets = [
        ("post", "/api/items"), ("patch", f"/api/items/{item['id']}"),
        ("post", "/api/packs"), ("patch", f"/api/packs/{pack['id']}"),
        ("post", f"/api/packs/{pack['id']}/entries"),
        ("patch", f"/api/packs/{pack['id']}/entries/{entry['id']}"),
    ]  # fmt: skip
    for method, path in targets:
        response = getattr(alice, method)(path, body)
        assert response.status_code < 500, (method, path, body, response.get_json())
        assert response.is_json


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["q", "category", "sort", "limit", "offset",
                                              "unit"]), st.text(max_size=20), max_size=4))
def test_random_query_strings_never_crash(alice, query):
    pack = alice.pack()
    for path in ("/api/items", "/api/packs", f"/api/packs/{pack['id']}"):
        response = alice.get(path, query_string=query)
        assert response.status_code in (200, 422), (path, query, response.get_json())


@FUZZ
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_csv_never_crashes(alice, data):
    response = alice.client.post("/api/packs/import", data=b"Item Name,weight,qty\n" + data,
                                 headers={**alice.headers, "Content-Type": "text/csv"})
    assert response.status_code in (201, 422), response.get_json()
