"""Importing what real files contain: every repair is made, and warned about, by line.

The files under data/ are shaped like what users bring: Lighterpack's own export (float noise
in prices, quantity 0, old rows both worn and consumable), spreadsheets with section and total
rows and extra columns, a file without a header, a Windows-1252 file.
"""

from decimal import Decimal as D
from pathlib import Path

import pytest

from pmp.gear.lighterpack import MAX_URL, CsvInvalid, CsvWarning
from pmp.gear.lighterpack_parse import parse_csv
from pmp.gear.lighterpack_rows import repair_url

DATA = Path(__file__).parent / "data"
HEADER = "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable"
BOTH = ("Marked both worn and consumable: imported as consumable, not worn (a consumable's "
        "weight counts in full; worn would leave it out of the pack weight).")  # fmt: skip


def parse_file(name, **kw):
    return parse_csv((DATA / name).read_bytes(), **kw)


def summary(rows):
    return [(r.line, r.name, r.quantity, r.price, r.worn, r.consumable) for r in rows]


def test_a_lighterpack_export_with_float_noise_qty_0_and_worn_consumables():
    parsed = parse_file("lighterpack_export.csv")
    assert summary(parsed.rows) == [
        (2, "Duplex", 1, D(699), False, False),
        (3, "Stakes", 8, D("2.99"), False, False),
        (4, "Quilt", 1, D("329.95"), False, False),
        (5, "Pad", 1, D("1.14"), False, False),
        (6, "Stove", 1, D("45.5"), False, False),
        (7, "Fuel canister", 1, D("6.99"), False, True),
        (8, "Spare canister", 0, D("6.99"), False, True),
        (9, "Rain jacket", 1, D(0), True, False),
        (10, "Snacks", 1, D(0), False, True),
        (11, "Dinners", 3, D(0), False, True),
    ]
    assert parsed.rows[4].weight_mg == 100_000  # 3.5273961949580412 oz: Lighterpack's 100 g
    assert parsed.rows[3].url == "https://www.rei.com/product/123"
    assert parsed.warnings == [
        CsvWarning(3, "price 2.9899999999999998 rounded to 2.99 (floating-point noise)."),
        CsvWarning(5, "url 'www.rei.com/product/123': https:// added "
                      "(https://www.rei.com/product/123)."),
        CsvWarning(5, "price 1.1400000000000001 rounded to 1.14 (floating-point noise)."),
        CsvWarning(8, "qty is 0: imported as an entry of quantity 0 (it adds no weight)."),
        CsvWarning(10, BOTH),
    ]  # fmt: skip
    assert [c.name for c in parsed.categories] == ["Shelter", "Sleep", "Kitchen", "Clothing",
                                                   "Food"]  # fmt: skip


def test_the_same_item_consumable_and_not_is_two_entries():
    parsed = parse_file("consumable_split.csv")
    assert [(r.line, r.name, r.quantity, r.consumable) for r in parsed.rows] == [
        (2, "Water", 3, True), (3, "Bottle", 2, False), (4, "Water", 1, False)]
    assert parsed.rows[0].item_key() == parsed.rows[2].item_key()
    assert parsed.warnings == [
        CsvWarning(4, "Same item as line 2 but consumable differs: imported as a second entry "
                      "of it."),
        CsvWarning(5, "Same item as line 2: merged into one entry (quantities added)."),
    ]  # fmt: skip


def test_a_spreadsheet_with_sections_totals_and_extra_columns():
    parsed = parse_file("spreadsheet_sections.csv")
    assert [(r.line, r.name, r.unit, r.weight_mg) for r in parsed.rows] == [
        (3, "Tent", "kg", 500_000), (4, "Stakes", "g", 10_000),
        (7, "Quilt", "lb", 566_990), (8, "Pad", "oz", 340_194)]  # fmt: skip
    assert parsed.warnings == [
        CsvWarning(1, "Column 11 'Notes' is not a column pmp reads: ignored."),
        CsvWarning(1, "Column 12 'Bought' is not a column pmp reads: ignored."),
        CsvWarning(2, "Section heading 'Shelter' skipped (a row with only a name, no qty, "
                      "weight or unit, is not an item)."),
        CsvWarning(5, "Total row 'Subtotal' skipped (pmp computes totals itself)."),
        CsvWarning(6, "Section heading 'Sleep' skipped (a row with only a name, no qty, "
                      "weight or unit, is not an item)."),
        CsvWarning(8, "Column 13 has no header: its values are ignored."),
        CsvWarning(9, "Total row 'Total:' skipped (pmp computes totals itself)."),
        CsvWarning(10, "Total row 'Base weight (g)' skipped (pmp computes totals itself)."),
    ]  # fmt: skip
    assert [c.name for c in parsed.categories] == ["Shelter", "Sleep"]


def test_a_file_without_header_in_lighterpacks_order():
    parsed = parse_file("headerless.csv")
    assert [(r.line, r.name, r.category, r.unit, r.worn, r.consumable) for r in parsed.rows] == [
        (1, "Tent", "Shelter", "kg", False, False), (2, "Stakes", "Shelter", "g", False, False),
        (3, "Stove", "Kitchen", "oz", False, False), (4, "Fuel", "Kitchen", "g", False, True),
        (5, "Jacket", "Clothing", "g", True, False)]  # fmt: skip
    assert parsed.rows[2].url == "https://example.test/stove"
    assert parsed.rows[2].price == D("39.9")
    assert parsed.warnings == [CsvWarning(1, (
        "No header row: the columns are read in Lighterpack's order (Item Name, Category, desc, "
        "qty, weight, unit, url, price, worn, consumable)."))]


def test_a_windows_1252_file():
    parsed = parse_file("windows1252.csv")
    assert [(r.name, r.category, r.description) for r in parsed.rows] == [
        ("Crème solaire", "Hygiène", "Tube 50 ml, 9,90 €"),
        ("Mütze", "Kleidung", "für kalte Nächte"),
        ("Daunenjacke", "Kleidung", "Größe M – 800 cuin")]  # fmt: skip
    assert parsed.warnings == [CsvWarning(1, "The file is not UTF-8: read as Windows-1252 "
                                             "(check letters such as é, ü, €).")]  # fmt: skip


@pytest.mark.parametrize(("cell", "price", "warning"), [
    ("1.1400000000000001", D("1.14"), "price 1.1400000000000001 rounded to 1.14 "
                                      "(floating-point noise)."),
    ("34.989999999999995", D("34.99"), "price 34.989999999999995 rounded to 34.99 "
                                       "(floating-point noise)."),
    ("12.345", D("12.35"), "price 12.345 rounded to 12.35 (more than 2 decimals)."),
    ("0.004", D(0), "price 0.004 rounded to 0.00 (more than 2 decimals)."),
    ("7.50", D("7.5"), None),
    ("699", D(699), None),
    ("", None, None),
])  # fmt: skip
def test_prices_are_rounded_to_cents_with_a_warning(cell, price, warning):
    parsed = parse_csv(f"Item Name,price\nTent,{cell}\n")
    assert parsed.rows[0].price == price
    assert parsed.warnings == ([CsvWarning(2, warning)] if warning else [])


@pytest.mark.parametrize(("cell", "link", "warning"), [
    ("https://example.test/a?b=1", "https://example.test/a?b=1", None),
    ("HTTP://EXAMPLE.TEST", "HTTP://EXAMPLE.TEST", None),
    ("www.rei.com/p/123", "https://www.rei.com/p/123",
     "url 'www.rei.com/p/123': https:// added (https://www.rei.com/p/123)."),
    ("rei.com", "https://rei.com", "url 'rei.com': https:// added (https://rei.com)."),
    ("https://x.test/guy line kit", "https://x.test/guy%20line%20kit",
     "url 'https://x.test/guy line kit': spaces percent-encoded "
     "(https://x.test/guy%20line%20kit)."),
    (" https://x.test/a ", "https://x.test/a",
     "url 'https://x.test/a': surrounding spaces removed (https://x.test/a)."),
    ("", "", None),
    ("see notes", None, "url 'see notes' is not a web link: added to the description as "
                        "'Link: see notes'."),
    ("javascript:alert(1)", None, "url 'javascript:alert(1)' is not a web link: added to the "
                                  "description as 'Link: javascript:alert(1)'."),
    ("ftp://x.test/f", None, None), ("rei.com bought 2019", None, None),
    ("http://", None, None), ("https://x.test/a\tb", None, None), ("v1.2", None, None),
    ("https://x.test/" + "a" * MAX_URL, None, None),
])  # fmt: skip
def test_links_are_repaired_or_kept_as_text(cell, link, warning):
    repaired, message = repair_url(cell)
    assert repaired == link
    if warning:
        assert message == warning
    assert (message is None) == (cell == link)


def test_text_in_the_url_column_goes_to_the_description():
    parsed = parse_csv(f'{HEADER}\nTent,,Dyneema,1,1,kg,see notes,,,\nTarp,,,1,1,kg,"a\nb",,,\n')
    assert [(r.description, r.url) for r in parsed.rows] == [
        ("Dyneema\nLink: see notes", ""), ("Link: a\nb", "")]
    assert len(parsed.warnings) == 2


def test_worn_and_consumable_drops_worn_and_its_worn_quantity():
    parsed = parse_csv(f"{HEADER},worn_qty\nSnacks,,,2,100,g,,,Worn,Consumable,1\n")
    row = parsed.rows[0]
    assert (row.worn, row.consumable, row.worn_quantity) == (False, True, None)
    assert parsed.warnings[0].message.startswith(
        "Marked both worn and consumable: imported as consumable, not worn and its worn_qty")


@pytest.mark.parametrize("unit", ["kgs", "KGS", "Kilograms", "lbs", "LBS", "Grams", "OUNCES",
                                  "ozs", "Pound", "g."])  # fmt: skip
def test_units_lighterpack_and_spreadsheets_write(unit):
    parsed = parse_csv(f"{HEADER}\nTent,,,1,1,{unit},,,,\n")
    assert parsed.rows[0].weight_mg > 0 and parsed.warnings == []


def test_an_extra_column_is_named_once_per_file():
    data = "Item Name,weight,Notes,\n" + "".join(f"i{n},1,note {n},x,y\n" for n in range(5))
    parsed = parse_csv(data)
    assert len(parsed.rows) == 5
    assert parsed.warnings == [
        CsvWarning(1, "Column 3 'Notes' is not a column pmp reads: ignored."),
        CsvWarning(2, "Column 4 has no header: its values are ignored."),
        CsvWarning(2, "Column 5 has no header: its values are ignored."),
    ]


@pytest.mark.parametrize("name", ["Total", "TOTALS", "Sub-total", "subtotal", "Grand Total:",
                                  "Sum", "Base Weight", "Pack weight (kg)", "Worn weight",
                                  "Consumable Weight", "Skin-out weight", "total weight"])
def test_total_rows_are_skipped(name):
    parsed = parse_csv(f"{HEADER}\nTent,Shelter,,1,1,kg,,,,\n{name},,,,1000,gram,,,,\n")
    assert [r.name for r in parsed.rows] == ["Tent"]
    assert parsed.warnings == [
        CsvWarning(3, f"Total row {name!r} skipped (pmp computes totals itself).")]


def test_a_total_name_with_a_category_description_or_qty_is_an_item():
    parsed = parse_csv(f"{HEADER}\nTotal,Shelter,,1,5,g,,,,\nSum,,a bag,1,5,g,,,,\n"
                       "Total,,,3,5,g,,,,\n")  # fmt: skip
    assert [r.name for r in parsed.rows] == ["Total", "Sum", "Total"]
    assert parsed.warnings == [CsvWarning(4, "Named like a total but has a qty: imported as an "
                                             "item; delete it if it is a total.")]  # fmt: skip


def test_a_name_alone_is_an_item_when_the_file_has_no_amount_columns():
    assert [r.name for r in parse_csv("Item Name,Category\nShelter,\nTent,Shelter\n").rows] == [
        "Shelter", "Tent"]
    parsed = parse_csv(f"{HEADER}\nShelter,,,,,,,,,\nTent,Shelter,,1,1,kg,,,,\n")
    assert [r.name for r in parsed.rows] == ["Tent"]


def test_rows_without_anything_to_import_are_skipped_with_a_warning():
    parsed = parse_csv(f"{HEADER},category_color,Notes\nTent,,,1,1,kg,,,,\n"
                       ",,,,,,,,,,#123456,\n,,,,,,,,,,,only a note\n")  # fmt: skip
    assert [w.message for w in parsed.warnings] == [
        "Column 12 'Notes' is not a column pmp reads: ignored.",
        "A category_color without a category: row skipped.",
        "Only ignored columns have values: row skipped.",
    ]


@pytest.mark.parametrize("first", [
    "Tent,Shelter,,1,1.2",  # five cells
    "Tent,Shelter,,1,1.2,kg,,,,,extra",  # eleven
    "Tent,Shelter,,1,1.2,stone",  # no unit
    "Tent,Shelter,,one,1.2,kg",  # qty not a number
    ",Shelter,,1,1.2,kg",  # no name
])  # fmt: skip
def test_a_first_row_that_is_neither_header_nor_lighterpack_data_is_refused(first):
    with pytest.raises(CsvInvalid) as info:
        parse_csv(f"{first}\nStakes,Shelter,,6,10,g\n")
    assert info.value.errors["line 1"] == ["The header has no 'Item Name' column."]


def test_a_headerless_row_that_starts_with_a_header_word_is_data():
    parsed = parse_csv("Item,Misc,,1,100,g\nName tag,Misc,,1,5,g\n")
    assert [r.name for r in parsed.rows] == ["Item", "Name tag"]


def test_star_must_be_0_to_3():
    assert parse_csv("Item Name,star\nA,3\nB,\n").rows[0].star == 3
    with pytest.raises(CsvInvalid) as info:
        parse_csv("Item Name,star\nA,4\nB,1.5\nC,-1\n")
    assert list(info.value.errors) == ["line 2", "line 3", "line 4"]


def test_warnings_are_capped_with_a_count_of_the_rest():
    data = "Item Name,price\n" + "".join(f"i{n},1.1400000000000001\n" for n in range(1200))
    warnings = parse_csv(data).warnings
    assert len(warnings) == 1000
    assert warnings[998].line == 1000
    assert warnings[-1] == CsvWarning(1001, "201 more warnings, from line 1001 on, are not "
                                            "listed.")  # fmt: skip


def test_still_refused_with_every_bad_line():
    with pytest.raises(CsvInvalid) as info:
        parse_file("refused.csv")
    assert info.value.errors == {
        "line 3": ["quantity: Not a valid number ('six')."],
        "line 4": ["weight: Not a valid number ('about 600')."],
        "line 5": ["weight: Must not be negative ('-340')."],
        "line 6": ["unit: Unknown unit 'stone'; use one of g, kg, oz, lb."],
    }
