"""What the share page shows, from the public pack document (pmp.gear.packs.shared_detail).

Numbers are formatted here, once, as a person reads them: weights with at most 2 decimals
(whole grams), prices with their currency, quantities without needless decimals. Items keep
the unit their owner typed (as in Lighterpack); totals, categories and the chart are in the
page's unit, which the reader switches with `?unit=`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pmp.gear.units import UNITS
from pmp.web.chart import donut
from pmp.web.markdown import render_markdown

UNIT_NAMES = {"g": "grams", "kg": "kilograms", "oz": "ounces", "lb": "pounds"}
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}
NO_CENTS = {"JPY", "KRW", "ISK", "CLP", "VND"}
TOTAL_ROWS = (("total", "Total"), ("base", "Base weight"), ("worn", "Worn"),
              ("consumable", "Consumable"), ("pack", "Pack weight"))  # fmt: skip


def number(value: float, places: int = 2) -> str:
    """1234.5 -> "1,234.5": at most `places` decimals, trailing zeros dropped."""
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def weight(value: float, unit: str) -> str:
    return number(value, 0 if unit == "g" else 2)


def money(amount: float, currency: str) -> str:
    figure = number(amount, 0) if currency in NO_CENTS else f"{amount:,.2f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"


def percent(share: float | None) -> str:
    """0.347 -> "35%"; a sliver is "<1%", not "0%"; no weight at all is "–"."""
    if share is None:
        return "–"
    return "<1%" if share < 0.005 else f"{share:.0%}"


def prices(by_currency: dict[str, float]) -> str:
    return " + ".join(money(amount, cur) for cur, amount in by_currency.items())


def web_link(url: str) -> str | None:
    """Only http(s) addresses become links or pictures (the API stores no others, but a page
    must not trust that)."""
    return url if url.lower().startswith(("https://", "http://")) else None


@dataclass
class Category:
    name: str
    color: str
    figures: dict
    entries: list[dict] = field(default_factory=list)


def share_context(doc: dict, unit: str, page_url: str) -> dict:
    """Everything share.html needs, from the pack document in `unit`."""
    totals = doc["totals"]
    categories = _categories(doc, unit)
    chart = donut([(c.name, c.color, c.figures["grams"]) for c in categories])
    shares = {s.name: s.share for s in chart}
    for category in categories:
        share = shares.get(category.name)
        category.figures["share"] = percent(share)
    return {
        "pack": {"name": doc["name"], "description": render_markdown(doc["description"])},
        "unit": unit,
        "unit_name": UNIT_NAMES[unit],
        "units": [{"unit": u, "name": UNIT_NAMES[u], "current": u == unit} for u in UNITS],
        "categories": categories,
        "totals": [{"key": key, "label": label, "value": weight(totals[key], unit)}
                   for key, label in TOTAL_ROWS],
        "item_count": number(totals["item_count"], 3),
        "entry_count": doc["entry_count"],
        "price": prices(totals["price"]),
        "chart": chart,
        "chart_text": _chart_text(categories, unit),
        "summary": og_description(totals, unit),
        "page_url": page_url,
    }


def og_description(totals: dict, unit: str) -> str:
    """"Base 4.2 kg · Total 6.8 kg · 34 items": what a chat's link preview shows."""
    count = totals["item_count"]
    items = f"{number(count, 3)} item{'' if count == 1 else 's'}"
    return (f"Base {weight(totals['base'], unit)} {unit} · "
            f"Total {weight(totals['total'], unit)} {unit} · {items}")


def _categories(doc: dict, unit: str) -> list[Category]:
    """The pack's categories in its order (empty ones too), each with its entries."""
    entries = defaultdict(list)
    for entry in doc["entries"]:
        entries[entry["category_id"]].append(_entry(entry))
    # totals.categories follow doc["categories"] one for one, in the same order.
    return [
        Category(c["name"], c["color"], _figures(sums, unit), entries[c["id"]])
        for c, sums in zip(doc["categories"], doc["totals"]["categories"], strict=True)
    ]


def _figures(sums: dict, unit: str) -> dict:
    return {"total": weight(sums["total"], unit), "grams": sums["grams"]["total"],
            "item_count": number(sums["item_count"], 3), "price": prices(sums["price"])}


def _entry(entry: dict) -> dict:
    item = entry["item"]
    worn_quantity = entry["worn_quantity"]
    return {
        "name": item["name"],
        "description": item["description"],
        "quantity": number(entry["quantity"], 3),
        "weight": weight(item["weight"], item["weight_unit"]),
        "unit": item["weight_unit"],
        "worn": entry["worn"],
        "worn_quantity": None if worn_quantity is None else number(worn_quantity, 3),
        "consumable": entry["consumable"],
        "star": entry["star"],
        "price": None if item["price"] is None else money(item["price"], item["currency"]),
        "url": web_link(item["url"]),
        "image_url": web_link(item["image_url"]),
    }


def _chart_text(categories: list[Category], unit: str) -> str:
    """The chart in words, for its SVG <desc>."""
    parts = [f"{c.name} {c.figures['total']} {unit} ({c.figures['share']})"
             for c in categories if c.figures["share"] != "–"]
    return "; ".join(parts) or "Nothing in this pack weighs anything yet."
