"""The gear part of an import document: the pack-entry fast path never disagrees with its
schema, and bad documents are refused with the path of every problem."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from pmp.core.errors import ValidationFailed
from pmp.gear.document import ENTRY, fast_entry, load_document

QUANTITIES = [-1, 0, 1, 2, 999_999, 1_000_000, 1_000_001, 10**400, "0", "0.001", "0.0005",
              "1.500", "1000000", "1000000.001", "1e3", " 1", "1_000", "١", "NaN", "-1", 1.5,
              True, None, [], "x"]
POSITIONS = [-1, 0, 1, 1_000_000, 1_000_001, 2.0, "3", True, None]


def canonical(record: dict) -> dict:
    return {key: (type(value).__name__, str(value)) for key, value in record.items()}


def agrees(raw) -> bool:
    """True when the fast path took the record; asserts it loaded it as the schema does."""
    taken = fast_entry(raw)
    if taken is not None:
        assert canonical(taken) == canonical(ENTRY.load(raw))
    return taken is not None


@settings(max_examples=500)
@given(st.fixed_dictionaries(
    {"item_id": st.one_of(st.integers(), st.integers(0, 9), st.sampled_from(["1", None, 1.0]))},
    optional={"quantity": st.sampled_from(QUANTITIES), "worn_quantity": st.sampled_from(
        QUANTITIES), "worn": st.sampled_from([True, False, 1, "true"]),
        "consumable": st.sampled_from([True, False, 0, None]),
        "position": st.sampled_from(POSITIONS), "note": st.just("x"),
        "star": st.sampled_from([-1, 0, 3, 4, 1.0, None, True]),
        "checked": st.sampled_from([True, False, 1, None]),
        "category": st.sampled_from(["Shelter", "", " ", "x" * 200, "x" * 201, "\x00", "é",
                                     "a\ud800", None, 3])}))
def test_the_fast_entry_path_takes_only_what_the_schema_takes_and_loads_it_alike(raw):
    agrees(raw)


PLAIN = {
    "quantity": [-1, 0, 1, 999_999, 1_000_000, 1_000_001, "0", "0.001", "0.0005", "1.500",
                 "1000000", "1000000.001", "01.5", "10000000"],
    "position": [-1, 0, 1, 1_000_000, 1_000_001],
    "star": [-1, 0, 3, 4],
    "category": ["", "Shelter", "x" * 200, "x" * 201, None],
}
PLAIN["worn_quantity"] = PLAIN["quantity"]


@pytest.mark.parametrize("key", list(PLAIN))
def test_the_fast_path_takes_a_plain_value_exactly_when_the_schema_does(key):
    plain = PLAIN[key]
    for value in plain:
        raw = {"item_id": 1, "quantity": "1000000", key: value}
        try:
            ENTRY.load(raw)
            accepted = True
        except ValidationError:
            accepted = False
        assert agrees(raw) == accepted, (key, value)


def test_an_exported_entry_takes_the_fast_path():
    assert agrees({"item_id": 3, "quantity": "2.000", "worn": True, "consumable": False,
                   "worn_quantity": "1.000", "position": 7, "category": "Sleep", "star": 2,
                   "checked": True})
    assert not agrees({"item_id": 3, "worn": True, "consumable": True})
    assert not agrees({"item_id": 3, "quantity": "1.000", "worn_quantity": "2.000"})


@pytest.mark.parametrize(("data", "path"), [
    ("items", "_schema"),
    ({"items": [{"id": 1, "name": "a", "price": 1e308}]}, "items.0.price"),
    ({"items": [{"id": 1, "name": "a", "weight": 2000, "weight_unit": "kg"}]}, "items.0.weight"),
    ({"items": [{"id": [], "name": "a"}], "packs": [{"name": "p", "entries": [{"item_id": 1}]}]},
     "packs.0.entries.0.item_id"),
    ({"items": [{"id": 1, "name": "a"}], "packs": [{"name": "p", "entries": [
        {"item_id": 1, "quantity": "1e400"}]}]}, "packs.0.entries.0.quantity"),
    ({"packs": [{"name": "p", "entries": {"item_id": 1}}]}, "packs.0.entries"),
    ({"packs": [[]]}, "packs.0._schema"),
    ({"packs": [{"name": "p", "categories": [{"name": "a"}, {"name": "a"}]}]},
     "packs.0.categories.1.name"),
    ({"packs": [{"name": "p", "categories": [{"name": "a", "color": "red"}]}]},
     "packs.0.categories.0.color"),
    ({"packs": [{"name": "p", "categories": {"name": "a"}}]}, "packs.0.categories"),
    ({"packs": [{"name": "p", "categories": [{"color": "#ffffff"}]}]},
     "packs.0.categories.0.name"),
    ({"items": [{"id": 1, "name": "a"}], "packs": [{"name": "p", "entries": [
        {"item_id": 1, "star": 4}]}]}, "packs.0.entries.0.star"),
    ({"items": [{"id": 1, "name": "a"}], "packs": [{"name": "p", "entries": [
        {"item_id": 1, "category_id": 4}]}]}, "packs.0.entries.0.category_id"),
])
def test_garbage_is_refused_with_its_path(data, path):
    with pytest.raises(ValidationFailed) as refused:
        load_document(data, "g")
    assert path in refused.value.fields


def test_an_entry_of_an_item_refused_for_another_reason_is_not_reported_twice():
    with pytest.raises(ValidationFailed) as refused:
        load_document({"items": [{"id": 1, "name": ""}],
                       "packs": [{"name": "p", "entries": [{"item_id": 1}]}]}, "g")
    assert list(refused.value.fields) == ["items.0.name"]
