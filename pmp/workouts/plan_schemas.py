"""Request and response shapes of plans, the calendar, and workouts started from a plan."""

from datetime import date

from marshmallow import ValidationError, fields, validate, validates

from pmp.core.schemas import DB_INT_MAX, BaseSchema, PageArgs, Timestamp
from pmp.workouts.schemas import NAME, NOTES, TargetsSchema, bounded_int

MAX_PLAN_EXERCISES = 100
MAX_PLAN_DATES = 366
MAX_CALENDAR_DAYS = 366
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


class Day(fields.Date):
    """A calendar date, YYYY-MM-DD, between 1900 and 2199."""

    def _deserialize(self, value, attr, data, **kwargs):
        result = super()._deserialize(value, attr, data, **kwargs)
        if not FIRST_DAY <= result <= LAST_DAY:
            raise ValidationError("Date out of range (1900-01-01 to 2199-12-31).")
        return result


def _unique(values) -> None:
    if len(set(values)) != len(values):
        raise ValidationError("Must not repeat a value.")


class PlanExerciseSchema(TargetsSchema):
    id = fields.Integer(dump_only=True)
    plan_id = fields.Integer(dump_only=True)
    exercise_id = bounded_int(1, DB_INT_MAX, required=True)
    exercise_name = fields.String(dump_only=True)
    position = bounded_int(0, MAX_PLAN_EXERCISES - 1)
    notes = fields.String(allow_none=True, validate=NOTES)


class PlanExercisePatchSchema(TargetsSchema):
    position = bounded_int(0, MAX_PLAN_EXERCISES - 1)
    notes = fields.String(allow_none=True, validate=NOTES)


class PlanExerciseItemSchema(TargetsSchema):
    """An exercise given with its plan (POST, PUT, PATCH): the list's order is the order."""

    exercise_id = bounded_int(1, DB_INT_MAX, required=True)
    notes = fields.String(allow_none=True, validate=NOTES)


class PlanInSchema(BaseSchema):
    """POST and PUT (omitted fields: null or empty; omitted `exercises` are kept by PUT)."""

    name = fields.String(required=True, validate=NAME)
    notes = fields.String(allow_none=True, validate=NOTES, load_default=None)
    weekdays = fields.List(
        fields.Integer(strict=True, validate=validate.Range(min=1, max=7)),
        validate=[validate.Length(max=7), _unique], load_default=list,
        metadata={"description": "ISO weekdays, 1 = Monday ... 7 = Sunday"},
    )
    dates = fields.List(Day(), validate=[validate.Length(max=MAX_PLAN_DATES), _unique],
                        load_default=list)
    exercises = fields.List(fields.Nested(PlanExerciseItemSchema),
                            validate=validate.Length(max=MAX_PLAN_EXERCISES))

    @validates("name")
    def _not_blank(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("The name must not be blank.")


class PlanPatchSchema(PlanInSchema):
    """PATCH: every field optional; `exercises`, when given, replaces the list.

    Partial by name: `partial=True` would reach into the exercises and let them lack their
    `exercise_id`."""

    def __init__(self, **kwargs):
        super().__init__(partial=tuple(PlanInSchema._declared_fields), **kwargs)


class PlanSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    notes = fields.String(allow_none=True)
    weekdays = fields.List(fields.Integer(), attribute="weekday_list")
    dates = fields.List(fields.Date(), attribute="date_list")
    exercises = fields.List(fields.Nested(PlanExerciseSchema))
    created_at = Timestamp()
    updated_at = Timestamp()


class PlanQuery(PageArgs):
    pass


class CalendarQuery(BaseSchema):
    start = Day(data_key="from")
    end = Day(data_key="to")


class PlannedSchema(BaseSchema):
    plan_id = fields.Integer()
    name = fields.String()


class DoneSchema(BaseSchema):
    id = fields.Integer()
    performed_at = Timestamp()
    exercises = fields.Integer()
    sets = fields.Integer()


class CalendarDaySchema(BaseSchema):
    date = fields.Date()
    planned = fields.List(fields.Nested(PlannedSchema))
    workouts = fields.List(fields.Nested(DoneSchema))


class CalendarSchema(BaseSchema):
    start = fields.Date(data_key="from")
    end = fields.Date(data_key="to")
    days = fields.List(fields.Nested(CalendarDaySchema))


class StartSchema(BaseSchema):
    performed_at = Timestamp(metadata={"description": "default: now"})
