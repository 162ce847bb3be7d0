"""Request and response shapes of an exercise's progress, records and "last time"."""

from datetime import date

from marshmallow import fields, validate

from pmp.core.schemas import DB_INT_MAX, BaseSchema, Timestamp
from pmp.workouts.progress import BUCKETS
from pmp.workouts.schemas import SetSchema

DAYS = validate.Range(min=date(1900, 1, 1), max=date(2200, 1, 1))


class HistoryQuery(BaseSchema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=10_000_000))


class ProgressQuery(BaseSchema):
    start = fields.Date(data_key="from", validate=DAYS,
                        metadata={"description": "First day (default: a year before `to`)."})
    end = fields.Date(data_key="to", validate=DAYS,
                      metadata={"description": "Last day, included (default: today, UTC)."})
    bucket = fields.String(load_default="week", validate=validate.OneOf(BUCKETS))


class LastQuery(BaseSchema):
    before = fields.Integer(validate=validate.Range(min=1, max=DB_INT_MAX), metadata={
        "description": "A workout id: the latest workout performed before that one."})


class ExerciseNameSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class ProgressPointSchema(BaseSchema):
    start = fields.Date()
    workout_id = fields.Integer(allow_none=True)
    performed_at = Timestamp(allow_none=True)
    sessions = fields.Integer()
    estimated_1rm = fields.Float(allow_none=True)
    max_weight = fields.Float(allow_none=True)
    volume = fields.Float()
    sets = fields.Integer()
    reps = fields.Integer()


class ProgressSchema(BaseSchema):
    exercise = fields.Nested(ExerciseNameSchema)
    start = fields.Date(data_key="from")
    end = fields.Date(data_key="to")
    bucket = fields.String()
    unit = fields.String()
    points = fields.List(fields.Nested(ProgressPointSchema))


class LastTimeSchema(BaseSchema):
    exercise_id = fields.Integer()
    workout_id = fields.Integer(allow_none=True)
    performed_at = Timestamp(allow_none=True)
    sets = fields.List(fields.Nested(SetSchema))
