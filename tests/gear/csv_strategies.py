"""Hypothesis strategies for Lighterpack CSV rows, shared by the round-trip property tests."""

from hypothesis import strategies as st

from pmp.gear.lighterpack import CsvRow
from pmp.gear.totals import TotalsEntry, pack_totals
from pmp.gear.units import UNITS

CATEGORIES = ("", "Shelter", "=Food", "Clo,thing")

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00"),
               max_size=20)


@st.composite
def csv_rows(draw, categories=CATEGORIES):
    quantity = draw(st.decimals(min_value="0.001", max_value=1000, places=3))
    worn, consumable = draw(st.sampled_from([(False, False), (True, False), (False, True)]))
    worn_quantity = None
    if worn and draw(st.booleans()):
        worn_quantity = draw(st.decimals(min_value=0, max_value=quantity, places=3))
    return CsvRow(
        name=draw(text.filter(lambda s: s.strip())),
        category=draw(st.sampled_from(categories)),
        description=draw(text),
        quantity=quantity,
        weight_mg=draw(st.integers(0, 10**9)),
        unit=draw(st.sampled_from(UNITS)),
        url=draw(st.sampled_from(["", "https://example.test/a?b=1,2"])),
        price=draw(st.none() | st.decimals(min_value=0, max_value=10**6, places=2)),
        currency=draw(st.sampled_from(["EUR", "USD"])),
        worn=worn,
        consumable=consumable,
        worn_quantity=worn_quantity,
        star=draw(st.sampled_from([0, 0, 1, 2, 3])),
    )


def totals(rows):
    return pack_totals(
        [TotalsEntry(r.weight_mg, r.quantity, r.worn, r.consumable, r.worn_quantity,
                     r.category, r.price, r.currency) for r in rows],
        "oz",
    )  # fmt: skip
