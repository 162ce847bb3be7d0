from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmp.gear.units import (
    UNITS,
    UnitError,
    from_milligrams,
    parse_unit,
    round2,
    to_milligrams,
    weight_in_unit,
)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("g", "g"), ("G", "g"), ("gram", "g"), ("Grams", "g"), (" g ", "g"),
        ("kg", "kg"), ("KG", "kg"), ("kilogram", "kg"), ("Kilograms", "kg"),
        ("oz", "oz"), ("OZ", "oz"), ("ounce", "oz"), ("Ounces", "oz"),
        ("lb", "lb"), ("lbs", "lb"), ("LBS", "lb"), ("pound", "lb"), ("Pounds", "lb"),
        ("kgs", "kg"), ("KGS", "kg"), ("Kilos", "kg"), ("kilogrammes", "kg"), ("Grammes", "g"),
        ("ozs", "oz"), ("oz.", "oz"), ("Lbs.", "lb"), ("g.", "g"),
    ],
)  # fmt: skip
def test_every_spelling_is_accepted(text, unit):
    assert parse_unit(text) == unit


@pytest.mark.parametrize("text", ["", "stone", "mg", "gr", "grs", "1g", "g..", "o z", "st"])
def test_unknown_units_are_rejected(text):
    with pytest.raises(UnitError):
        parse_unit(text)


def test_exact_definitions():
    assert to_milligrams(1, "oz") == 28350  # 28349.523125 mg, rounded only at the end
    assert from_milligrams(28349523125, "oz") == Decimal(1_000_000)
    assert to_milligrams(1, "lb") == 453592
    assert from_milligrams(45359237, "lb") == 100
    assert to_milligrams(Decimal("16"), "oz") == to_milligrams(1, "lb")
    assert to_milligrams("1.5", "kg") == 1_500_000
    assert to_milligrams(Decimal("0.0005"), "g") == 1  # half up


def test_weight_in_unit_is_shortest_exact():
    assert weight_in_unit(to_milligrams(Decimal("3.5"), "oz"), "oz") == Decimal("3.5")
    assert str(weight_in_unit(12_000, "g")) == "12"
    assert str(weight_in_unit(12_345, "g")) == "12.345"
    assert str(weight_in_unit(10_000_000, "kg")) == "10"
    assert weight_in_unit(0, "lb") == 0


def test_round2_is_half_up():
    assert round2(Decimal("1.005")) == Decimal("1.01")
    assert round2(Decimal("2.344")) == Decimal("2.34")


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(UNITS))
def test_milligrams_survive_a_trip_through_any_unit(mg, unit):
    assert to_milligrams(weight_in_unit(mg, unit), unit) == mg


@given(
    st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(UNITS),
)
def test_typed_weights_with_two_decimals_come_back_as_typed(weight, unit):
    assert weight_in_unit(to_milligrams(weight, unit), unit) == weight
