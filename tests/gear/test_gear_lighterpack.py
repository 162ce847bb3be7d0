from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmp.gear.lighterpack import (
    MAX_BYTES,
    MAX_ROWS,
    CsvInvalid,
    CsvRow,
    CsvTooLarge,
    CsvWarning,
    neutralize,
    restore,
    write_csv,
)
from pmp.gear.lighterpack_parse import parse_csv
from tests.gear.csv_strategies import csv_rows, totals

HEADER = "Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable"


def test_write_lighterpack_format():
    rows = [
        CsvRow("Tent", "Shelter", "Two, \"roomy\"", D(1), 1_000_000, "kg", "https://x.test",
               D("350"), "EUR"),
        CsvRow("Socks", "Clothing", "", D(2), 56_699, "oz", worn=True),
        CsvRow("Gas", "Kitchen", "", D("0.5"), 230_000, "g", consumable=True),
        CsvRow("Rope", "", "", D(1), 453_592, "lb", price=D("2.5")),
    ]  # fmt: skip
    text = write_csv(rows, "EUR")
    assert text.split("\r\n") == [
        HEADER,
        'Tent,Shelter,"Two, ""roomy""",1,1,kilogram,https://x.test,350.00,,',
        "Socks,Clothing,,2,2,ounce,,,Worn,",
        "Gas,Kitchen,,0.5,230,gram,,,,Consumable",
        "Rope,,,1,1,pound,,2.50,,",
        "",
    ]


def test_extra_columns_only_when_needed():
    rows = [CsvRow("Poles", quantity=D(2), worn=True, worn_quantity=D(2), price=D(1),
                   currency="USD")]  # fmt: skip
    header = write_csv(rows, "EUR").split("\r\n")[0]
    assert header == HEADER + ",worn_qty,currency"
    assert write_csv(rows, "USD").split("\r\n")[0] == HEADER + ",worn_qty"
    assert parse_csv(write_csv(rows, "EUR"), currency="EUR").rows == rows


def test_formula_cells_are_neutralised_and_restored():
    rows = [CsvRow("=HYPERLINK(\"http://evil\")", "+cat", "@SUM(A1)")]
    text = write_csv(rows, "EUR")
    assert "'=HYPERLINK" in text and "'+cat" in text and "'@SUM" in text
    assert parse_csv(text).rows == rows


@pytest.mark.parametrize("text", ["=1", "'=1", "''=1", "'plain", "plain", "-", "'", ""])
def test_neutralize_is_reversible(text):
    assert restore(neutralize(text)) == text


@given(st.text())
def test_neutralize_is_reversible_for_any_text(text):
    escaped = neutralize(text)
    assert restore(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_parse_bom_lf_case_insensitive_header_and_spellings():
    data = (
        "\ufeffitem name,CATEGORY,Desc,QTY,Weight,Unit,URL,Price,Worn,Consumable\n"
        "Tent,Shelter,,1,1.2,Kilograms,,199.99,,\n"
        "Socks,Clothing,,2,1.5,OUNCES,,,worn,\n"
        "Fuel,Kitchen,,1.5,100,grams,,,,CONSUMABLE\n"
        "Bag,,,1,1,lbs,,,yes,\n"
    ).encode()
    rows = parse_csv(data).rows
    assert [r.name for r in rows] == ["Tent", "Socks", "Fuel", "Bag"]
    assert rows[0].weight_mg == 1_200_000 and rows[0].unit == "kg"
    assert rows[0].price == D("199.99")
    assert rows[1].unit == "oz" and rows[1].worn and rows[1].quantity == 2
    assert rows[2].consumable and rows[2].quantity == D("1.5")
    assert rows[3].unit == "lb" and rows[3].worn


def test_parse_columns_in_any_order_and_defaults():
    rows = parse_csv("weight,Item Name\r\n12,Cup\r\n", default_unit="oz", currency="USD").rows
    assert rows == [CsvRow("Cup", quantity=D(1), weight_mg=340194, unit="oz", currency="USD")]


def test_parse_rfc4180_quoting_and_multiline_cells():
    data = f'{HEADER}\r\n"Tarp, big","Shel""ter","line1\r\nline2",1,10,g,,,,\r\nCup,,,1,2,g,,,,\r\n'
    rows = parse_csv(data).rows
    assert rows[0].name == "Tarp, big"
    assert rows[0].category == 'Shel"ter'
    assert rows[0].description == "line1\r\nline2"
    assert rows[1].line == 4  # the multi-line record took lines 2 and 3


def test_blank_lines_are_skipped():
    parsed = parse_csv(f"\n{HEADER}\n\nCup,,,1,2,g,,,,\n,,,,,,,,,\n")
    assert len(parsed.rows) == 1 and parsed.warnings == []


def test_errors_are_collected_with_line_numbers():
    data = "\n".join([
        HEADER,
        "Ok,,,1,10,g,,,,",
        ",,,1,10,g,,,,",
        "Neg,,,1,-5,g,,,,",
        "Unit,,,1,5,stone,,,,",
        "Both,,,1,5,g,,,Worn,Consumable",
        "Qty,,,-1,5,g,,abc,maybe,",
        "Long," + "x" * 201 + ",,1.2345,5,g,,1.234,,",
        "Words,,,one,five,g,,,,",
    ])  # fmt: skip
    with pytest.raises(CsvInvalid) as info:
        parse_csv(data)
    errors = info.value.errors
    assert list(errors) == ["line 3", "line 4", "line 5", "line 7", "line 8", "line 9"]
    assert errors["line 3"] == ["name: Must not be empty."]
    assert errors["line 4"] == ["weight: Must not be negative ('-5')."]
    assert "Unknown unit" in errors["line 5"][0]
    assert len(errors["line 7"]) == 3  # qty, price and worn all reported
    assert errors["line 8"] == ["category: Longer than 200 characters.",
                                "quantity: At most 3 decimals."]  # the price is rounded
    assert errors["line 9"] == ["quantity: Not a valid number ('one').",
                                "weight: Not a valid number ('five')."]


@pytest.mark.parametrize(
    "data",
    [
        "",
        "\n\n",
        "Category,weight\nShelter,1\n",
        "Item Name,name\nA,B\n",
        f'{HEADER}\nA,"unterminated,1,1,g,,,,\n',
        f"{HEADER}\nA,,,1e3,1,g,,,,\n",
        f"{HEADER}\nA,,,NaN,1,g,,,,\n",
        f"{HEADER}\nA,,,1,Infinity,g,,,,\n",
        f"{HEADER}\nA,,,1,2000000,g,,,,\n",
        f"{HEADER}\nA,,,1,1,g,,,Ja,\n",
        "Item Name,currency,price\nA,EURO,1\n",
        "Item Name,url\nA,https://x.test/\x00\n",
        "Item Name\nA\x00B\n",
        f"{HEADER},worn_qty\nA,,,1,1,g,,,Worn,,2\n",
    ],
)
def test_malformed_files_raise_csv_invalid(data):
    with pytest.raises(CsvInvalid) as info:
        parse_csv(data)
    assert info.value.errors
    assert all(k.startswith("line ") for k in info.value.errors)


def test_not_text_is_rejected():
    with pytest.raises(CsvInvalid):
        parse_csv(b"Item Name\n\x81\x8d\x8f\n")


def test_cp1252_is_accepted():
    rows = parse_csv("Item Name,weight\nCr\xe8me,1\n".encode("cp1252")).rows
    assert rows[0].name == "Cr\xe8me"


def test_size_and_row_limits():
    with pytest.raises(CsvTooLarge):
        parse_csv(b"Item Name\n" + b"x" * MAX_BYTES)
    with pytest.raises(CsvTooLarge):
        parse_csv("Item Name\n" + "x" * MAX_BYTES)
    ok = "Item Name\n" + "".join(f"i{n}\n" for n in range(MAX_ROWS))
    assert len(parse_csv(ok).rows) == MAX_ROWS
    with pytest.raises(CsvInvalid) as info:
        parse_csv(ok + "one too many\n")
    assert info.value.errors == {
        f"line {MAX_ROWS + 2}": ["Too many rows; at most 5000 are accepted."]
    }


def test_reported_lines_are_capped():
    data = "Item Name,weight\n" + "a,-1\n" * 300
    with pytest.raises(CsvInvalid) as info:
        parse_csv(data)
    assert len(info.value.errors) == 101
    assert info.value.errors["more"] == ["200 more lines have errors."]


def test_duplicate_rows_are_merged():
    data = "\n".join([
        HEADER,
        "Socks,Clothing,,2,50,g,,3,,",
        "Tent,Shelter,,1,1,kg,,,,",
        "Socks,Clothing,,1,50,g,,3,,",
        "Socks,Clothing,,1,50,g,,3,Worn,",
    ])  # fmt: skip
    parsed = parse_csv(data)
    assert [(r.name, r.quantity, r.worn, r.worn_quantity) for r in parsed.rows] == [
        ("Socks", D(4), True, D(1)),
        ("Tent", D(1), False, None),
    ]
    assert parsed.warnings == [
        CsvWarning(4, "Same item as line 2: merged into one entry (quantities added)."),
        CsvWarning(5, "Same item as line 2: merged into one entry (quantities added)."),
    ]




# -- round trip ------------------------------------------------------------------------------

@settings(max_examples=200)
@given(st.lists(csv_rows(), min_size=1, max_size=20, unique_by=lambda r: r.item_key()))
def test_pack_to_csv_and_back_keeps_totals(rows):
    parsed = parse_csv(write_csv(rows, "EUR").encode(), currency="EUR")
    assert totals(parsed.rows) == totals(rows)
    assert parsed.warnings == []


@settings(max_examples=200)
@given(st.lists(csv_rows(), min_size=1, max_size=20, unique_by=lambda r: r.item_key()))
def test_distinct_items_come_back_identical(rows):
    parsed = parse_csv(write_csv(rows, "EUR").encode(), currency="EUR")
    # Prices-free rows forget their currency (it only matters with a price).
    expected = [r if r.price is not None else r.__class__(**{**r.__dict__, "currency": "EUR"})
                for r in rows]  # fmt: skip
    assert parsed.rows == expected
    assert parsed.warnings == []


@given(st.lists(csv_rows().filter(lambda r: not r.consumable), min_size=1, max_size=10),
       st.randoms())
def test_merging_duplicate_rows_keeps_lighterpack_totals(rows, random):
    doubled = rows + [random.choice(rows) for _ in rows]
    random.shuffle(doubled)
    assert totals(parse_csv(write_csv(doubled, "EUR")).rows) == totals(doubled)




@pytest.mark.parametrize("data", [
    f"{HEADER}\n".encode(),
    f"{HEADER}\n\n,,,,,,,,,\n".encode(),
])
def test_a_header_without_items_is_refused(data):
    with pytest.raises(CsvInvalid) as info:
        parse_csv(data)
    assert "no items" in str(info.value.errors)


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
    b"PK\x03\x04\x14\x00\x06\x00" + b"Item Name\x00" * 8,
])
def test_binary_files_are_refused(data):
    with pytest.raises(CsvInvalid) as info:
        parse_csv(data)
    assert info.value.errors == {"line 1": [
        "The file is not a CSV text file (UTF-8 or Windows-1252)."]}
