"""Lighterpack CSV, pure (no Flask, no database): the shapes of a parsed upload, decoding its
bytes, and writing a pack.

Format: `Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable` (RFC 4180).
Optional trailing columns carry what that format cannot: `worn_qty` (an explicit worn
quantity), `currency` (when a price is not in the owner's currency), `star` (Lighterpack's 0-3
star of an entry) and `category_color` (`#rrggbb`). They are only written when needed, so an
ordinary pack exports exactly Lighterpack's ten columns. An empty category is a row whose only
cells are Category (and category_color): Lighterpack's importer, which needs a number in qty,
skips it. Parsing lives in `pmp.gear.lighterpack_parse`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pmp.gear.units import CSV_UNIT_NAMES, normalize, weight_in_unit

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_NAME = 200
MAX_TEXT = 10_000
MAX_URL = 2000
MAX_WEIGHT_MG = 1_000_000_000  # one tonne
MAX_QUANTITY = Decimal(1_000_000)
MAX_PRICE = Decimal(1_000_000_000)
MAX_REPORTED_LINES = 100
MAX_REPORTED_WARNINGS = 1000
MAX_STAR = 3

HEADER = ["Item Name", "Category", "desc", "qty", "weight", "unit", "url", "price", "worn",
          "consumable"]  # fmt: skip

WORN_QTY, CURRENCY, STAR, CATEGORY_COLOR = "worn_qty", "currency", "star", "category_color"

# A NUL byte: no text file has one (and pmp never exports one), every binary format does.
_BINARY = re.compile("\x00")
# Cells a spreadsheet would run as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


@dataclass(frozen=True)
class CsvRow:
    """One line of a Lighterpack list: an item and how it is packed."""

    name: str
    category: str = ""
    description: str = ""
    quantity: Decimal = Decimal(1)
    weight_mg: int = 0
    unit: str = "g"
    url: str = ""
    price: Decimal | None = None
    currency: str = "EUR"
    worn: bool = False
    consumable: bool = False
    worn_quantity: Decimal | None = None
    star: int = 0
    line: int = field(default=0, compare=False)

    def item_key(self) -> tuple:
        """Rows with the same key describe the same item."""
        return (self.name, self.category, self.description, self.weight_mg, self.unit,
                self.url, self.price, self.currency if self.price is not None else None)


@dataclass(frozen=True)
class CsvCategory:
    """A category of the list, in the list's order; `color` is `#rrggbb` when the file sets it."""

    name: str
    color: str | None = None


@dataclass(frozen=True)
class CsvWarning:
    """Something the import did to a line that the file did not say in so many words."""

    line: int
    message: str


@dataclass(frozen=True)
class ParsedCsv:
    """An accepted upload: rows (duplicates merged), what was repaired, and the categories.

    `categories` has every category name in first-appearance order (`""` too when rows have no
    category), empty categories included.
    """

    rows: list[CsvRow]
    warnings: list[CsvWarning]
    categories: list[CsvCategory]


class CsvTooLarge(ValueError):
    """The upload is over MAX_BYTES."""


class CsvInvalid(ValueError):
    """The upload has bad rows; `errors` maps "line N" to its messages, all lines at once."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("The CSV file has errors.")
        self.errors = errors


# -- reading and writing ---------------------------------------------------------------------


def decode(data: bytes | str) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), else Windows-1252 as spreadsheets save it."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), "utf-8"
    if len(data) > MAX_BYTES:
        raise CsvTooLarge(f"The CSV file is larger than {MAX_BYTES} bytes.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _BINARY.search(text):
            break
        return text, encoding
    raise CsvInvalid({"line 1": ["The file is not a CSV text file (UTF-8 or Windows-1252)."]})


def neutralize(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula; `restore` undoes it exactly."""
    if text.startswith(_FORMULA_START) or _ESCAPED.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo `neutralize`."""
    return text[1:] if _ESCAPED.match(text) else text


def write_csv(rows: Iterable[CsvRow], currency: str,
              categories: list[CsvCategory] | None = None) -> str:
    """The rows as Lighterpack CSV text (CRLF line ends, minimal quoting).

    Without `categories` the rows are written in the given order. With them, rows are grouped
    by category in that order (each category's rows in the given order; categories no row
    names follow in first-appearance order), colours go to `category_color`, and a category
    without rows is written as a row with only its name (and colour).
    """
    rows = list(rows)
    groups = _grouped(rows, categories)
    colors: dict[str, str] = {}
    for category in categories or ():
        if category.color:
            colors.setdefault(category.name, category.color)
    extras = [
        (WORN_QTY, any(r.worn and r.worn_quantity is not None for r in rows)),
        (CURRENCY, any(r.price is not None and r.currency != currency for r in rows)),
        (STAR, any(r.star for r in rows)),
        (CATEGORY_COLOR, bool(colors)),
    ]
    extras = [name for name, needed in extras if needed]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER + extras)
    for name, members in groups:
        if not members:
            cells = ["", neutralize(name)] + [""] * (len(HEADER) - 2)
            writer.writerow(cells + [colors.get(name, "") if column == CATEGORY_COLOR else ""
                                     for column in extras])
        for row in members:
            writer.writerow(_cells(row) + [_extra(row, column, colors) for column in extras])
    return out.getvalue()


def _grouped(rows: list[CsvRow], categories: list[CsvCategory] | None) -> list[tuple]:
    """(category name, its rows) in writing order; one group of all rows without categories."""
    if categories is None:
        return [(None, rows)] if rows else []
    groups: dict[str, list[CsvRow]] = {c.name: [] for c in categories}
    for row in rows:
        groups.setdefault(row.category, []).append(row)
    # An empty category without a name cannot be written (its row would be blank).
    return [(name, members) for name, members in groups.items() if name or members]


def _extra(row: CsvRow, column: str, colors: dict[str, str]) -> str:
    if column == WORN_QTY:
        return _num(row.worn_quantity) if row.worn else ""
    if column == CURRENCY:
        return row.currency if row.price is not None else ""
    if column == STAR:
        return str(row.star) if row.star else ""
    return colors.get(row.category, "")


def _cells(row: CsvRow) -> list[str]:
    return [
        neutralize(row.name),
        neutralize(row.category),
        neutralize(row.description),
        _num(row.quantity),
        _num(weight_in_unit(row.weight_mg, row.unit)),
        CSV_UNIT_NAMES[row.unit],
        neutralize(row.url),
        "" if row.price is None else f"{row.price:.2f}",
        "Worn" if row.worn else "",
        "Consumable" if row.consumable else "",
    ]


def _num(value: Decimal | None) -> str:
    return "" if value is None else f"{normalize(Decimal(value)):f}"


def is_web_url(text: str) -> bool:
    """Empty, or an http(s) URL: a `javascript:` link must never reach a client."""
    return not text or re.match(r"https?://[^\s\x00-\x1f\x7f]+\Z", text, re.IGNORECASE) is not None
