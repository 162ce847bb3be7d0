"""Request and response shapes of the Workouts section of API.md."""

from marshmallow import ValidationError, fields, validate, validates

from pmp.core.schemas import DB_INT_MAX, BaseSchema, ExactDecimal, PageArgs, Timestamp
from pmp.workouts.calc import WEIGHT_UNITS
from pmp.workouts.catalogue import CATEGORIES, MUSCLE_GROUPS

NAME = validate.Length(min=1, max=200)
NOTES = validate.Length(max=10_000)
# The highest values accepted; the automatic numbering stays within them (pmp.workouts.workout_log).
MAX_EXERCISE_ORDER = 10_000
MAX_SET_NUMBER = 10_000


def bounded_int(low: int, high: int, **kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=validate.Range(min=low, max=high), **kwargs)



def valid_rpe(value) -> bool:
    """RPE (of a set, or a target) from 1 in half steps, or none (10 at most: its field's range)."""
    return value is None or (value >= 1 and value * 2 == int(value * 2))


def check_rpe(value) -> None:
    if not valid_rpe(value):
        raise ValidationError("RPE goes from 1 to 10 in half steps.")

class Amount(ExactDecimal):
    """A decimal read from a number or numeric string and written as a JSON number."""

    def __init__(self, places: int, high: int, **kwargs):
        super().__init__(places=places, allow_nan=False,
                         validate=validate.Range(min=0, max=high), **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else float(value)


class ExerciseSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=NAME)
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    muscle_group = fields.String(allow_none=True, validate=validate.OneOf(MUSCLE_GROUPS))
    custom = fields.Function(lambda exercise: exercise.user_id is not None, dump_only=True)

    @validates("name")
    def _not_blank(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("The name must not be blank.")


class _Partial:
    """PATCH bodies: every field optional (a class of its own keeps the OpenAPI names apart)."""

    def __init__(self, **kwargs):
        super().__init__(partial=True, **kwargs)


class ExercisePatchSchema(_Partial, ExerciseSchema):
    pass


class ExerciseQuery(BaseSchema):
    q = fields.String(validate=validate.Length(max=200))
    category = fields.String(validate=validate.OneOf(CATEGORIES))
    muscle_group = fields.String(validate=validate.OneOf(MUSCLE_GROUPS))


class RangeQuery(BaseSchema):
    start = Timestamp(data_key="from")
    end = Timestamp(data_key="to")


class WorkoutQuery(PageArgs, RangeQuery):
    pass


class WorkoutSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    performed_at = Timestamp(required=True)
    duration_minutes = bounded_int(0, 100_000, allow_none=True, load_default=None)
    notes = fields.String(allow_none=True, validate=NOTES, load_default=None)
    created_at = Timestamp(dump_only=True)
    updated_at = Timestamp(dump_only=True)


class WorkoutPatchSchema(_Partial, WorkoutSchema):
    pass


class WorkoutSummarySchema(BaseSchema):
    exercises = fields.List(fields.String(), metadata={
        "description": "The first 4 distinct exercise names, in workout order."})
    exercise_count = fields.Integer(metadata={"description": "Distinct exercises."})
    set_count = fields.Integer(metadata={"description": "Working sets (warm-ups left out)."})
    volume = fields.Float(metadata={"description": "Working volume, as the report's."})
    volume_unit = fields.String()


class WorkoutListItemSchema(WorkoutSchema):
    """A workout of `GET /api/workouts`: the workout and a summary for a list."""

    summary = fields.Nested(WorkoutSummarySchema, dump_only=True)


class SetSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    workout_exercise_id = fields.Integer(dump_only=True)
    set_number = bounded_int(1, MAX_SET_NUMBER)
    reps = bounded_int(0, 100_000, allow_none=True)
    weight = Amount(3, 100_000, allow_none=True)
    weight_unit = fields.String(validate=validate.OneOf(WEIGHT_UNITS))
    rpe = Amount(1, 10, allow_none=True)
    rir = bounded_int(0, 100, allow_none=True)
    duration_seconds = bounded_int(0, 1_000_000, allow_none=True)
    distance_meters = Amount(2, 100_000_000, allow_none=True)
    is_warmup = fields.Boolean()

    @validates("rpe")
    def _half_steps(self, value, **kwargs):
        check_rpe(value)


class SetPatchSchema(_Partial, SetSchema):
    pass


class TargetsSchema(BaseSchema):
    """What is planned for an exercise, validated like a set; the unit defaults to the user's."""

    target_sets = bounded_int(0, MAX_SET_NUMBER, allow_none=True)
    target_reps = bounded_int(0, 100_000, allow_none=True)
    target_weight = Amount(3, 100_000, allow_none=True)
    target_weight_unit = fields.String(validate=validate.OneOf(WEIGHT_UNITS))
    target_rpe = Amount(1, 10, allow_none=True)

    @validates("target_rpe")
    def _half_steps(self, value, **kwargs):
        check_rpe(value)


class WorkoutExerciseSchema(TargetsSchema):
    id = fields.Integer(dump_only=True)
    workout_id = fields.Integer(dump_only=True)
    exercise_id = bounded_int(1, DB_INT_MAX, required=True)
    exercise_name = fields.String(dump_only=True)
    exercise_order = bounded_int(0, MAX_EXERCISE_ORDER)
    notes = fields.String(allow_none=True, validate=NOTES)


class WorkoutExercisePatchSchema(TargetsSchema):
    exercise_order = bounded_int(0, MAX_EXERCISE_ORDER)
    notes = fields.String(allow_none=True, validate=NOTES)


class WorkoutExerciseDetailSchema(WorkoutExerciseSchema):
    sets = fields.List(fields.Nested(SetSchema), dump_only=True)


class WorkoutDetailSchema(WorkoutSchema):
    exercises = fields.List(fields.Nested(WorkoutExerciseDetailSchema), dump_only=True)


class _WeightTotals(BaseSchema):
    total_reps = fields.Integer()
    total_volume = fields.Float()
    warmup_sets = fields.Integer()
    warmup_volume = fields.Float()


class ExerciseReportSchema(_WeightTotals):
    workout_exercise_id = fields.Integer()
    exercise_id = fields.Integer()
    exercise_name = fields.String()
    sets_count = fields.Integer()
    max_weight = fields.Float(allow_none=True)
    estimated_1rm = fields.Float(allow_none=True)


class ReportRecordSchema(BaseSchema):
    exercise_id = fields.Integer()
    exercise_name = fields.String()
    kind = fields.String(validate=validate.OneOf(
        ("heaviest_weight", "best_estimated_1rm", "best_session_volume", "most_reps")))
    value = fields.Float()
    previous = fields.Float(allow_none=True)


class ReportSchema(_WeightTotals):
    workout_id = fields.Integer()
    performed_at = Timestamp()
    duration_minutes = fields.Integer(allow_none=True)
    notes = fields.String(allow_none=True)
    total_exercises = fields.Integer()
    total_sets = fields.Integer()
    volume_unit = fields.String()
    exercises = fields.List(fields.Nested(ExerciseReportSchema))
    personal_records = fields.List(fields.Nested(ReportRecordSchema))


class _Bucket(BaseSchema):
    workouts = fields.Integer()
    sets = fields.Integer()
    reps = fields.Integer()
    volume = fields.Float()
    duration_minutes = fields.Integer()


class WeekSchema(_Bucket):
    week = fields.String()


class SummarySchema(_Bucket):
    start = Timestamp(data_key="from", allow_none=True)
    end = Timestamp(data_key="to", allow_none=True)
    volume_unit = fields.String()
    weeks = fields.List(fields.Nested(WeekSchema))


class RecordSchema(BaseSchema):
    value = fields.Float()
    weight = fields.Float(allow_none=True, metadata={"description": "most_reps only"})
    workout_id = fields.Integer()
    performed_at = Timestamp()


class RepRecordSchema(BaseSchema):
    reps = fields.Integer()
    weight = fields.Float()
    workout_id = fields.Integer()
    performed_at = Timestamp()


class RecordsSchema(BaseSchema):
    exercise_id = fields.Integer()
    unit = fields.String()
    heaviest_weight = fields.Nested(RecordSchema, allow_none=True)
    best_estimated_1rm = fields.Nested(RecordSchema, allow_none=True)
    best_session_volume = fields.Nested(RecordSchema, allow_none=True)
    most_reps = fields.Nested(RecordSchema, allow_none=True)
    rep_records = fields.List(fields.Nested(RepRecordSchema), metadata={
        "description": "The heaviest weight lifted for 1 to 12 reps, where logged."})


class HistorySessionSchema(BaseSchema):
    workout_id = fields.Integer()
    performed_at = Timestamp()
    sets = fields.List(fields.Nested(SetSchema))
    best_set = fields.Nested(SetSchema, allow_none=True)
    estimated_1rm = fields.Float(allow_none=True)
    volume = fields.Float()


class HistorySchema(BaseSchema):
    exercise = fields.Nested(ExerciseSchema)
    volume_unit = fields.String()
    sessions = fields.List(fields.Nested(HistorySessionSchema))
    personal_records = fields.Nested(RecordsSchema)
