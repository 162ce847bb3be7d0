"""Parsing an uploaded Lighterpack CSV: every spelling, every bad line reported at once.

Columns are mapped by header name (case-insensitive), cells un-neutralised, rows for the same
item merged (quantities add up), and the limits of `pmp.gear.lighterpack` enforced.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from decimal import Decimal

from pmp.gear.lighterpack import (
    MAX_BYTES,
    MAX_NAME,
    MAX_PRICE,
    MAX_QUANTITY,
    MAX_REPORTED_LINES,
    MAX_ROWS,
    MAX_TEXT,
    MAX_URL,
    MAX_WEIGHT_MG,
    CsvInvalid,
    CsvRow,
    CsvTooLarge,
    is_web_url,
    restore,
)
from pmp.gear.units import UnitError, normalize, parse_unit, to_milligrams

_COLUMNS = {
    "item name": "name", "name": "name", "item": "name",
    "category": "category",
    "desc": "description", "description": "description",
    "qty": "quantity", "quantity": "quantity",
    "weight": "weight",
    "unit": "unit",
    "url": "url", "link": "url",
    "price": "price",
    "worn": "worn",
    "consumable": "consumable",
    "worn_qty": "worn_quantity", "worn qty": "worn_quantity",
    "worn_quantity": "worn_quantity", "worn quantity": "worn_quantity",
    "currency": "currency",
}  # fmt: skip

_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"", "no", "n", "false", "0"}
_NUMBER = re.compile(r"\+?(\d+(\.\d*)?|\.\d+)")
_CURRENCY = re.compile(r"[A-Za-z]{3}")
# A NUL byte: no text file has one (and pmp never exports one), every binary format does.
_BINARY = re.compile("\x00")


def decode(data: bytes | str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252 as spreadsheets save it."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if len(data) > MAX_BYTES:
        raise CsvTooLarge(f"The CSV file is larger than {MAX_BYTES} bytes.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _BINARY.search(text):
            break
        return text
    raise CsvInvalid({"line 1": ["The file is not a CSV text file (UTF-8 or Windows-1252)."]})


def parse_csv(data: bytes | str, default_unit: str = "g", currency: str = "EUR") -> list[CsvRow]:
    """Parse a Lighterpack CSV into rows, duplicates merged.

    Raises CsvInvalid listing every bad line at once. `default_unit` applies to rows
    without a unit, `currency` to prices without a currency.
    """
    text = decode(data)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise CsvTooLarge(f"The CSV file is larger than {MAX_BYTES} bytes.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    errors: dict[str, list[str]] = {}
    rows: list[CsvRow] = []
    columns: list[str | None] | None = None
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors[f"line {reader.line_num}"] = [f"Malformed CSV: {exc}."]
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if columns is None:
            columns = _header(cells, start, errors)
            continue
        if len(rows) >= MAX_ROWS:
            errors[f"line {start}"] = [f"Too many rows; at most {MAX_ROWS} are accepted."]
            break
        row = _row(cells, columns, start, errors, default_unit, currency)
        if row is not None:
            rows.append(row)
    if columns is None:
        errors.setdefault("line 1", ["The file has no header row."])
    elif not rows and not errors:
        errors[f"line {line}"] = ["The file has a header but no items."]
    if not errors:
        rows = merge_duplicates(rows, errors)
    if errors:
        raise CsvInvalid(_first_lines(errors))
    return rows


def _first_lines(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    keys = sorted(errors, key=lambda k: int(k.split()[1]))
    shown = {k: errors[k] for k in keys[:MAX_REPORTED_LINES]}
    if len(keys) > MAX_REPORTED_LINES:
        shown["more"] = [f"{len(keys) - MAX_REPORTED_LINES} more lines have errors."]
    return shown


def _header(cells: list[str], line: int, errors: dict) -> list[str | None]:
    columns = [_COLUMNS.get(cell.strip().lower()) for cell in cells]
    known = [c for c in columns if c]
    problems = []
    if "name" not in known:
        problems.append("The header has no 'Item Name' column.")
    dupes = sorted({c for c in known if known.count(c) > 1})
    if dupes:
        problems.append(f"Columns appear twice: {', '.join(dupes)}.")
    if problems:
        errors[f"line {line}"] = problems
    return columns


def _row(cells, columns, line, errors, default_unit, currency) -> CsvRow | None:
    values: dict[str, str] = {}
    problems: list[str] = []
    for index, cell in enumerate(cells):
        name = columns[index] if index < len(columns) else None
        if name:
            values[name] = cell
    fields = _RowFields(values, problems)
    row = CsvRow(
        name=fields.text("name", MAX_NAME, required=True),
        category=fields.text("category", MAX_NAME),
        description=fields.text("description", MAX_TEXT),
        quantity=fields.decimal("quantity", Decimal(1), places=3, positive=True,
                                maximum=MAX_QUANTITY),
        unit=fields.unit(default_unit),
        url=fields.text("url", MAX_URL),
        price=fields.decimal("price", None, places=2, maximum=MAX_PRICE),
        currency=fields.currency(currency),
        worn=fields.flag("worn"),
        consumable=fields.flag("consumable"),
        worn_quantity=fields.decimal("worn_quantity", None, places=3, maximum=MAX_QUANTITY),
        line=line,
    )
    row = replace(row, weight_mg=fields.weight(row.unit))
    if not is_web_url(row.url):
        problems.append("url: Must be an http(s) URL or empty.")
    if row.worn and row.consumable:
        problems.append("An item cannot be both worn and consumable.")
    if row.worn_quantity is not None and row.worn_quantity > row.quantity:
        problems.append("worn_qty: Must not be more than qty.")
    if problems:
        errors[f"line {line}"] = problems
        return None
    return row


class _RowFields:
    """Typed access to one row's cells, collecting every problem instead of stopping."""

    def __init__(self, values: dict[str, str], problems: list[str]):
        self.values = values
        self.problems = problems

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

    def decimal(self, name, default, places, maximum, positive=False) -> Decimal | None:
        """A non-negative decimal (`default` when empty) with at most `places` decimals."""
        raw = self._raw(name)
        if not raw:
            return default
        if len(raw) > 40 or not _NUMBER.fullmatch(raw):
            kind = "Must not be negative" if raw.startswith("-") else "Not a valid number"
            self.problems.append(f"{name}: {kind} ({raw[:40]!r}).")
            return default
        value = Decimal(raw)
        if positive and value <= 0:
            self.problems.append(f"{name}: Must be greater than 0.")
        if value > maximum:
            self.problems.append(f"{name}: Must be at most {maximum}.")
            return default
        if places is not None and value != value.quantize(Decimal(1).scaleb(-places)):
            self.problems.append(f"{name}: At most {places} decimals.")
        return normalize(value)

    def weight(self, unit: str) -> int:
        value = self.decimal("weight", Decimal(0), places=None, maximum=Decimal(10) ** 12)
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


def merge_duplicates(rows: list[CsvRow], errors: dict) -> list[CsvRow]:
    """Rows for the same item become one entry; quantities add up (Lighterpack's meaning).

    Each worn row counts its own worn units, so merged rows keep an explicit worn quantity.
    """
    groups: dict[tuple, list[CsvRow]] = {}
    for row in rows:
        groups.setdefault(row.item_key(), []).append(row)
    merged = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            merged.append(first)
            continue
        clash = next((r for r in group if r.consumable != first.consumable), None)
        if clash is not None:
            errors[f"line {clash.line}"] = [
                f"Same item as line {first.line} but consumable differs; list it once."
            ]
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
