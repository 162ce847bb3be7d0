"""Request shapes of the gear routes (validation) and response shapes (OpenAPI documentation).

Responses are built by `pmp.gear.views` (lean dicts for big packs); the response schemas
here document them.
"""

from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates_schema

from pmp.core.schemas import (
    DB_INT_MAX,
    BaseSchema,
    CurrencyCode,
    ExactDecimal,
    PageArgs,
    Timestamp,
)
from pmp.gear.lighterpack import MAX_PRICE, MAX_QUANTITY, is_web_url
from pmp.gear.models import NAME_MAX, TEXT_MAX, URL_MAX
from pmp.gear.totals import number
from pmp.gear.units import UnitError, parse_unit

ITEM_SORTS = ("name", "weight", "category", "created_at")


class Unit(fields.String):
    """A weight unit in any accepted spelling (g, grams, OZ, pounds …), loaded as g/kg/oz/lb."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return parse_unit(super()._deserialize(value, attr, data, **kwargs))
        except UnitError as exc:
            raise ValidationError(str(exc)) from None


class DecimalNumber(ExactDecimal):
    """Loads a number (or numeric string) as an exact Decimal; dumps, and documents, a number."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else number(Decimal(value))


def max_places(places: int):
    def check(value: Decimal) -> None:
        if value != value.quantize(Decimal(1).scaleb(-places)):
            raise ValidationError(f"At most {places} decimals.")

    return check


def no_nul(value: str) -> None:
    """NUL cannot be stored in a PostgreSQL text column; refuse it on every backend."""
    if "\x00" in value:
        raise ValidationError("Must not contain NUL characters.")


def Text(max_length: int, **kw):  # noqa: N802 - a field factory reads like a field class
    return fields.String(validate=[validate.Length(max=max_length), no_nul], **kw)


def not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be blank.")


def web_url(value: str) -> None:
    if not is_web_url(value):
        raise ValidationError("Must be an http(s) URL or empty.")


def Name(**kw):  # noqa: N802 - a field factory reads like a field class
    return fields.String(validate=[validate.Length(min=1, max=NAME_MAX), not_blank, no_nul],
                         **kw)


def Quantity(**kw):  # noqa: N802
    """How many of an item; 0 is allowed, as in Lighterpack (the entry stays, weighing 0)."""
    return DecimalNumber(
        allow_nan=False,
        validate=[validate.Range(min=0, max=MAX_QUANTITY), max_places(3)],
        **kw,
    )


class Color(fields.String):
    """A #rrggbb colour, loaded in lower case."""

    def __init__(self, **kw):
        super().__init__(validate=[
            validate.Length(equal=7, error="Use a colour like #4e79a7."),
            validate.Regexp(r"^#[0-9a-fA-F]{6}$", error="Use a colour like #4e79a7."),
        ], **kw)  # fmt: skip

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).lower()


class ItemSchema(BaseSchema):
    """An item as created (POST) or changed (PATCH, partial)."""

    name = Name(required=True)
    category = Text(NAME_MAX)
    description = Text(TEXT_MAX)
    weight = DecimalNumber(allow_nan=False, validate=validate.Range(min=0, max=10**9))
    weight_unit = Unit()
    price = DecimalNumber(
        allow_nan=False, allow_none=True,
        validate=[validate.Range(min=0, max=MAX_PRICE), max_places(2)],
    )  # fmt: skip
    currency = CurrencyCode()
    url = fields.String(validate=[validate.Length(max=URL_MAX), web_url])
    image_url = fields.String(validate=[validate.Length(max=URL_MAX), web_url],
                              metadata={"description": "http(s) URL of a picture, or empty"})


class ItemPatchSchema(ItemSchema):
    """An item change: only the fields sent."""

    name = Name()


class ItemQuerySchema(PageArgs):
    category = Text(NAME_MAX)
    q = Text(NAME_MAX)
    sort = fields.String(
        load_default="name",
        validate=validate.OneOf([*ITEM_SORTS, *(f"-{s}" for s in ITEM_SORTS)]),
        metadata={"description": "name, weight, category or created_at; '-' for descending"},
    )


class UnitQuerySchema(BaseSchema):
    unit = Unit(metadata={"description": "g, kg, oz or lb (default: the owner's preference)"})


class PackSchema(BaseSchema):
    """A pack as created (POST) or changed (PATCH, partial)."""

    name = Name(required=True)
    description = Text(TEXT_MAX)


class PackPatchSchema(PackSchema):
    """A pack change: only the fields sent."""

    name = Name()


class EntryChangeSchema(BaseSchema):
    """How an item is packed (PATCH of an entry, partial)."""

    quantity = Quantity()
    worn = fields.Boolean()
    consumable = fields.Boolean()
    worn_quantity = DecimalNumber(
        allow_nan=False, allow_none=True,
        validate=[validate.Range(min=0, max=MAX_QUANTITY), max_places(3)],
    )  # fmt: skip
    position = fields.Integer(strict=True, validate=validate.Range(min=0, max=1_000_000),
                              metadata={"description": "place in the whole pack (0-based); "
                                                       "the entry stays in its category"})
    category_id = fields.Integer(strict=True, validate=validate.Range(min=1, max=DB_INT_MAX),
                                 metadata={"description": "move to this category of the pack"})
    index = fields.Integer(strict=True, validate=validate.Range(min=0, max=1_000_000),
                           metadata={"description": "place within the category (0-based; "
                                                    "its end when beyond it)"})
    star = fields.Integer(strict=True, validate=validate.Range(min=0, max=3))
    checked = fields.Boolean(metadata={"description": "ticked on the packing checklist"})

    @validates_schema
    def _consistent(self, data, **kwargs):
        if data.get("worn") and data.get("consumable"):
            raise ValidationError("An entry cannot be both worn and consumable.", "consumable")
        worn_quantity, quantity = data.get("worn_quantity"), data.get("quantity")
        if worn_quantity is not None and quantity is not None and worn_quantity > quantity:
            raise ValidationError("Must not be more than quantity.", "worn_quantity")


class EntryCreateSchema(EntryChangeSchema):
    """An existing item (`item_id`) or a new one (`item`) put into a pack."""

    item_id = fields.Integer(strict=True, validate=validate.Range(min=1, max=2**31 - 1))
    item = fields.Nested(ItemSchema)
    category = Text(NAME_MAX, metadata={
        "description": "the pack's category by name, made when missing (default: the item's)"})

    @validates_schema
    def _one_item(self, data, **kwargs):
        if ("item_id" in data) == ("item" in data):
            raise ValidationError("Give either item_id or item.", "item_id")
        if "category" in data and "category_id" in data:
            raise ValidationError("Give either category_id or category.", "category")


class CategorySchema(BaseSchema):
    """A category of a pack as created (POST) or changed (PATCH, partial)."""

    name = Name(required=True)
    color = Color(allow_none=True, metadata={"description": "#rrggbb; null or absent: the "
                                                            "next colour of the palette"})
    position = fields.Integer(strict=True, validate=validate.Range(min=0, max=100_000),
                              metadata={"description": "place among the pack's categories"})


class CategoryPatchSchema(CategorySchema):
    name = Name()


class ImportQuerySchema(BaseSchema):
    name = Name(metadata={"description": "name of the new pack (default: 'Imported pack')"})


# -- responses (documentation) ---------------------------------------------------------------


class ItemOutSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    category = fields.String()
    description = fields.String()
    weight = fields.Float()
    weight_unit = fields.String()
    weight_grams = fields.Float()
    price = fields.Float(allow_none=True)
    currency = fields.String()
    url = fields.String()
    image_url = fields.String()
    pack_count = fields.Integer()
    created_at = Timestamp()
    updated_at = Timestamp()


class EntryOutSchema(BaseSchema):
    id = fields.Integer()
    item_id = fields.Integer()
    item = fields.Nested(ItemOutSchema)
    quantity = fields.Float()
    worn = fields.Boolean()
    consumable = fields.Boolean()
    worn_quantity = fields.Float(allow_none=True)
    position = fields.Integer()
    category_id = fields.Integer()
    category = fields.String()
    star = fields.Integer()
    checked = fields.Boolean(metadata={"description": "absent on a shared pack"})


class CategoryOutSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    position = fields.Integer()
    color = fields.String()
    entry_count = fields.Integer()


class PackSummaryOutSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    description = fields.String()
    share_code = fields.String(allow_none=True)
    entry_count = fields.Integer()
    totals = fields.Dict(metadata={"description": "unit, total, worn, consumable, base, pack, "
                                                  "item_count, price, grams"})
    checked_count = fields.Integer(metadata={"description": "entries ticked as packed"})
    created_at = Timestamp()
    updated_at = Timestamp()


class PackOutSchema(PackSummaryOutSchema):
    categories = fields.List(fields.Nested(CategoryOutSchema))
    entries = fields.List(fields.Nested(EntryOutSchema))


class CsvWarningOutSchema(BaseSchema):
    line = fields.Integer(metadata={"description": "physical line of the file (header: 1)"})
    message = fields.String(metadata={"description": "what the import did with that line"})


class ImportedPackOutSchema(PackOutSchema):
    """A pack made from a Lighterpack CSV, with what the import repaired or skipped."""

    warnings = fields.List(fields.Nested(CsvWarningOutSchema),
                           metadata={"description": "sorted by line; empty when none"})


class ShareOutSchema(BaseSchema):
    share_code = fields.String(metadata={
        "description": "32 URL-safe random characters; GET /api/shared/{share_code} is the "
                       "pack as JSON"})
    share_url = fields.String(metadata={
        "description": "the absolute URL of the public share page /r/{share_code} (HTML, "
                       "readable without JavaScript), built from PUBLIC_URL when set, else "
                       "from the request's scheme, host and port (honouring TRUSTED_PROXIES)",
        "example": "https://pack.example.org/r/8vV2mX0aQ3kR9tLw1yZc4bNf6hJp5sDe"})
