"""Sharing packs publicly and Lighterpack CSV export/import over HTTP."""

import io

import pytest
from sqlalchemy import func, select

from pmp.core.extensions import db
from pmp.gear.lighterpack import MAX_BYTES
from pmp.gear.models import Item, Pack, PackEntry

HEADER = "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable"


def _shared_pack(alice):
    pack = alice.pack(name="Sierra High Route", description="Late summer")
    tent = alice.item(name="Tent", category="Shelter", weight=1000, price=300)
    alice.entry(pack["id"], tent["id"])
    alice.entry(pack["id"], alice.item(name="Fleece", category="Clothing", weight=300)["id"],
                worn=True)  # fmt: skip
    return pack


def test_share_is_idempotent_and_public_until_unshared(alice, client):
    pack = _shared_pack(alice)
    response = alice.post(f"/api/packs/{pack['id']}/share")
    assert response.status_code == 200
    share = response.get_json()
    assert len(share["share_code"]) >= 32
    assert share["share_url"] == f"http://localhost/r/{share['share_code']}"
    assert alice.post(f"/api/packs/{pack['id']}/share").get_json() == share
    assert alice.get(f"/api/packs/{pack['id']}").get_json()["share_code"] == share["share_code"]

    public = client.get(f"/api/shared/{share['share_code']}")  # no token
    assert public.status_code == 200
    doc = public.get_json()
    own = alice.get(f"/api/packs/{pack['id']}").get_json()
    assert doc["name"] == "Sierra High Route" and doc["totals"] == own["totals"]
    assert [e["item"]["name"] for e in doc["entries"]] == ["Tent", "Fleece"]
    assert "user_id" not in doc and "username" not in str(doc)
    assert all("pack_count" not in e["item"] for e in doc["entries"])
    in_kg = client.get(f"/api/shared/{share['share_code']}?unit=kg").get_json()
    assert in_kg["totals"]["unit"] == "kg" and in_kg["totals"]["total"] == 1.3
    csv_response = client.get(f"/api/shared/{share['share_code']}/export.csv")
    assert csv_response.status_code == 200
    assert csv_response.data.decode().startswith(HEADER)

    assert alice.delete(f"/api/packs/{pack['id']}/share").status_code == 204
    for path in (f"/api/shared/{share['share_code']}",
                 f"/api/shared/{share['share_code']}/export.csv"):
        gone = client.get(path)
        assert gone.status_code == 404 and gone.get_json()["code"] == "not_found"
    again = alice.post(f"/api/packs/{pack['id']}/share").get_json()
    assert again["share_code"] != share["share_code"]


def test_unknown_share_code_is_a_404(client):
    assert client.get("/api/shared/nope").status_code == 404
    assert client.get("/api/shared/" + "x" * 500).status_code == 404
    assert client.get("/api/shared/%00").status_code == 404
    assert client.get("/api/shared/a%20b/export.csv").status_code == 404


def test_export_csv(alice):
    pack = alice.pack(name='Würst "case"/..\\pack')
    cup = alice.item(name="=cmd|' /C calc'!A0", category="Kitchen", weight=3.5,
                     weight_unit="oz", price="4.5")  # fmt: skip
    alice.entry(pack["id"], cup["id"], quantity=2, consumable=True)
    response = alice.get(f"/api/packs/{pack['id']}/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="W-rst-case-pack.csv"'
    assert response.data.decode().split("\r\n")[:2] == [
        HEADER, "'=cmd|' /C calc'!A0,Kitchen,,2,3.5,ounce,,4.50,,Consumable",
    ]


def test_import_text_csv_then_export_round_trips(alice):
    data = "\ufeff" + "\r\n".join([
        "item name,category,desc,qty,weight,unit,url,price,worn,consumable",
        "Tent,Shelter,Two person,1,1.2,kilograms,https://tents.test,399.95,,",
        "Socks,Clothing,,2,50,Grams,,,Worn,",
        "Gas,Kitchen,,1,230,g,,,,Consumable",
        "Socks,Clothing,,1,50,g,,,,",
    ])  # fmt: skip
    response = alice.client.post("/api/packs/import?name=From+LP", data=data.encode(),
                                 headers={**alice.headers, "Content-Type": "text/csv"})
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    assert response.headers["Location"].endswith(f"/api/packs/{pack['id']}")
    assert pack["name"] == "From LP"
    assert [(e["item"]["name"], e["quantity"]) for e in pack["entries"]] == [
        ("Tent", 1), ("Socks", 3), ("Gas", 1)]
    assert pack["totals"]["grams"]["total"] == 1200 + 150 + 230
    assert pack["totals"]["price"] == {"EUR": 399.95}
    assert pack["warnings"] == [
        {"line": 5, "message": "Same item as line 3: merged into one entry (quantities added)."}]
    exported = alice.get(f"/api/packs/{pack['id']}/export.csv").data
    again = alice.client.post("/api/packs/import", data=exported,
                              headers={**alice.headers, "Content-Type": "text/csv"})
    assert again.status_code == 201
    assert again.get_json()["totals"] == pack["totals"]
    assert again.get_json()["name"] == "Imported pack"
    assert again.get_json()["warnings"] == []
    # Identical items are reused, not duplicated.
    assert alice.get("/api/items").headers["X-Total-Count"] == "3"


def test_import_multipart_with_form_name(alice):
    data = f"{HEADER}\nCup,Kitchen,,1,2,oz,,,,\n".encode()
    response = alice.client.post(
        "/api/packs/import", headers=alice.headers, content_type="multipart/form-data",
        data={"file": (io.BytesIO(data), "list.csv"), "name": "Kitchen kit"},
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["name"] == "Kitchen kit"
    assert response.get_json()["entries"][0]["item"]["weight_unit"] == "oz"


def test_malformed_csv_is_a_422_with_every_bad_line_and_nothing_saved(alice):
    data = "\n".join([HEADER, "Ok,,,1,10,g,,,,", "Bad,,,1,-10,g,,,,", ",,,1,1,g,,,,",
                      "Words,,,one,1,g,,,,"]).encode()  # fmt: skip
    response = alice.client.post("/api/packs/import", data=data,
                                 headers={**alice.headers, "Content-Type": "text/csv"})
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error"
    assert list(body["fields"]) == ["line 3", "line 4", "line 5"]
    assert alice.get("/api/packs").get_json() == []
    assert alice.get("/api/items").get_json() == []


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        (b"", "text/csv", 422),
        (b"\x00\xff\xfe", "text/csv", 422),
        (b"just,a,header\n", "text/csv", 422),
        (b'{"a": 1}', "application/json", 415),
        (b"x" * (MAX_BYTES + 1), "text/csv", 413),
    ],
)
def test_garbage_imports(alice, data, content_type, status):
    response = alice.client.post("/api/packs/import", data=data,
                                 headers={**alice.headers, "Content-Type": content_type})
    assert response.status_code == status, response.get_json()
    assert response.get_json()["code"]
    assert alice.get("/api/packs").get_json() == []


def test_oversized_multipart_upload_is_a_413(alice):
    response = alice.client.post(
        "/api/packs/import", headers=alice.headers, content_type="multipart/form-data",
        data={"file": (io.BytesIO(b"Item Name\n" + b"x" * MAX_BYTES), "big.csv")},
    )
    assert response.status_code == 413
    assert response.get_json()["code"] == "payload_too_large"


def test_multipart_without_file_and_bad_name(alice):
    no_file = alice.client.post("/api/packs/import", headers=alice.headers,
                                content_type="multipart/form-data", data={"name": "x"})
    assert no_file.status_code == 422
    long_name = alice.client.post(
        "/api/packs/import?name=" + "x" * 201, data=f"{HEADER}\nA,,,1,1,g,,,,\n".encode(),
        headers={**alice.headers, "Content-Type": "text/csv"})
    assert long_name.status_code == 422
    long_form_name = alice.client.post(
        "/api/packs/import", headers=alice.headers, content_type="multipart/form-data",
        data={"file": (io.BytesIO(f"{HEADER}\nA,,,1,1,g,,,,\n".encode()), "a.csv"),
              "name": "x" * 201})  # fmt: skip
    assert long_form_name.status_code == 422
    assert long_form_name.get_json()["fields"] == {"name": ["Length must be between 1 and 200."]}
    assert alice.get("/api/packs").get_json() == []


def test_import_needs_a_token(client):
    response = client.post("/api/packs/import", data=b"Item Name\nA\n",
                           headers={"Content-Type": "text/csv"})
    assert response.status_code == 401


def _import(alice, rows):
    data = HEADER + "\n" + "".join(f"item {n},c{n % 4},,1,{n},g,,,,\n" for n in range(rows))
    return alice.client.post("/api/packs/import", data=data.encode(),
                             headers={**alice.headers, "Content-Type": "text/csv"})


def test_import_query_count_does_not_grow(alice, count_queries):
    with count_queries() as few:
        assert _import(alice, 3).status_code == 201
    with count_queries() as many:
        response = _import(alice, 400)
    assert response.status_code == 201 and response.get_json()["entry_count"] == 400
    assert many.count == few.count <= 12


def test_deleting_the_account_deletes_its_gear_and_shares(app, alice, bob, client):
    pack = _shared_pack(alice)
    code = alice.post(f"/api/packs/{pack['id']}/share").get_json()["share_code"]
    bob.item(name="Bob keeps this")
    response = alice.client.delete("/api/me", json={"password": alice.user.password},
                                   headers=alice.headers)
    assert response.status_code == 204
    assert client.get(f"/api/shared/{code}").status_code == 404
    with app.app_context():
        counts = [db.session.scalar(select(func.count()).select_from(m))
                  for m in (Item, Pack, PackEntry)]  # fmt: skip
    assert counts == [1, 0, 0]


def test_export_import_keeps_totals_with_worn_quantity_and_currencies(alice):
    pack = alice.pack()
    poles = alice.item(name="Poles", weight=9.1, weight_unit="oz", price=120, currency="USD")
    socks = alice.item(name="=Socks", weight=0.11, weight_unit="lb", price="14.99")
    alice.entry(pack["id"], poles["id"], quantity=2, worn=True, worn_quantity=2)
    alice.entry(pack["id"], socks["id"], quantity="2.5", worn=True)
    exported = alice.get(f"/api/packs/{pack['id']}/export.csv").data.decode()
    assert exported.split("\r\n")[0].endswith(",consumable,worn_qty,currency")
    imported = alice.client.post("/api/packs/import", data=exported.encode(),
                                 headers={**alice.headers, "Content-Type": "text/csv"})
    assert imported.status_code == 201
    original = alice.get(f"/api/packs/{pack['id']}").get_json()
    assert imported.get_json()["totals"] == original["totals"]
    assert original["totals"]["price"] == {"USD": 240.0, "EUR": 37.48}
    assert alice.get("/api/items").headers["X-Total-Count"] == "2"  # both reused
