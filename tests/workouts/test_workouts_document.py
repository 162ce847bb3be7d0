"""The workouts part of an import document: the fast paths never disagree with the schemas."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError, fields, validate

from bench.account_document import Scale, account_document
from pmp.core.errors import ValidationFailed
from pmp.workouts.document import ENTRY, SET, fast_entry, fast_set, load_document

assert set(SET.fields) == {"set_number", "reps", "weight", "weight_unit", "rpe", "rir",
                           "distance_meters", "duration_seconds", "is_warmup"}
assert set(ENTRY.fields) == {"exercise_name", "custom", "exercise_order", "notes", "target_sets",
                             "target_reps", "target_weight", "target_weight_unit", "target_rpe"}

EDGES = [0, 1, 2, 10, 100, 10_000, 10_001, 100_000, 100_001, 1_000_000, 100_000_000, -1, 0.5,
         1.5, 9.5, 10.5, 7.25, -0.0, 0.0001, 0.0005, 1e-7, 1e16, 1e308, 62.5, 99_999.9999,
         "5", "1.5", "kg", "lb", "KG", "", True, False, None, float("nan"), float("inf")]
VALUES = st.one_of(st.sampled_from(EDGES), st.integers(), st.floats(),
                   st.floats(0, 100_001).map(lambda f: round(f, 4)), st.text(max_size=4))
PLAIN = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=30)
TEXTS = st.one_of(st.text(max_size=12), PLAIN,
                  st.sampled_from(["Bench Press", "x" * 200, "x" * 201, "\x00", "a\ud800",
                                   "é", "tab\there", "line\nbreak", " "]))


def mostly(valid, garbage=VALUES):
    """Valid seven times in eight: a record passes only when every one of its values does."""
    return st.integers(0, 7).flatmap(lambda n: garbage if n == 0 else valid)


def around(low: int, high: int, places: int = 0):
    """Numbers from just below ``low`` to just above ``high``: both edges get crossed."""
    whole = st.integers(low - 1, high + 1)
    if not places:
        return st.one_of(st.none(), whole)
    return st.one_of(st.none(), whole, st.floats(low - 1, high + 1).map(lambda f: round(f, places)))


SET_VALUES = {
    "set_number": st.integers(0, 10_001), "reps": around(0, 100_000),
    "weight": around(0, 100_000, 3), "weight_unit": st.sampled_from(["kg", "lb"]),
    "rpe": st.one_of(around(1, 10, 2), st.integers(0, 21).map(lambda n: n / 2)),
    "rir": around(0, 100), "distance_meters": around(0, 100_000_000, 2),
    "duration_seconds": around(0, 1_000_000), "is_warmup": st.booleans(),
}
ENTRY_VALUES = {
    "exercise_name": PLAIN.filter(bool), "custom": st.booleans(),
    "exercise_order": st.integers(-1, 10_001), "notes": st.one_of(st.none(), PLAIN),
    "target_sets": around(0, 10_000), "target_reps": around(0, 100_000),
    "target_weight": around(0, 100_000, 3), "target_weight_unit": st.sampled_from(["kg", "lb"]),
    "target_rpe": st.one_of(around(1, 10, 2), st.integers(0, 21).map(lambda n: n / 2)),
}


def records(fields: dict, extra: str):
    """Dicts with any of these fields (values mostly valid), now and then an unknown one."""
    optional = {key: mostly(value, st.one_of(TEXTS, VALUES)) for key, value in fields.items()}
    unknown = st.one_of(st.just({}), st.just({}), st.just({}), st.builds(dict, **{extra: VALUES}))
    return st.builds(lambda record, more: {**record, **more},
                     st.fixed_dictionaries({}, optional=optional), unknown)


def canonical(record: dict) -> dict:
    """Values with their type and exact text: Decimal('1.000') and Decimal('1') differ here."""
    return {key: (type(value).__name__, str(value)) for key, value in record.items()}


@settings(max_examples=500)
@given(records(SET_VALUES, "id"))
def test_the_fast_set_path_takes_only_what_the_schema_takes_and_loads_it_alike(raw):
    fast = fast_set(raw)
    if fast is not None:
        assert canonical(fast) == canonical(SET.load(raw))


@settings(max_examples=300)
@given(records(ENTRY_VALUES, "sets"))
def test_the_fast_entry_path_takes_only_what_the_schema_takes_and_loads_it_alike(raw):
    fast = fast_entry(raw)
    if fast is not None:
        assert canonical(fast) == canonical(ENTRY.load(raw))


def edges(field) -> list:
    """Each side of a field's range (number) or length (text), and null."""
    if isinstance(field, fields.String):
        bounds = next(v for v in field.validators if isinstance(v, validate.Length))
        return ["x" * (bounds.min or 0), "x" * bounds.max, "x" * (bounds.max + 1), "", None]
    bounds = next(v for v in field.validators if isinstance(v, validate.Range))
    low, high = bounds.min, bounds.max
    return [low - 1, low, high, high + 1, None, low + 0.5, high - 0.5]


@pytest.mark.parametrize(("schema", "fast"), [(SET, fast_set), (ENTRY, fast_entry)])
def test_the_fast_paths_take_a_value_exactly_when_the_schema_does_at_every_edge(schema, fast):
    base = {"exercise_name": "Plank"} if schema is ENTRY else {}
    for key, field in schema.fields.items():
        if not isinstance(field, fields.Number | fields.String) or key.endswith("weight_unit"):
            continue
        for value in edges(field):
            raw = {**base, key: value}
            try:
                loaded = schema.load(raw)
            except ValidationError:
                loaded = None
            taken = fast(raw)
            assert (taken is None) == (loaded is None), (key, value)
            assert taken is None or canonical(taken) == canonical(loaded)


def test_plain_records_take_the_fast_paths():
    doc = account_document(Scale(workouts=30))
    entries = [entry for workout in doc["workouts"] for entry in workout["exercises"]]
    assert all(fast_set(row) is not None for entry in entries for row in entry["sets"])
    plain = [{k: v for k, v in entry.items() if k != "sets"} for entry in entries]
    assert all(fast_entry(entry) is not None for entry in plain
               if entry["notes"] is None or entry["notes"].isascii())
    assert fast_set([1]) is None and fast_entry("Plank") is None


@pytest.mark.parametrize(("data", "path"), [
    ([1], "_schema"),
    ({"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": [1]}]},
     "workouts.0.exercises.0._schema"),
    ({"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": None}]},
     "workouts.0.exercises"),
    ({"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": [
        {"exercise_name": "Plank", "sets": {"reps": 1}}]}]}, "workouts.0.exercises.0.sets"),
    ({"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "exercises": [
        {"exercise_name": "Plank", "sets": [{"weight": "1e400"}]}]}]},
     "workouts.0.exercises.0.sets.0.weight"),
    ({"workouts": [{"performed_at": "2026-01-01T00:00:00Z", "id": 4}]}, "workouts.0.id"),
    ({"custom_exercises": [{"name": " ", "category": "sport"}]}, "custom_exercises.0.name"),
])
def test_garbage_is_refused_with_its_path(data, path):
    with pytest.raises(ValidationFailed) as refused:
        load_document(data)
    assert path in refused.value.fields
