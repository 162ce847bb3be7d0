"""One item row of an uploaded Lighterpack CSV: typed cells, the repairs that keep real files
importable (each one reported as a warning), and merging rows of the same item.

Strict where the meaning is unclear (a weight or quantity that is not a number, a negative
weight, an unknown unit: the row is an error); forgiving where it is clear (quantity 0, worn and
consumable together, float noise in prices, links without a scheme or with spaces).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from pmp.gear.lighterpack import (
    MAX_NAME,
    MAX_PRICE,
    MAX_QUANTITY,
    MAX_STAR,
    MAX_TEXT,
    MAX_URL,
    MAX_WEIGHT_MG,
    CsvRow,
    CsvWarning,
    is_web_url,
    restore,
)
from pmp.gear.units import UnitError, normalize, parse_unit, to_milligrams

_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"", "no", "n", "false", "0"}
_NUMBER = re.compile(r"\+?(\d+(\.\d*)?|\.\d+)")
_CURRENCY = re.compile(r"[A-Za-z]{3}")
_CENT = Decimal("0.01")
# A price this close to a whole cent is binary floating-point noise (1.1400000000000001):
# Lighterpack stores prices as JavaScript numbers. 10^-6 is far above the noise of any price
# up to MAX_PRICE and far below a real third decimal.
_FLOAT_NOISE = Decimal("0.000001")
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
# A host name (labels with dots, a top-level label of letters), then an optional port and path.
_BARE_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?\Z",
    re.IGNORECASE,
)


def read_row(values: dict[str, str], line: int, default_unit: str,
             currency: str) -> tuple[CsvRow | None, list[str], list[str]]:
    """(the row or None, its problems, its warnings) from a row's cells by column name."""
    cells = _Cells(values)
    name = cells.text("name", MAX_NAME, required=True)
    category = cells.text("category", MAX_NAME)
    description = cells.text("description", MAX_TEXT)
    quantity = cells.decimal("quantity", Decimal(1), places=3, maximum=MAX_QUANTITY)
    if quantity == 0:
        cells.notes.append("qty is 0: imported as an entry of quantity 0 (it adds no weight).")
    unit = cells.unit(default_unit)
    url, link_text = cells.url()
    if link_text is not None:
        description = "\n".join(filter(None, [description, f"Link: {link_text}"]))
        if len(description) > MAX_TEXT:
            cells.problems.append(f"description: Longer than {MAX_TEXT} characters with the "
                                  f"link text added.")  # fmt: skip
    row = CsvRow(
        name=name, category=category, description=description, quantity=quantity,
        weight_mg=cells.weight(unit), unit=unit, url=url, price=cells.price(),
        currency=cells.currency(currency), worn=cells.flag("worn"),
        consumable=cells.flag("consumable"),
        worn_quantity=cells.decimal("worn_quantity", None, places=3, maximum=MAX_QUANTITY),
        star=cells.star(), line=line,
    )  # fmt: skip
    if row.worn and row.consumable:
        dropped = " and its worn_qty" if row.worn_quantity is not None else ""
        cells.notes.append(
            f"Marked both worn and consumable: imported as consumable, not worn{dropped} "
            "(a consumable's weight counts in full; worn would leave it out of the pack weight)."
        )
        row = replace(row, worn=False, worn_quantity=None)
    if row.worn_quantity is not None and row.worn_quantity > row.quantity:
        cells.problems.append("worn_qty: Must not be more than qty.")
    return (None if cells.problems else row), cells.problems, cells.notes


class _Cells:
    """Typed access to one row's cells, collecting every problem instead of stopping."""

    def __init__(self, values: dict[str, str]):
        self.values = values
        self.problems: list[str] = []
        self.notes: list[str] = []

    def _raw(self, name: str) -> str:
        return self.values.get(name, "").strip()

    def text(self, name: str, limit: int, required: bool = False) -> str:
        value = restore(self.values.get(name, ""))
        if required and not value.strip():
            self.problems.append(f"{name}: Must not be empty.")
        if len(value) > limit:
            self.problems.append(f"{name}: Longer than {limit} characters.")
        if "\x00" in value:
            self.problems.append(f"{name}: Must not contain NUL characters.")
        return value

    def number(self, name: str, default: Decimal | None, maximum: Decimal) -> Decimal | None:
        """A non-negative decimal as written (`default` when empty), not above `maximum`."""
        raw = self._raw(name)
        if not raw:
            return default
        if not is_number(raw):
            kind = "Must not be negative" if raw.startswith("-") else "Not a valid number"
            self.problems.append(f"{name}: {kind} ({raw[:40]!r}).")
            return default
        value = Decimal(raw)
        if value > maximum:
            self.problems.append(f"{name}: Must be at most {maximum}.")
            return default
        return value

    def decimal(self, name, default, places, maximum) -> Decimal | None:
        value = self.number(name, default, maximum)
        if value is None:
            return None
        if value != value.quantize(Decimal(1).scaleb(-places)):
            self.problems.append(f"{name}: At most {places} decimals.")
        return normalize(value)

    def price(self) -> Decimal | None:
        """Prices are rounded to cents, with a warning when that changes the value."""
        value = self.number("price", None, MAX_PRICE)
        if value is None:
            return None
        cents = value.quantize(_CENT, rounding=ROUND_HALF_UP)
        if cents != value:
            raw = self._raw("price")
            why = ("floating-point noise" if abs(value - cents) <= _FLOAT_NOISE
                   else "more than 2 decimals")  # fmt: skip
            self.notes.append(f"price {raw} rounded to {cents} ({why}).")
        return normalize(cents)

    def weight(self, unit: str) -> int:
        value = self.number("weight", Decimal(0), maximum=Decimal(10) ** 12)
        mg = to_milligrams(value, unit)
        if mg > MAX_WEIGHT_MG:
            self.problems.append("weight: Must be at most 1000 kg.")
            return 0
        return mg

    def unit(self, default: str) -> str:
        raw = self._raw("unit")
        try:
            return parse_unit(raw) if raw else default
        except UnitError as exc:
            self.problems.append(f"unit: {exc}")
            return default

    def currency(self, default: str) -> str:
        raw = self._raw("currency")
        if raw and not _CURRENCY.fullmatch(raw):
            self.problems.append("currency: Must be a three-letter ISO 4217 code.")
            return default
        return raw.upper() or default

    def flag(self, name: str) -> bool:
        raw = self._raw(name).lower()
        if raw in _TRUE or raw == name:
            return True
        if raw not in _FALSE:
            self.problems.append(f"{name}: Use '{name.capitalize()}' or leave it empty.")
        return False

    def star(self) -> int:
        raw = self._raw("star")
        if raw and not (raw.isascii() and raw.isdigit() and int(raw) <= MAX_STAR):
            self.problems.append(f"star: Must be a whole number from 0 to {MAX_STAR}.")
            return 0
        return int(raw or 0)

    def url(self) -> tuple[str, str | None]:
        """(the link, text that is no link) — the text goes to the description."""
        raw = self.text("url", MAX_TEXT)
        link, note = repair_url(raw)
        if note:
            self.notes.append(note)
        return ("", raw.strip()) if link is None else (link, None)


def repair_url(raw: str) -> tuple[str | None, str | None]:
    """(link, warning) for a url cell; link None when the cell is text, not a web link.

    Surrounding spaces are trimmed and inner spaces percent-encoded; a host name without a
    scheme gets `https://`. Anything else (`see notes`, `javascript:…`, `ftp://…`) is text.
    """
    text = raw.strip()
    if not text:
        return "", None
    changes = ["surrounding spaces removed"] if text != raw else []
    if _SCHEME.match(text):
        link = text.replace(" ", "%20")
        if link != text:
            changes.append("spaces percent-encoded")
    elif _BARE_HOST.match(text):
        link = "https://" + text
        changes.append("https:// added")
    else:
        return None, f"url {quoted(text)} is not a web link: {_kept(text)}"
    if not is_web_url(link) or len(link) > MAX_URL:
        return None, f"url {quoted(text)} is not a usable web link: {_kept(text)}"
    return link, (f"url {quoted(text)}: {', '.join(changes)} ({link})." if changes else None)


def _kept(text: str) -> str:
    return f"added to the description as {quoted('Link: ' + text)}."


def quoted(text: str) -> str:
    """A cell's text for a message: quoted, at most 80 characters."""
    return repr(text if len(text) <= 80 else text[:77] + "...")


def is_number(text: str) -> bool:
    """A non-negative decimal as the CSV writes them (no sign, exponent or thousands mark)."""
    return len(text) <= 40 and _NUMBER.fullmatch(text) is not None


def read_category(values: dict[str, str]) -> tuple[str, list[str]]:
    """(name, problems) of the category of a row that only names a category."""
    cells = _Cells(values)
    return cells.text("category", MAX_NAME), cells.problems


# -- merging ---------------------------------------------------------------------------------


def merge_duplicates(rows: list[CsvRow], errors: dict, warnings: list[CsvWarning]
                     ) -> list[CsvRow]:  # fmt: skip
    """Rows of the same item, consumable flag and star become one entry (Lighterpack's meaning).

    Quantities add up; each worn row counts its own worn units, so merged rows keep an explicit
    worn quantity. The same item with another consumable flag or star is a second entry.
    """
    groups: dict[tuple, list[CsvRow]] = {}
    first_of_item: dict[tuple, CsvRow] = {}
    for row in rows:
        first = first_of_item.setdefault(row.item_key(), row)
        group = groups.setdefault((row.item_key(), row.consumable, row.star), [])
        if group:
            warnings.append(CsvWarning(row.line, f"Same item as line {group[0].line}: merged "
                                                 "into one entry (quantities added)."))
        elif first is not row:
            differs = "consumable" if row.consumable != first.consumable else "star"
            warnings.append(CsvWarning(row.line, f"Same item as line {first.line} but {differs} "
                                                 "differs: imported as a second entry of it."))
        group.append(row)
    merged = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            merged.append(first)
            continue
        quantity = sum((r.quantity for r in group), Decimal(0))
        if quantity > MAX_QUANTITY:
            errors[f"line {group[-1].line}"] = [f"qty: The total for this item is over "
                                                f"{MAX_QUANTITY}."]
            continue
        worn = [r for r in group if r.worn]
        merged.append(replace(
            first,
            quantity=quantity,
            worn=bool(worn),
            worn_quantity=sum((_worn_units(r) for r in worn), Decimal(0)) if worn else None,
        ))  # fmt: skip
    return merged


def _worn_units(row: CsvRow) -> Decimal:
    units = Decimal(1) if row.worn_quantity is None else row.worn_quantity
    return min(units, row.quantity)
