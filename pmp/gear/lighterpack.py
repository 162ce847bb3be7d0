"""Lighterpack CSV: writing a pack and parsing an upload, pure (no Flask, no database).

Format: `Item Name,Category,desc,qty,weight,unit,url,price,worn,consumable` (RFC 4180).
Two optional trailing columns carry what that format cannot: `worn_qty` (an explicit worn
quantity) and `currency` (when a price is not in the owner's currency). They are only written
when needed, so an ordinary pack exports exactly Lighterpack's ten columns. Parsing lives in
`pmp.gear.lighterpack_parse`.
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

HEADER = ["Item Name", "Category", "desc", "qty", "weight", "unit", "url", "price", "worn",
          "consumable"]  # fmt: skip

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
    line: int = field(default=0, compare=False)

    def item_key(self) -> tuple:
        """Rows with the same key describe the same item."""
        return (self.name, self.category, self.description, self.weight_mg, self.unit,
                self.url, self.price, self.currency if self.price is not None else None)


class CsvTooLarge(ValueError):
    """The upload is over MAX_BYTES."""


class CsvInvalid(ValueError):
    """The upload has bad rows; `errors` maps "line N" to its messages, all lines at once."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("The CSV file has errors.")
        self.errors = errors


# -- writing ---------------------------------------------------------------------------------


def neutralize(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula; `restore` undoes it exactly."""
    if text.startswith(_FORMULA_START) or _ESCAPED.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo `neutralize`."""
    return text[1:] if _ESCAPED.match(text) else text


def write_csv(rows: Iterable[CsvRow], currency: str) -> str:
    """The rows as Lighterpack CSV text (CRLF line ends, minimal quoting)."""
    rows = list(rows)
    with_worn_qty = any(r.worn and r.worn_quantity is not None for r in rows)
    with_currency = any(r.price is not None and r.currency != currency for r in rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER + ["worn_qty"] * with_worn_qty + ["currency"] * with_currency)
    for row in rows:
        cells = _cells(row)
        if with_worn_qty:
            cells.append(_num(row.worn_quantity) if row.worn else "")
        if with_currency:
            cells.append(row.currency if row.price is not None else "")
        writer.writerow(cells)
    return out.getvalue()


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
