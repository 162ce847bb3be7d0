"""Per-pack categories, moves that keep the order dense, stars, the packing checklist."""

import threading

import pytest

from pmp.gear.categories import PALETTE


def detail(alice, pack_id):
    response = alice.get(f"/api/packs/{pack_id}")
    assert response.status_code == 200
    return response.get_json()


def assert_dense(pack: dict) -> None:
    """Positions are 0..n-1, entries grouped by category in the categories' order."""
    entries = pack["entries"]
    assert [e["position"] for e in entries] == list(range(len(entries)))
    order = [c["id"] for c in pack["categories"]]
    assert [c["position"] for c in pack["categories"]] == list(range(len(order)))
    seen = [order.index(e["category_id"]) for e in entries]
    assert seen == sorted(seen)
    counts = {c["id"]: c["entry_count"] for c in pack["categories"]}
    assert sum(counts.values()) == len(entries)


def names(pack: dict) -> list[tuple[str, str]]:
    return [(e["category"], e["item"]["name"]) for e in pack["entries"]]


@pytest.fixture
def trip(alice):
    """A pack with Shelter (tent, tarp), Kitchen (stove) and an empty Water category."""
    pack = alice.pack(name="Trip")
    tent = alice.item(name="Tent", category="Shelter", weight=1000)
    tarp = alice.item(name="Tarp", category="Shelter", weight=300)
    stove = alice.item(name="Stove", category="Kitchen", weight=80)
    for item in (tent, stove, tarp):
        alice.entry(pack["id"], item["id"])
    water = alice.post(f"/api/packs/{pack['id']}/categories", {"name": "Water"})
    assert water.status_code == 201
    return detail(alice, pack["id"])


def test_entries_go_into_the_pack_category_named_like_the_item(trip):
    assert [c["name"] for c in trip["categories"]] == ["Shelter", "Kitchen", "Water"]
    assert names(trip) == [("Shelter", "Tent"), ("Shelter", "Tarp"), ("Kitchen", "Stove")]
    assert [c["color"] for c in trip["categories"]] == list(PALETTE[:3])
    totals = trip["totals"]["categories"]
    assert [(c["category"], c["total"]) for c in totals] == [
        ("Shelter", 1300.0), ("Kitchen", 80.0), ("Water", 0.0)]
    assert [c["color"] for c in totals] == list(PALETTE[:3])
    assert_dense(trip)


def test_an_empty_category_is_kept_and_a_name_is_unique_per_pack(alice, trip):
    again = alice.post(f"/api/packs/{trip['id']}/categories", {"name": "Water"})
    assert again.status_code == 409 and again.get_json()["code"] == "conflict"
    other = alice.pack(name="Other")
    assert alice.post(f"/api/packs/{other['id']}/categories", {"name": "Water"}).status_code == 201
    listed = alice.get(f"/api/packs/{trip['id']}/categories").get_json()
    assert [(c["name"], c["entry_count"]) for c in listed] == [
        ("Shelter", 2), ("Kitchen", 1), ("Water", 0)]


def test_renaming_a_category_touches_only_this_pack(alice, trip):
    other = alice.pack(name="Other")
    tent = trip["entries"][0]["item"]
    alice.entry(other["id"], tent["id"])
    shelter = trip["categories"][0]
    renamed = alice.patch(f"/api/packs/{trip['id']}/categories/{shelter['id']}",
                          {"name": "Sleep system"})
    assert renamed.status_code == 200 and renamed.get_json()["name"] == "Sleep system"
    assert detail(alice, trip["id"])["entries"][0]["category"] == "Sleep system"
    assert detail(alice, other["id"])["entries"][0]["category"] == "Shelter"
    assert alice.get(f"/api/items/{tent['id']}").get_json()["category"] == "Shelter"
    clash = alice.patch(f"/api/packs/{trip['id']}/categories/{shelter['id']}", {"name": "Kitchen"})
    assert clash.status_code == 409


def test_colours_can_be_set_and_reset_to_the_palette(alice, trip):
    kitchen = trip["categories"][1]
    url = f"/api/packs/{trip['id']}/categories/{kitchen['id']}"
    assert alice.patch(url, {"color": "#ABCDEF"}).get_json()["color"] == "#abcdef"
    assert alice.patch(url, {"color": "red"}).status_code == 422
    assert alice.patch(url, {"color": "#abcdef\n"}).status_code == 422
    reset = alice.patch(url, {"color": None}).get_json()["color"]
    assert reset in PALETTE and reset not in (PALETTE[0], PALETTE[2])  # not a sibling's colour


def test_moving_a_category_moves_its_entries_and_the_totals(alice, trip):
    kitchen = trip["categories"][1]
    alice.patch(f"/api/packs/{trip['id']}/categories/{kitchen['id']}", {"position": 0})
    pack = detail(alice, trip["id"])
    assert [c["name"] for c in pack["categories"]] == ["Kitchen", "Shelter", "Water"]
    assert names(pack)[0] == ("Kitchen", "Stove")
    assert [c["category"] for c in pack["totals"]["categories"]] == [
        "Kitchen", "Shelter", "Water"]
    assert_dense(pack)


def test_moving_an_entry_within_and_across_categories(alice, trip):
    pid = trip["id"]
    tarp = trip["entries"][1]
    water = trip["categories"][2]
    moved = alice.patch(f"/api/packs/{pid}/entries/{tarp['id']}", {"index": 0})
    assert moved.status_code == 200
    assert names(detail(alice, pid))[:2] == [("Shelter", "Tarp"), ("Shelter", "Tent")]
    across = alice.patch(f"/api/packs/{pid}/entries/{tarp['id']}",
                         {"category_id": water["id"], "index": 0}).get_json()
    assert across["category"] == "Water" and across["category_id"] == water["id"]
    pack = detail(alice, pid)
    assert names(pack) == [("Shelter", "Tent"), ("Kitchen", "Stove"), ("Water", "Tarp")]
    assert pack["totals"]["categories"][2]["total"] == 300.0
    assert_dense(pack)
    # the legacy pack-wide position moves within the category only
    alice.patch(f"/api/packs/{pid}/entries/{pack['entries'][0]['id']}", {"position": 2})
    assert names(detail(alice, pid))[0] == ("Shelter", "Tent")


def test_adding_into_a_category_by_id_name_and_index(alice, trip):
    pid = trip["id"]
    kitchen = trip["categories"][1]
    pot = alice.item(name="Pot", category="Cookware")
    added = alice.entry(pid, pot["id"], category_id=kitchen["id"], index=0)
    assert added["category"] == "Kitchen"
    new = alice.entry(pid, alice.item(name="Filter")["id"], category="Water")
    assert new["category"] == "Water"
    made = alice.entry(pid, alice.item(name="Map")["id"], category="Navigation")
    assert made["category"] == "Navigation"
    inline = alice.post(f"/api/packs/{pid}/entries",
                        {"item": {"name": "Spork", "weight": 10}, "category_id": kitchen["id"]})
    assert inline.status_code == 201
    pack = detail(alice, pid)
    assert names(pack) == [
        ("Shelter", "Tent"), ("Shelter", "Tarp"), ("Kitchen", "Pot"), ("Kitchen", "Stove"),
        ("Kitchen", "Spork"), ("Water", "Filter"), ("Navigation", "Map")]
    assert_dense(pack)
    assert alice.post(f"/api/packs/{pid}/entries", {"item_id": pot["id"]}).status_code == 409
    both = alice.post(f"/api/packs/{pid}/entries", {"item_id": alice.item(name="x")["id"],
                                                    "category": "A", "category_id": 1})
    assert both.status_code == 422


def test_deleting_a_category_takes_its_entries_out_keeping_the_items(alice, trip):
    pid = trip["id"]
    shelter = trip["categories"][0]
    assert alice.delete(f"/api/packs/{pid}/categories/{shelter['id']}").status_code == 204
    pack = detail(alice, pid)
    assert names(pack) == [("Kitchen", "Stove")]
    assert [c["name"] for c in pack["categories"]] == ["Kitchen", "Water"]
    assert_dense(pack)
    assert alice.get("/api/items").headers["X-Total-Count"] == "3"
    assert alice.delete(f"/api/packs/{pid}/categories/{shelter['id']}").status_code == 404


def test_deleting_an_entry_keeps_the_order_dense(alice, trip):
    pid = trip["id"]
    assert alice.delete(f"/api/packs/{pid}/entries/{trip['entries'][0]['id']}").status_code == 204
    assert_dense(detail(alice, pid))


def test_a_category_from_another_pack_is_a_404(alice, bob, trip):
    other = alice.pack(name="Other")
    category = alice.post(f"/api/packs/{other['id']}/categories", {"name": "Mine"}).get_json()
    entry = trip["entries"][0]
    moved = alice.patch(f"/api/packs/{trip['id']}/entries/{entry['id']}",
                        {"category_id": category["id"]})
    assert moved.status_code == 404
    assert alice.patch(f"/api/packs/{trip['id']}/categories/{category['id']}",
                       {"name": "x"}).status_code == 404
    assert detail(alice, trip["id"]) == trip


def test_stars_and_the_packing_checklist(alice, trip):
    pid = trip["id"]
    first, second = trip["entries"][0], trip["entries"][2]
    assert alice.patch(f"/api/packs/{pid}/entries/{first['id']}", {"star": 3}).status_code == 200
    assert alice.patch(f"/api/packs/{pid}/entries/{first['id']}", {"star": 4}).status_code == 422
    for entry in (first, second):
        ticked = alice.patch(f"/api/packs/{pid}/entries/{entry['id']}", {"checked": True})
        assert ticked.get_json()["checked"] is True
    pack = detail(alice, pid)
    assert pack["checked_count"] == 2 and pack["entries"][0]["star"] == 3
    assert alice.get("/api/packs").get_json()[0]["checked_count"] == 2
    reset = alice.post(f"/api/packs/{pid}/checklist/reset")
    assert reset.status_code == 200 and reset.get_json()["checked_count"] == 0
    assert not any(e["checked"] for e in reset.get_json()["entries"])
    assert reset.get_json()["entries"][0]["star"] == 3


def test_a_shared_pack_shows_categories_and_stars_but_not_the_checklist(alice, client, trip):
    pid = trip["id"]
    alice.patch(f"/api/packs/{pid}/entries/{trip['entries'][0]['id']}", {"checked": True})
    code = alice.post(f"/api/packs/{pid}/share").get_json()["share_code"]
    shared = client.get(f"/api/shared/{code}").get_json()
    assert [c["name"] for c in shared["categories"]] == ["Shelter", "Kitchen", "Water"]
    assert all("checked" not in e for e in shared["entries"])
    assert "checked_count" not in shared


def test_quantity_zero_is_an_entry_that_weighs_nothing(alice, trip):
    pid = trip["id"]
    entry = trip["entries"][0]
    changed = alice.patch(f"/api/packs/{pid}/entries/{entry['id']}",
                          {"quantity": 0, "worn": True})
    assert changed.status_code == 200 and changed.get_json()["quantity"] == 0
    totals = detail(alice, pid)["totals"]
    assert totals["total"] == 380.0 and totals["worn"] == 0.0


def test_an_item_image_must_be_a_web_url(alice):
    item = alice.item(image_url="https://img.example/tent.jpg")
    assert item["image_url"] == "https://img.example/tent.jpg"
    bad = alice.patch(f"/api/items/{item['id']}", {"image_url": "javascript:alert(1)"})
    assert bad.status_code == 422
    assert alice.patch(f"/api/items/{item['id']}", {"image_url": ""}).get_json()["image_url"] == ""


def test_duplicate_copies_categories_colours_and_stars_not_ticks(alice, trip):
    pid = trip["id"]
    alice.patch(f"/api/packs/{pid}/entries/{trip['entries'][0]['id']}",
                {"star": 1, "checked": True})
    alice.patch(f"/api/packs/{pid}/categories/{trip['categories'][2]['id']}",
                {"color": "#123456"})
    copy = alice.post(f"/api/packs/{pid}/duplicate").get_json()
    original = detail(alice, pid)
    strip = lambda cs: [{k: v for k, v in c.items() if k != "id"} for c in cs]  # noqa: E731
    assert strip(copy["categories"]) == strip(original["categories"])
    assert names(copy) == names(original) and copy["totals"] == original["totals"]
    assert copy["entries"][0]["star"] == 1 and copy["checked_count"] == 0


def test_concurrent_moves_keep_positions_dense(app, alice, trip):
    pid = trip["id"]
    extra = [alice.entry(pid, alice.item(name=f"x{n}", category="Kitchen")["id"])
             for n in range(6)]
    categories = trip["categories"]
    barrier, results = threading.Barrier(6), []

    def move(entry, category):
        client = app.test_client()
        barrier.wait()
        results.append(client.patch(f"/api/packs/{pid}/entries/{entry['id']}",
                                    json={"category_id": category["id"], "index": 0},
                                    headers=alice.headers).status_code)

    threads = [threading.Thread(target=move, args=(entry, categories[n % 3]))
               for n, entry in enumerate(extra)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results == [200] * 6
    assert_dense(detail(alice, pid))


def test_category_list_and_detail_queries_do_not_grow(alice, count_queries):
    small, large = alice.pack(name="s"), alice.pack(name="l")
    for pack, count in ((small, 1), (large, 12)):
        for n in range(count):
            alice.post(f"/api/packs/{pack['id']}/categories", {"name": f"c{n}"})
    counts = []
    for pack in (small, large):
        with count_queries() as queries:
            alice.get(f"/api/packs/{pack['id']}/categories")
            alice.get(f"/api/packs/{pack['id']}")
        counts.append(queries.count)
    assert counts[0] == counts[1]
