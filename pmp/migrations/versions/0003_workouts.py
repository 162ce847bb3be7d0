"""Workouts: exercises (with the built-in catalogue), workouts, workout exercises, sets.

Revision ID: 0003_workouts
Revises: 0002_gear
Create Date: 2026-11-27 19:00:00

The catalogue rows are inserted here once; the revision runs once per database, and the
partial unique index on built-in names refuses a second copy should anything try.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_workouts'
down_revision = '0002_gear'
branch_labels = None
depends_on = None

CATEGORIES = "category IN ('strength', 'cardio', 'mobility', 'stretching', 'sport')"
MUSCLE_GROUPS = ("muscle_group IS NULL OR muscle_group IN ('chest', 'back', 'legs', "
                 "'shoulders', 'arms', 'core', 'glutes', 'full_body')")

# A frozen copy of pmp.workouts.catalogue as of this revision (a test keeps them equal):
# a later addition to the catalogue needs a revision of its own that inserts only it.
CATALOGUE = (
    ('Bench Press', 'strength', 'chest'),
    ('Incline Dumbbell Press', 'strength', 'chest'),
    ('Push-Up', 'strength', 'chest'),
    ('Deadlift', 'strength', 'back'),
    ('Barbell Row', 'strength', 'back'),
    ('Pull-Up', 'strength', 'back'),
    ('Lat Pulldown', 'strength', 'back'),
    ('Back Squat', 'strength', 'legs'),
    ('Front Squat', 'strength', 'legs'),
    ('Lunge', 'strength', 'legs'),
    ('Leg Press', 'strength', 'legs'),
    ('Romanian Deadlift', 'strength', 'glutes'),
    ('Hip Thrust', 'strength', 'glutes'),
    ('Overhead Press', 'strength', 'shoulders'),
    ('Lateral Raise', 'strength', 'shoulders'),
    ('Face Pull', 'strength', 'shoulders'),
    ('Bicep Curl', 'strength', 'arms'),
    ('Triceps Pushdown', 'strength', 'arms'),
    ('Plank', 'strength', 'core'),
    ('Hanging Leg Raise', 'strength', 'core'),
    ('Running', 'cardio', 'full_body'),
    ('Cycling', 'cardio', 'legs'),
    ('Rowing Machine', 'cardio', 'full_body'),
    ('Hip Mobility Flow', 'mobility', 'glutes'),
    ('Shoulder Mobility Flow', 'mobility', 'shoulders'),
    ('Hamstring Stretch', 'stretching', 'legs'),
    ('Chest Stretch', 'stretching', 'chest'),
    ('Incline Bench Press', 'strength', 'chest'),
    ('Dumbbell Bench Press', 'strength', 'chest'),
    ('Dumbbell Fly', 'strength', 'chest'),
    ('Cable Crossover', 'strength', 'chest'),
    ('Dip', 'strength', 'chest'),
    ('Chin-Up', 'strength', 'back'),
    ('Seated Cable Row', 'strength', 'back'),
    ('Dumbbell Row', 'strength', 'back'),
    ('T-Bar Row', 'strength', 'back'),
    ('Sumo Deadlift', 'strength', 'legs'),
    ('Goblet Squat', 'strength', 'legs'),
    ('Bulgarian Split Squat', 'strength', 'legs'),
    ('Leg Extension', 'strength', 'legs'),
    ('Leg Curl', 'strength', 'legs'),
    ('Standing Calf Raise', 'strength', 'legs'),
    ('Step-Up', 'strength', 'legs'),
    ('Glute Bridge', 'strength', 'glutes'),
    ('Cable Kickback', 'strength', 'glutes'),
    ('Dumbbell Shoulder Press', 'strength', 'shoulders'),
    ('Arnold Press', 'strength', 'shoulders'),
    ('Rear Delt Fly', 'strength', 'shoulders'),
    ('Upright Row', 'strength', 'shoulders'),
    ('Barbell Shrug', 'strength', 'shoulders'),
    ('Hammer Curl', 'strength', 'arms'),
    ('Preacher Curl', 'strength', 'arms'),
    ('Skull Crusher', 'strength', 'arms'),
    ('Overhead Triceps Extension', 'strength', 'arms'),
    ('Close-Grip Bench Press', 'strength', 'arms'),
    ('Crunch', 'strength', 'core'),
    ('Russian Twist', 'strength', 'core'),
    ('Ab Wheel Rollout', 'strength', 'core'),
    ('Side Plank', 'strength', 'core'),
    ('Kettlebell Swing', 'strength', 'full_body'),
    ('Power Clean', 'strength', 'full_body'),
    ("Farmer's Walk", 'strength', 'full_body'),
    ('Burpee', 'strength', 'full_body'),
    ('Walking', 'cardio', 'legs'),
    ('Swimming', 'cardio', 'full_body'),
    ('Elliptical Trainer', 'cardio', 'full_body'),
    ('Stair Climber', 'cardio', 'legs'),
    ('Jump Rope', 'cardio', 'full_body'),
    ('Hiking', 'cardio', 'legs'),
    ('Thoracic Spine Rotation', 'mobility', 'back'),
    ('Ankle Mobility Drill', 'mobility', 'legs'),
    ('Cat-Cow', 'mobility', 'back'),
    ('Hip Flexor Stretch', 'stretching', 'legs'),
    ('Quadriceps Stretch', 'stretching', 'legs'),
    ('Calf Stretch', 'stretching', 'legs'),
    ("Child's Pose", 'stretching', 'back'),
    ('Pigeon Stretch', 'stretching', 'glutes'),
    ('Yoga', 'sport', 'full_body'),
    ('Climbing', 'sport', 'full_body'),
    ('Tennis', 'sport', 'full_body'),
    ('Football', 'sport', 'full_body'),
    ('Basketball', 'sport', 'full_body'),
    ('Martial Arts', 'sport', 'full_body'),
)


def upgrade():
    exercises = op.create_table(
        'exercises',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('name_key', sa.String(length=200), nullable=False),
        sa.Column('category', sa.String(length=20), nullable=False),
        sa.Column('muscle_group', sa.String(length=20), nullable=True),
        sa.CheckConstraint(CATEGORIES, name=op.f('ck_exercises_category')),
        sa.CheckConstraint(MUSCLE_GROUPS, name=op.f('ck_exercises_muscle_group')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_exercises_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exercises')),
        sa.UniqueConstraint('user_id', 'name_key', name='uq_exercises_user_id_name_key'),
    )
    op.create_index('ix_exercises_user_id', 'exercises', ['user_id'])
    op.create_index('uq_exercises_builtin_name_key', 'exercises', ['name_key'], unique=True,
                    sqlite_where=sa.text('user_id IS NULL'),
                    postgresql_where=sa.text('user_id IS NULL'))

    op.create_table(
        'workouts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('performed_at', sa.DateTime(), nullable=False),
        sa.Column('duration_minutes', sa.Integer(), nullable=True),
        sa.Column('notes', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('duration_minutes >= 0',
                           name=op.f('ck_workouts_duration_non_negative')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_workouts_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workouts')),
    )
    op.create_index('ix_workouts_user_id_performed_at', 'workouts', ['user_id', 'performed_at'])

    op.create_table(
        'workout_exercises',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workout_id', sa.Integer(), nullable=False),
        sa.Column('exercise_id', sa.Integer(), nullable=False),
        sa.Column('exercise_order', sa.Integer(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=True),
        sa.CheckConstraint('exercise_order >= 0',
                           name=op.f('ck_workout_exercises_order_non_negative')),
        sa.ForeignKeyConstraint(['exercise_id'], ['exercises.id'],
                                name=op.f('fk_workout_exercises_exercise_id_exercises'),
                                deferrable=True, initially='DEFERRED'),
        sa.ForeignKeyConstraint(['workout_id'], ['workouts.id'],
                                name=op.f('fk_workout_exercises_workout_id_workouts'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workout_exercises')),
    )
    op.create_index('ix_workout_exercises_exercise_id', 'workout_exercises', ['exercise_id'])
    op.create_index('ix_workout_exercises_workout_id', 'workout_exercises', ['workout_id'])

    op.create_table(
        'workout_sets',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workout_exercise_id', sa.Integer(), nullable=False),
        sa.Column('set_number', sa.Integer(), nullable=False),
        sa.Column('reps', sa.Integer(), nullable=True),
        sa.Column('weight', sa.Numeric(precision=9, scale=3), nullable=True),
        sa.Column('weight_unit', sa.String(length=2), nullable=False),
        sa.Column('rpe', sa.Numeric(precision=3, scale=1), nullable=True),
        sa.Column('rir', sa.Integer(), nullable=True),
        sa.Column('duration_seconds', sa.Integer(), nullable=True),
        sa.Column('distance_meters', sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column('is_warmup', sa.Boolean(), nullable=False),
        sa.CheckConstraint('set_number >= 1', name=op.f('ck_workout_sets_set_number_positive')),
        sa.CheckConstraint('reps >= 0', name=op.f('ck_workout_sets_reps_non_negative')),
        sa.CheckConstraint('weight >= 0', name=op.f('ck_workout_sets_weight_non_negative')),
        sa.CheckConstraint("weight_unit IN ('kg', 'lb')", name=op.f('ck_workout_sets_weight_unit')),
        sa.CheckConstraint('rpe >= 1 AND rpe <= 10 AND rpe * 2 = CAST(rpe * 2 AS INTEGER)',
                           name=op.f('ck_workout_sets_rpe_half_steps')),
        sa.CheckConstraint('rir >= 0', name=op.f('ck_workout_sets_rir_non_negative')),
        sa.CheckConstraint('duration_seconds >= 0',
                           name=op.f('ck_workout_sets_duration_non_negative')),
        sa.CheckConstraint('distance_meters >= 0',
                           name=op.f('ck_workout_sets_distance_non_negative')),
        sa.ForeignKeyConstraint(['workout_exercise_id'], ['workout_exercises.id'],
                                name=op.f('fk_workout_sets_workout_exercise_id_workout_exercises'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workout_sets')),
        sa.UniqueConstraint('workout_exercise_id', 'set_number',
                            name='uq_workout_sets_workout_exercise_id_number'),
    )
    op.create_index('ix_workout_sets_workout_exercise_id', 'workout_sets',
                    ['workout_exercise_id'])

    op.bulk_insert(exercises, [
        {'user_id': None, 'name': name, 'name_key': name.casefold(),
         'category': category, 'muscle_group': muscle_group}
        for name, category, muscle_group in CATALOGUE
    ])


def downgrade():
    op.drop_table('workout_sets')
    op.drop_table('workout_exercises')
    op.drop_table('workouts')
    op.drop_index('uq_exercises_builtin_name_key', table_name='exercises')
    op.drop_table('exercises')
