"""Importing real-looking Lighterpack and spreadsheet files over HTTP: 201 with `warnings`
by line, the pack named after the file, refusals that create nothing.

Quantity 0 and the same item twice in one pack (consumable and not) are tested at the parser
level (test_gear_lighterpack_repairs.py) until the pack model accepts them.
"""

import io
from pathlib import Path

import pytest

from pmp.gear.pack_csv import pack_name_from_file

DATA = Path(__file__).parent / "data"


def upload(alice, name, form_name=None, filename=None):
    data = {"file": (io.BytesIO((DATA / name).read_bytes()), filename or name)}
    if form_name:
        data["name"] = form_name
    return alice.client.post("/api/packs/import", headers=alice.headers,
                             content_type="multipart/form-data", data=data)


def post_csv(alice, body):
    return alice.client.post("/api/packs/import", data=body,
                             headers={**alice.headers, "Content-Type": "text/csv"})


def test_a_lighterpack_export_imports_with_warnings_and_the_files_name(alice):
    response = upload(alice, "Summer_Trip.csv")
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    assert pack["name"] == "Summer Trip"
    assert response.headers["Location"].endswith(f"/api/packs/{pack['id']}")
    assert [(w["line"], w["message"].split(" ")[0]) for w in pack["warnings"]] == [
        (2, "url"), (2, "price"), (3, "url"), (3, "price"), (4, "url"), (7, "Marked")]
    assert pack["warnings"][-1]["message"].startswith(
        "Marked both worn and consumable: imported as consumable, not worn")
    entries = {e["item"]["name"]: e for e in pack["entries"]}
    assert [e["item"]["name"] for e in pack["entries"]] == [
        "Tarp", "Guylines", "Quilt", "Pot", "Gas", "Trail mix", "Fleece"]
    assert entries["Tarp"]["item"]["url"] == "https://www.example-outdoor.test/tarp"
    assert entries["Tarp"]["item"]["price"] == 89.95
    assert entries["Guylines"]["item"]["url"] == "https://example.test/guy%20line%20kit"
    assert entries["Quilt"]["item"]["description"] == "Link: see notes"
    assert entries["Quilt"]["item"]["url"] == ""
    assert (entries["Trail mix"]["worn"], entries["Trail mix"]["consumable"]) == (False, True)
    grams = pack["totals"]["grams"]
    assert grams == {"total": 1983.67, "worn": 300.0, "consumable": 430.0, "base": 1253.67,
                     "pack": 1683.67}  # fmt: skip
    assert pack["totals"]["price"] == {"EUR": 353.73}

    exported = alice.get(f"/api/packs/{pack['id']}/export.csv").data
    again = post_csv(alice, exported)
    assert again.status_code == 201
    assert again.get_json()["warnings"] == []
    assert again.get_json()["totals"] == pack["totals"]
    assert alice.get("/api/items").headers["X-Total-Count"] == "7"  # all reused


def test_a_spreadsheet_with_sections_totals_and_extra_columns(alice):
    response = post_csv(alice, (DATA / "spreadsheet_sections.csv").read_bytes())
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    assert pack["name"] == "Imported pack"  # a text/csv body has no file name
    assert [e["item"]["name"] for e in pack["entries"]] == ["Tent", "Stakes", "Quilt", "Pad"]
    assert [e["item"]["weight_unit"] for e in pack["entries"]] == ["kg", "g", "lb", "oz"]
    assert pack["warnings"] == [
        {"line": 1, "message": "Column 11 'Notes' is not a column pmp reads: ignored."},
        {"line": 1, "message": "Column 12 'Bought' is not a column pmp reads: ignored."},
        {"line": 2, "message": "Section heading 'Shelter' skipped (a row with only a name, no "
                               "qty, weight or unit, is not an item)."},
        {"line": 5, "message": "Total row 'Subtotal' skipped (pmp computes totals itself)."},
        {"line": 6, "message": "Section heading 'Sleep' skipped (a row with only a name, no "
                               "qty, weight or unit, is not an item)."},
        {"line": 8, "message": "Column 13 has no header: its values are ignored."},
        {"line": 9, "message": "Total row 'Total:' skipped (pmp computes totals itself)."},
        {"line": 10, "message": "Total row 'Base weight (g)' skipped (pmp computes totals "
                                "itself)."},
    ]  # fmt: skip
    assert pack["totals"]["grams"]["total"] == 500 + 60 + 566.99 + 340.19


def test_a_headerless_file_with_a_name_given(alice):
    response = upload(alice, "headerless.csv", form_name="Alps")
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    assert pack["name"] == "Alps"  # a given name wins over the file's
    assert [w["line"] for w in pack["warnings"]] == [1]
    assert pack["warnings"][0]["message"].startswith("No header row")
    assert [(e["item"]["name"], e["worn"], e["consumable"]) for e in pack["entries"]] == [
        ("Tent", False, False), ("Stakes", False, False), ("Stove", False, False),
        ("Fuel", False, True), ("Jacket", True, False)]  # fmt: skip


def test_a_windows_1252_file(alice):
    response = upload(alice, "windows1252.csv")
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    assert pack["name"] == "windows1252"
    assert [e["item"]["name"] for e in pack["entries"]] == ["Crème solaire", "Mütze",
                                                            "Daunenjacke"]  # fmt: skip
    assert pack["entries"][0]["item"]["description"] == "Tube 50 ml, 9,90 €"
    assert [w["line"] for w in pack["warnings"]] == [1]


def test_an_ordinary_import_has_an_empty_warnings_list(alice):
    response = post_csv(alice, b"Item Name,weight\nCup,80\n")
    assert response.status_code == 201
    assert response.get_json()["warnings"] == []


def test_refused_files_name_every_bad_line_and_create_nothing(alice):
    response = upload(alice, "refused.csv")
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error"
    assert body["fields"] == {
        "line 3": ["quantity: Not a valid number ('six')."],
        "line 4": ["weight: Not a valid number ('about 600')."],
        "line 5": ["weight: Must not be negative ('-340')."],
        "line 6": ["unit: Unknown unit 'stone'; use one of g, kg, oz, lb."],
    }
    assert alice.get("/api/packs").get_json() == []
    assert alice.get("/api/items").get_json() == []


def test_a_file_name_with_nothing_left_gives_the_default_name(alice):
    response = upload(alice, "headerless.csv", filename="___.csv")
    assert response.status_code == 201
    assert response.get_json()["name"] == "Imported pack"


@pytest.mark.parametrize(("filename", "name"), [
    ("Summer_Trip.csv", "Summer Trip"),
    ("  JMT__2024 .CSV", "JMT 2024"),
    ("C:\\fakepath\\Sierra_High_Route.csv", "Sierra High Route"),
    ("lists/winter.txt", "winter"),
    ("trip.v2.csv", "trip.v2"),
    ("Trip v1.2", "Trip v1.2"),
    ("a\x00b\udcff.csv", "a b"),
    ("x" * 300 + ".csv", "x" * 200),
    (".csv", "Imported pack"),
    ("", "Imported pack"),
    (None, "Imported pack"),
])  # fmt: skip
def test_pack_name_from_file(filename, name):
    assert pack_name_from_file(filename) == name


def test_the_import_answer_is_documented_with_warnings(client):
    spec = client.get("/api/openapi.json").get_json()
    created = spec["paths"]["/api/packs/import"]["post"]["responses"]["201"]
    ref = created["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    warnings = spec["components"]["schemas"][ref]["properties"]["warnings"]
    assert warnings["type"] == "array"
    item = warnings["items"]["$ref"].rsplit("/", 1)[1]
    assert set(spec["components"]["schemas"][item]["properties"]) == {"line", "message"}


def _round_trip(alice, pack):
    exported = alice.get(f"/api/packs/{pack['id']}/export.csv").data
    again = post_csv(alice, exported)
    assert again.status_code == 201, again.get_json()
    return again.get_json()


def test_quantity_zero_imports_as_an_entry_that_weighs_nothing(alice):
    response = upload(alice, "lighterpack_export.csv")
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    assert pack["name"] == "lighterpack export"
    spare = next(e for e in pack["entries"] if e["item"]["name"] == "Spare canister")
    assert spare["quantity"] == 0
    assert [w["line"] for w in pack["warnings"]] == [3, 5, 5, 8, 10]
    line8 = next(w for w in pack["warnings"] if w["line"] == 8)
    assert line8["message"] == "qty is 0: imported as an entry of quantity 0 (it adds no weight)."
    totals = pack["totals"]
    assert totals["grams"] == {"total": 4324.27, "worn": 181.44, "consumable": 2470.0,
                               "base": 1672.83, "pack": 4142.83}
    assert totals["item_count"] == 18 and totals["price"] == {"EUR": 1106.5}
    again = _round_trip(alice, pack)
    assert again["totals"] == totals
    assert [w["message"] for w in again["warnings"]] == [line8["message"]]


def test_the_same_item_once_consumable_and_once_not_is_two_entries(alice):
    response = upload(alice, "consumable_split.csv")
    assert response.status_code == 201, response.get_json()
    pack = response.get_json()
    entries = pack["entries"]
    assert [(e["item"]["name"], e["quantity"], e["consumable"]) for e in entries] == [
        ("Water", 3, True), ("Bottle", 2, False), ("Water", 1, False)]
    assert entries[0]["item_id"] == entries[2]["item_id"]
    assert alice.get("/api/items").headers["X-Total-Count"] == "2"
    assert pack["warnings"] == [
        {"line": 4, "message": "Same item as line 2 but consumable differs: imported as a "
                               "second entry of it."},
        {"line": 5, "message": "Same item as line 2: merged into one entry (quantities added)."},
    ]
    assert pack["totals"]["grams"] == {"total": 4070.0, "worn": 0.0, "consumable": 3000.0,
                                       "base": 1070.0, "pack": 4070.0}
    again = _round_trip(alice, pack)
    assert [(e["item"]["name"], e["quantity"], e["consumable"]) for e in again["entries"]] == [
        ("Water", 3, True), ("Bottle", 2, False), ("Water", 1, False)]
    assert again["totals"] == pack["totals"]
    assert [w["line"] for w in again["warnings"]] == [4]
    assert alice.get("/api/items").headers["X-Total-Count"] == "2"


def test_a_pack_built_in_the_editor_exports_and_re_imports_with_its_categories(alice):
    """Categories in a custom order, colours, an empty category, starred entries."""
    pack = alice.pack(name="Editor")
    pid = pack["id"]
    tent = alice.item(name="Tent", category="Shelter", weight=900)
    stove = alice.item(name="Stove", category="Kitchen", weight=80)
    alice.entry(pid, tent["id"], star=2)
    alice.entry(pid, stove["id"])
    alice.entry(pid, alice.item(name="Pot", category="Kitchen", weight=120)["id"], star=1)
    water = alice.post(f"/api/packs/{pid}/categories",
                       {"name": "Water", "color": "#123456", "position": 0}).get_json()
    kitchen = next(c for c in alice.get(f"/api/packs/{pid}").get_json()["categories"]
                   if c["name"] == "Kitchen")
    alice.patch(f"/api/packs/{pid}/categories/{kitchen['id']}", {"position": 1})
    original = alice.get(f"/api/packs/{pid}").get_json()
    assert [c["name"] for c in original["categories"]] == ["Water", "Kitchen", "Shelter"]
    exported = alice.get(f"/api/packs/{pid}/export.csv").data.decode()
    assert exported.splitlines()[0].endswith(",star,category_color")
    again = post_csv(alice, exported.encode()).get_json()
    strip = lambda cs: [(c["name"], c["color"], c["entry_count"]) for c in cs]  # noqa: E731
    assert strip(again["categories"]) == strip(original["categories"])
    assert again["totals"] == original["totals"]
    assert [(e["item"]["name"], e["star"]) for e in again["entries"]] == [
        (e["item"]["name"], e["star"]) for e in original["entries"]]
    assert water["entry_count"] == 0 and again["warnings"] == []
