"""Parsing an uploaded Lighterpack CSV: find the columns, sort each row into its kind, and
collect every bad line and every repair at once.

The first non-blank row is the header (columns by name, case-insensitive), unless it reads as a
Lighterpack data row (then the file has no header and Lighterpack's column order applies). Each
further row is blank, an empty category, a section heading, a total, or an item; items are read
by `pmp.gear.lighterpack_rows`. docs/gear.md lists the rules.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from pmp.gear.lighterpack import (
    MAX_BYTES,
    MAX_REPORTED_LINES,
    MAX_REPORTED_WARNINGS,
    MAX_ROWS,
    CsvCategory,
    CsvInvalid,
    CsvRow,
    CsvTooLarge,
    CsvWarning,
    ParsedCsv,
    decode,
    restore,
)
from pmp.gear.lighterpack_rows import (
    is_number,
    merge_duplicates,
    quoted,
    read_category,
    read_row,
)
from pmp.gear.units import UnitError, parse_unit

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
    "star": "star", "stars": "star",
    "category_color": "category_color", "category color": "category_color",
}  # fmt: skip

# Lighterpack's export order, which its own importer reads by position.
LIGHTERPACK_ORDER = ["name", "category", "description", "quantity", "weight", "unit", "url",
                     "price", "worn", "consumable"]  # fmt: skip
_AMOUNTS = {"quantity", "weight", "unit"}
# Names of the rows spreadsheets add below or between items (compared without case, a
# trailing colon or a trailing note in parentheses such as "(g)").
_TOTAL = re.compile(
    r"(grand |sub-?|sub )?totals?( weight)?|sum"
    r"|(base|pack|worn|consumables?|skin-out|skin out|carried|total pack) weight"
)
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def parse_csv(data: bytes | str, default_unit: str = "g", currency: str = "EUR") -> ParsedCsv:
    """Parse a Lighterpack CSV: rows (duplicates merged), warnings and categories.

    Raises CsvInvalid listing every bad line at once, CsvTooLarge over MAX_BYTES.
    `default_unit` applies to rows without a unit, `currency` to prices without a currency.
    """
    text, encoding = decode(data)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise CsvTooLarge(f"The CSV file is larger than {MAX_BYTES} bytes.")
    reader = _Reader(default_unit, currency)
    if encoding == "cp1252":
        reader.warnings.append(CsvWarning(1, "The file is not UTF-8: read as Windows-1252 "
                                             "(check letters such as é, ü, €)."))  # fmt: skip
    return reader.read(text)


@dataclass
class _Layout:
    """Which column holds what; warns once per ignored column."""

    columns: list[str | None]
    headerless: bool = False
    warned: set[int] = field(default_factory=set)

    @property
    def has_amounts(self) -> bool:
        return bool(_AMOUNTS.intersection(self.columns))

    def values(self, cells: list[str], line: int, warnings: list[CsvWarning]) -> dict[str, str]:
        """The row's cells by column name, warning about an ignored column's first value."""
        columns = self.columns
        values = {name: cell for name, cell in zip(columns, cells, strict=False) if name}
        if len(values) == len(cells):
            return values  # the common row: no cell outside the known columns
        for index, cell in enumerate(cells):
            if (index >= len(columns) or columns[index] is None) and cell.strip() \
                    and index not in self.warned:
                self.warned.add(index)
                why = "is not one of Lighterpack's" if self.headerless else "has no header"
                warnings.append(CsvWarning(line, f"Column {index + 1} {why}: its values are "
                                                 "ignored."))
        return values


class _Reader:
    """One upload's parse: rows, categories, warnings and errors as they are found."""

    def __init__(self, default_unit: str, currency: str):
        self.default_unit = default_unit
        self.currency = currency
        self.errors: dict[str, list[str]] = {}
        self.warnings: list[CsvWarning] = []
        self.rows: list[CsvRow] = []
        self.colors: dict[str, str | None] = {}  # category -> colour, first-appearance order
        self.color_lines: dict[str, int] = {}
        self.layout: _Layout | None = None
        self.item_rows = 0

    def read(self, text: str) -> ParsedCsv:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        line = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                self.errors[f"line {reader.line_num}"] = [f"Malformed CSV: {exc}."]
                break
            start, line = line, reader.line_num + 1
            if any(cell.strip() for cell in cells) and not self.take(start, cells):
                break
        return self.result(line)

    def take(self, line: int, cells: list[str]) -> bool:
        """Read one non-blank record; False when reading must stop (too many rows)."""
        if self.layout is None:
            self.layout = _layout(cells, line, self.errors, self.warnings)
            if not self.layout.headerless:
                return True
        values = self.layout.values(cells, line, self.warnings)
        filled = {name for name, value in values.items() if value.strip()}
        if "category" in filled and filled <= {"category", "category_color"}:
            name, problems = read_category(values)
            if problems:
                self.errors[f"line {line}"] = problems
            else:
                self.category(name, values.get("category_color", ""), line)
            return True
        total = _looks_like_total(values)
        skipped = _skipped(values, filled, self.layout, total)
        if skipped:
            self.warnings.append(CsvWarning(line, skipped))
            return True
        if self.item_rows >= MAX_ROWS:
            self.errors[f"line {line}"] = [f"Too many rows; at most {MAX_ROWS} are accepted."]
            return False
        self.item_rows += 1
        row, problems, notes = read_row(values, line, self.default_unit, self.currency)
        if total:
            notes.insert(0, "Named like a total but has a qty: imported as an item; delete it "
                            "if it is a total.")  # fmt: skip
        self.warnings.extend(CsvWarning(line, note) for note in notes)
        if row is None:
            self.errors[f"line {line}"] = problems
        else:
            self.rows.append(row)
            self.category(row.category, values.get("category_color", ""), line)
        return True

    def category(self, name: str, raw_color: str, line: int) -> None:
        """Note a category and its colour; the first colour given for it wins."""
        raw = raw_color.strip()
        color = raw.lower() if _COLOR.fullmatch(raw) else None
        if raw and color is None:
            self.warnings.append(CsvWarning(
                line, f"category_color {quoted(raw)} is not a #rrggbb colour: ignored."))
        known = self.colors.setdefault(name, None)
        if color is None or color == known:
            return
        if known is None:
            self.colors[name] = color
            self.color_lines[name] = line
        else:
            self.warnings.append(CsvWarning(line, (
                f"category_color {color} differs from {known} given for {quoted(name)} on line "
                f"{self.color_lines[name]}: ignored.")))

    def result(self, end_line: int) -> ParsedCsv:
        if self.layout is None:
            self.errors.setdefault("line 1", ["The file has no header row."])
        elif not self.rows and not self.errors:
            self.errors[f"line {end_line}"] = ["The file has a header but no items."]
        rows = self.rows if self.errors else merge_duplicates(self.rows, self.errors,
                                                              self.warnings)  # fmt: skip
        if self.errors:
            raise CsvInvalid(_first_lines(self.errors))
        categories = [CsvCategory(name, color) for name, color in self.colors.items()]
        return ParsedCsv(rows, _capped(self.warnings), categories)


def _layout(cells: list[str], line: int, errors: dict, warnings: list) -> _Layout:
    if _is_lighterpack_row(cells):
        warnings.append(CsvWarning(line, "No header row: the columns are read in Lighterpack's "
                                         "order (Item Name, Category, desc, qty, weight, unit, "
                                         "url, price, worn, consumable)."))  # fmt: skip
        return _Layout(LIGHTERPACK_ORDER, headerless=True)
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
    layout = _Layout(columns)
    for index, cell in enumerate(cells):
        if cell.strip() and columns[index] is None:
            layout.warned.add(index)
            warnings.append(CsvWarning(line, f"Column {index + 1} {quoted(cell.strip())} is not "
                                             "a column pmp reads: ignored."))
    return layout


def _is_lighterpack_row(cells: list[str]) -> bool:
    """A data row in Lighterpack's order: 6 to 10 cells (trailing empty ones aside), a name,
    numbers in qty and weight, and a unit in the sixth cell."""
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    if not 6 <= len(cells) <= len(LIGHTERPACK_ORDER) or not cells[0]:
        return False
    try:
        parse_unit(cells[5])
    except UnitError:
        return False
    return is_number(cells[3]) and is_number(cells[4])


def _skipped(values: dict[str, str], filled: set[str], layout: _Layout,
             total: bool) -> str | None:
    """Why a row that is not an item is skipped, or None for an item row."""
    name = restore(values.get("name", "")).strip()
    if not filled:
        return "Only ignored columns have values: row skipped."
    if filled == {"category_color"}:
        return "A category_color without a category: row skipped."
    if total and "quantity" not in filled:
        return f"Total row {quoted(name)} skipped (pmp computes totals itself)."
    if filled == {"name"} and layout.has_amounts:
        return (f"Section heading {quoted(name)} skipped (a row with only a name, no qty, "
                "weight or unit, is not an item).")
    return None


def _looks_like_total(values: dict[str, str]) -> bool:
    """A total's name (see _TOTAL) with no category and no description."""
    if values.get("category", "").strip() or values.get("description", "").strip():
        return False
    label = re.sub(r"\s+", " ", restore(values.get("name", ""))).strip().rstrip(":").strip()
    label = re.sub(r"\s*\([^()]*\)\Z", "", label).rstrip(":").strip()
    return _TOTAL.fullmatch(label.lower()) is not None


def _first_lines(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    keys = sorted(errors, key=lambda k: int(k.split()[1]))
    shown = {k: errors[k] for k in keys[:MAX_REPORTED_LINES]}
    if len(keys) > MAX_REPORTED_LINES:
        shown["more"] = [f"{len(keys) - MAX_REPORTED_LINES} more lines have errors."]
    return shown


def _capped(warnings: list[CsvWarning]) -> list[CsvWarning]:
    """Warnings by line; past MAX_REPORTED_WARNINGS, one last warning counts the rest."""
    ordered = sorted(warnings, key=lambda w: w.line)
    if len(ordered) <= MAX_REPORTED_WARNINGS:
        return ordered
    rest = ordered[MAX_REPORTED_WARNINGS - 1:]
    return ordered[:MAX_REPORTED_WARNINGS - 1] + [CsvWarning(
        rest[0].line, f"{len(rest)} more warnings, from line {rest[0].line} on, are not listed.")]
