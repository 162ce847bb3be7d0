"""Lighterpack CSV with pmp's optional columns: category order and colours, empty categories
and stars, written only when needed and read back exactly."""

import csv
import io
import re
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from pmp.gear.lighterpack import CsvCategory, CsvRow, CsvWarning, write_csv
from pmp.gear.lighterpack_parse import parse_csv
from tests.gear.csv_strategies import csv_rows, totals

HEADER = "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable"


def lighterpack_reads(text: str) -> list[str]:
    """The item names Lighterpack's own importer takes from a file (client/components/
    import-csv.vue): rows of 6+ cells, not its header, parseInt-able qty and weight, and a unit
    of its list (case-sensitive); it reads columns 0-5 by position."""
    units = {"ounce", "ounces", "oz", "pound", "pounds", "lb", "lbs", "gram", "grams", "g",
             "kilogram", "kilograms", "kg", "kgs"}  # fmt: skip
    starts_int = re.compile(r"\s*[+-]?\d")
    return [row[0] for row in csv.reader(io.StringIO(text))
            if len(row) >= 6 and row[0].lower() != "item name" and starts_int.match(row[3])
            and starts_int.match(row[4]) and row[5] in units]  # fmt: skip


def test_an_ordinary_list_keeps_lighterpacks_ten_columns():
    rows = [CsvRow("Tent", "Shelter", weight_mg=900_000), CsvRow("Stove", "Kitchen")]
    categories = [CsvCategory("Kitchen"), CsvCategory("Shelter")]
    assert write_csv(rows, "EUR", categories).split("\r\n") == [
        HEADER, "Stove,Kitchen,,1,0,gram,,,,", "Tent,Shelter,,1,900,gram,,,,", ""]


def test_categories_give_order_colours_and_empty_categories():
    rows = [
        CsvRow("Tent", "Shelter", quantity=D(1), weight_mg=900_000, star=2),
        CsvRow("Mug", "Kitchen", weight_mg=80_000),
        CsvRow("Pegs", "Shelter", quantity=D(8), weight_mg=10_000),
        CsvRow("Map", "", weight_mg=30_000),
    ]  # fmt: skip
    categories = [CsvCategory("Kitchen", "#e69f00"), CsvCategory("Food", "#56b4e9"),
                  CsvCategory("Shelter"), CsvCategory("=Sleep")]  # fmt: skip
    text = write_csv(rows, "EUR", categories)
    assert text.split("\r\n") == [
        HEADER + ",star,category_color",
        "Mug,Kitchen,,1,80,gram,,,,,,#e69f00",
        ",Food,,,,,,,,,,#56b4e9",
        "Tent,Shelter,,1,900,gram,,,,,2,",
        "Pegs,Shelter,,8,10,gram,,,,,,",
        ",'=Sleep,,,,,,,,,,",
        "Map,,,1,30,gram,,,,,,",  # not in `categories`: after them
        "",
    ]
    parsed = parse_csv(text)
    assert parsed.warnings == []
    assert [r.name for r in parsed.rows] == ["Mug", "Tent", "Pegs", "Map"]
    assert parsed.rows[1].star == 2
    assert parsed.categories == categories + [CsvCategory("")]
    assert lighterpack_reads(text) == ["Mug", "Tent", "Pegs", "Map"]


def test_without_categories_rows_keep_their_order():
    rows = [CsvRow("A", "x"), CsvRow("B", "y"), CsvRow("C", "x")]
    assert [line.split(",")[0] for line in write_csv(rows, "EUR").split("\r\n")[1:-1]] == [
        "A", "B", "C"]
    assert write_csv([], "EUR") == HEADER + "\r\n"


def test_star_and_colour_cells_are_read_in_any_case_and_checked():
    data = (f"{HEADER},Stars,Category Color\n"
            "Tent,Shelter,,1,1,kg,,,,,3,#AABBCC\n"
            "Pegs,Shelter,,8,10,g,,,,,,#aabbcc\n"
            "Mug,Kitchen,,1,80,g,,,,,,red\n"
            "Pot,Kitchen,,1,80,g,,,,,1,#112233\n"
            "Cup,Kitchen,,1,80,g,,,,,,#445566\n")  # fmt: skip
    parsed = parse_csv(data)
    assert [r.star for r in parsed.rows] == [3, 0, 0, 1, 0]
    assert parsed.categories == [CsvCategory("Shelter", "#aabbcc"),
                                 CsvCategory("Kitchen", "#112233")]
    assert parsed.warnings == [
        CsvWarning(4, "category_color 'red' is not a #rrggbb colour: ignored."),
        CsvWarning(6, "category_color #445566 differs from #112233 given for 'Kitchen' on "
                      "line 5: ignored."),
    ]  # fmt: skip


def test_an_empty_category_row_is_no_item_and_no_warning():
    parsed = parse_csv(f"{HEADER}\n,Food,,,,,,,,\nTent,Shelter,,1,1,kg,,,,\n,Shelter,,,,,,,,\n")
    assert [r.name for r in parsed.rows] == ["Tent"]
    assert parsed.categories == [CsvCategory("Food"), CsvCategory("Shelter")]
    assert parsed.warnings == []


@settings(max_examples=150)
@given(st.data())
def test_categories_stars_and_colours_come_back_identical(data):
    names = data.draw(st.lists(st.sampled_from(["", "Shelter", "=Food", "Clo,thing", "Sleep"]),
                               min_size=1, max_size=5, unique=True))  # fmt: skip
    colors = st.none() | st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)
    categories = [CsvCategory(name, data.draw(colors)) for name in names]
    rows = data.draw(st.lists(csv_rows(categories=names), min_size=1, max_size=15,
                              unique_by=lambda r: r.item_key()))  # fmt: skip
    parsed = parse_csv(write_csv(rows, "EUR", categories).encode(), currency="EUR")
    in_order = [r for name in names for r in rows if r.category == name]
    expected = [r if r.price is not None else CsvRow(**{**r.__dict__, "currency": "EUR"})
                for r in in_order]  # fmt: skip
    assert parsed.rows == expected
    assert parsed.categories == [c for c in categories
                                 if c.name or any(r.category == "" for r in rows)]
    assert parsed.warnings == []
    assert totals(parsed.rows) == totals(in_order)
