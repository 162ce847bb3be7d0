from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from pmp.gear.totals import TotalsEntry, pack_totals

# The example pack of API.md: 2300 g in all, 850 g worn, 400 g consumable.
EXAMPLE = [
    TotalsEntry(1_000_000, D(1), category="Shelter", price=D("100"), currency="EUR"),
    TotalsEntry(850_000, D(1), worn=True, category="Clothing", price=D("20.5")),
    TotalsEntry(200_000, D(2), consumable=True, category="Food"),
    TotalsEntry(50_000, D("5.5"), category="Shelter"),
]


def test_example_in_grams():
    totals = pack_totals(EXAMPLE, "g")
    assert totals["unit"] == "g"
    assert totals["total"] == 2525.0  # 1000 + 850 + 2 * 200 + 5.5 * 50
    assert totals["grams"] == {
        "total": 2525.0, "worn": 850.0, "consumable": 400.0, "base": 1275.0, "pack": 1675.0,
    }  # fmt: skip
    assert totals["item_count"] == 9.5
    assert totals["price"] == {"EUR": 120.5}


def test_categories_in_first_appearance_order():
    totals = pack_totals(EXAMPLE, "g")
    assert [c["category"] for c in totals["categories"]] == ["Shelter", "Clothing", "Food"]
    shelter = totals["categories"][0]
    assert shelter["total"] == 1275.0
    assert shelter["item_count"] == 6.5
    assert shelter["base"] == shelter["pack"] == 1275.0
    assert shelter["grams"]["worn"] == 0.0
    assert shelter["price"] == {"EUR": 100.0}
    assert "unit" not in shelter


def test_other_units_round_to_two_decimals():
    totals = pack_totals([TotalsEntry(2_300_000, D(1))], "oz")
    assert totals["unit"] == "oz"
    assert totals["total"] == 81.13  # 2300 g / 28.349523125
    assert pack_totals([TotalsEntry(2_300_000, D(1))], "lb")["total"] == 5.07
    assert pack_totals([TotalsEntry(2_300_000, D(1))], "kg")["total"] == 2.3


def test_worn_counts_one_unit_unless_worn_quantity():
    socks = TotalsEntry(50_000, D(3), worn=True)
    assert pack_totals([socks], "g")["worn"] == 50.0
    assert pack_totals([socks._replace(worn_quantity=D(2))], "g")["worn"] == 100.0
    assert pack_totals([socks._replace(worn_quantity=D(0))], "g")["worn"] == 0.0
    half = TotalsEntry(50_000, D("0.5"), worn=True)
    assert pack_totals([half], "g")["worn"] == 25.0  # never more than the quantity
    totals = pack_totals([socks], "g")
    assert totals["pack"] == 100.0 and totals["base"] == 100.0


def test_worn_quantity_is_ignored_when_not_worn():
    entry = TotalsEntry(50_000, D(3), worn_quantity=D(2))
    assert pack_totals([entry], "g")["worn"] == 0.0


def test_prices_per_currency_times_quantity():
    entries = [
        TotalsEntry(1, D(2), price=D("10.25"), currency="EUR"),
        TotalsEntry(1, D(1), price=D("5"), currency="USD"),
        TotalsEntry(1, D(1), price=None, currency="GBP"),
    ]
    assert pack_totals(entries, "g")["price"] == {"EUR": 20.5, "USD": 5.0}


def test_empty_pack_and_plain_tuples():
    empty = pack_totals([], "kg")
    assert empty["total"] == 0 and empty["item_count"] == 0 and empty["categories"] == []
    assert empty["price"] == {}
    totals = pack_totals([(1000, D(1), False, False, None, "A", None, "EUR")], "g", False)
    assert totals["total"] == 1.0
    assert "categories" not in totals


entries = st.builds(
    TotalsEntry,
    weight_mg=st.integers(0, 10**9),
    quantity=st.decimals(min_value="0.001", max_value=1000, places=3),
    worn=st.booleans(),
    consumable=st.just(False),
    worn_quantity=st.none(),
    category=st.sampled_from(["A", "B", "C"]),
    price=st.none(),
    currency=st.just("EUR"),
)


@given(st.lists(entries, max_size=30))
def test_categories_add_up_to_the_pack(entries):
    totals = pack_totals(entries, "g")
    for key in ("total", "worn", "base"):
        assert abs(sum(c["grams"][key] for c in totals["categories"]) - totals["grams"][key]) < (
            0.01 * (len(entries) + 1)
        )
    g = totals["grams"]
    assert g["base"] <= g["pack"] <= g["total"]
