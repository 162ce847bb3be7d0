"""export_data / import_data of the gear domain (wired into /api/me/export by the lead)."""

import pytest

from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.gear.portability import export_data, import_data


def _strip_ids(doc):
    items = [{k: v for k, v in i.items() if k not in ("id", "created_at", "updated_at")}
             for i in doc["items"]]  # fmt: skip
    packs = [{"name": p["name"], "description": p["description"],
              "categories": p["categories"],
              "entries": [{k: v for k, v in e.items() if k != "item_id"} for e in p["entries"]]}
             for p in doc["packs"]]  # fmt: skip
    return items, packs


def test_export_then_import_gives_the_same_gear(app, alice, bob):
    pack = alice.pack(name="Trip", description="d")
    tarp = alice.item(name="Tarp", weight=3.5, weight_unit="oz", price="12.5", currency="USD")
    socks = alice.item(name="Socks", weight=50)
    alice.entry(pack["id"], tarp["id"], quantity="1.5")
    alice.entry(pack["id"], socks["id"], quantity=3, worn=True, worn_quantity=2)
    alice.pack(name="Empty")
    with app.app_context():
        exported = export_data(alice.user.id)
        counts = import_data(bob.user.id, {**exported, "workouts": []})
        db.session.commit()
        again = export_data(bob.user.id)
    assert counts == {"items": 2, "packs": 2, "pack_entries": 2}
    assert exported["items"][0]["weight_mg"] == 99223 and exported["items"][0]["price"] == "12.50"
    assert _strip_ids(again) == _strip_ids(exported)
    bob_pack = bob.get("/api/packs").get_json()[0]
    assert bob_pack["totals"] == alice.get("/api/packs").get_json()[0]["totals"]


@pytest.mark.parametrize(
    "data",
    [
        {"items": [{"id": 1}]},
        {"items": [{"id": 1, "name": "a", "weight_mg": -1}]},
        {"items": [{"id": 1, "name": "a"}, {"id": 1, "name": "b"}]},
        {"items": "nope"},
        {"packs": [{"name": "p", "entries": [{"item_id": 7}]}]},
        {"items": [{"id": 1, "name": "a"}],
         "packs": [{"name": "p", "entries": [{"item_id": 1, "worn": True, "consumable": True}]}]},
        {"packs": [{"name": "p", "owner": 3}]},
    ],
)
def test_bad_import_data_is_a_validation_error(app, alice, data):
    with app.app_context():
        with pytest.raises(ValidationFailed):
            import_data(alice.user.id, data)
        db.session.rollback()
    assert alice.get("/api/items").get_json() == []


def test_export_query_count_is_bounded(app, alice, count_queries):
    pack = alice.pack()
    for n in range(20):
        alice.entry(pack["id"], alice.item(name=f"i{n}")["id"])
    with app.app_context(), count_queries() as q:
        export_data(alice.user.id)
    assert q.count == 4


def test_the_pack_model_comes_back_whole(app, alice, bob):
    """Categories in their order with their colours (an empty one too), each entry in its
    category (not its item's), stars and ticks, item pictures: all exported and imported."""
    pack = alice.pack(name="Trip")
    tent = alice.item(name="Tent", category="Shelter", image_url="https://img.example/t.jpg")
    stove = alice.item(name="Stove", category="Kitchen")
    socks = alice.item(name="Socks", category="")
    alice.entry(pack["id"], stove["id"], star=3, checked=True)
    alice.entry(pack["id"], tent["id"], category="Sleeping", star=1)
    alice.entry(pack["id"], socks["id"], quantity=0)
    water = alice.post(f"/api/packs/{pack['id']}/categories",
                       {"name": "Water", "color": "#123abc", "position": 0}).get_json()
    assert water["position"] == 0
    with app.app_context():
        exported = export_data(alice.user.id)
        import_data(bob.user.id, exported)
        db.session.commit()
        again = export_data(bob.user.id)
    assert _strip_ids(again) == _strip_ids(exported)
    assert [c["name"] for c in again["packs"][0]["categories"]] == [
        "Water", "Kitchen", "Sleeping", ""]
    assert again["packs"][0]["categories"][0]["color"] == "#123abc"
    theirs = alice.get(f"/api/packs/{pack['id']}").get_json()
    ours = bob.get("/api/packs").get_json()[0]
    ours = bob.get(f"/api/packs/{ours['id']}").get_json()
    keep = ("name", "position", "color", "entry_count")
    assert [{k: c[k] for k in keep} for c in ours["categories"]] == \
        [{k: c[k] for k in keep} for c in theirs["categories"]]
    fields = ("category", "position", "star", "checked", "quantity")
    assert [{k: e[k] for k in fields} | {"item": e["item"]["name"],
                                         "image": e["item"]["image_url"]}
            for e in ours["entries"]] == [{k: e[k] for k in fields} | {
                "item": e["item"]["name"], "image": e["item"]["image_url"]}
                for e in theirs["entries"]]
    assert ours["totals"] == theirs["totals"]


def test_a_document_without_categories_takes_them_from_its_items(app, alice):
    """An export made before packs had categories: each entry goes into a category named like
    its item's, made in the order the entries come (by position)."""
    doc = {"items": [{"id": 1, "name": "Tent", "category": "Shelter"},
                     {"id": 2, "name": "Stove", "category": "Kitchen"},
                     {"id": 3, "name": "Tarp", "category": "Shelter"}],
           "packs": [{"name": "Old", "entries": [{"item_id": 1, "position": 9},
                                                 {"item_id": 2, "position": 0},
                                                 {"item_id": 3, "position": 5}]}]}
    with app.app_context():
        import_data(alice.user.id, doc)
        db.session.commit()
    pack = alice.get("/api/packs").get_json()[0]
    pack = alice.get(f"/api/packs/{pack['id']}").get_json()
    assert [c["name"] for c in pack["categories"]] == ["Kitchen", "Shelter"]
    assert [(e["item"]["name"], e["position"]) for e in pack["entries"]] == [
        ("Stove", 0), ("Tarp", 1), ("Tent", 2)]


def test_an_item_twice_in_a_pack_comes_back_twice(app, alice, bob):
    """The pack model lets an item sit in a pack twice (docs/gear.md): such a pack imports."""
    doc = {"items": [{"id": 4, "name": "Gas", "category": "Kitchen"}],
           "packs": [{"name": "p", "entries": [{"item_id": 4, "consumable": True},
                                               {"item_id": 4, "quantity": "2"}]}]}
    with app.app_context():
        import_data(alice.user.id, doc)
        db.session.commit()
        exported = export_data(alice.user.id)
        import_data(bob.user.id, exported)
        db.session.commit()
        again = export_data(bob.user.id)
    assert len(again["items"]) == 1 and len(again["packs"][0]["entries"]) == 2
    assert _strip_ids(again) == _strip_ids(exported)
