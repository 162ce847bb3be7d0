"""export_data / import_data of the gear domain (wired into /api/me/export by the lead)."""

import pytest

from pmp.core.errors import ValidationFailed
from pmp.core.extensions import db
from pmp.gear.portability import export_data, import_data


def _strip_ids(doc):
    items = [{k: v for k, v in i.items() if k not in ("id", "created_at", "updated_at")}
             for i in doc["items"]]  # fmt: skip
    packs = [{"name": p["name"], "description": p["description"],
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
         "packs": [{"name": "p", "entries": [{"item_id": 1}, {"item_id": 1}]}]},
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
    assert q.count == 3
