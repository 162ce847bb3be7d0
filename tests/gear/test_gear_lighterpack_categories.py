"""Lighterpack CSV with pmp's optional columns: category order and colours, empty categories
and stars, written only when needed and read back exactly."""

import csv
import io
import re
from decimal import Decimal as D

from pmp.gear.lighterpack import CsvCategory, CsvRow, write_csv

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
    assert lighterpack_reads(text) == ["Mug", "Tent", "Pegs", "Map"]


def test_without_categories_rows_keep_their_order():
    rows = [CsvRow("A", "x"), CsvRow("B", "y"), CsvRow("C", "x")]
    assert [line.split(",")[0] for line in write_csv(rows, "EUR").split("\r\n")[1:-1]] == [
        "A", "B", "C"]
    assert write_csv([], "EUR") == HEADER + "\r\n"
