"""Plans (routines of exercises with targets, scheduled on weekdays and dates) and targets on
the exercises of a workout.

Revision ID: 0009_plans
Revises: 0008_pack_version
Create Date: 2026-12-15 10:00:00

Existing workout exercises get no targets (null) and the unit `kg` (it means nothing without a
target weight).
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_plans'
down_revision = '0008_pack_version'
branch_labels = None
depends_on = None

RPE = "{0} >= 1 AND {0} <= 10 AND {0} * 2 = CAST({0} * 2 AS INTEGER)"


def target_columns():
    return [
        sa.Column('target_sets', sa.Integer(), nullable=True),
        sa.Column('target_reps', sa.Integer(), nullable=True),
        sa.Column('target_weight', sa.Numeric(precision=9, scale=3), nullable=True),
        sa.Column('target_weight_unit', sa.String(length=2), nullable=False,
                  server_default='kg'),
        sa.Column('target_rpe', sa.Numeric(precision=3, scale=1), nullable=True),
    ]


def target_checks():
    return [
        ('target_sets_non_negative', 'target_sets >= 0'),
        ('target_reps_non_negative', 'target_reps >= 0'),
        ('target_weight_non_negative', 'target_weight >= 0'),
        ('target_weight_unit', "target_weight_unit IN ('kg', 'lb')"),
        ('target_rpe_half_steps', RPE.format('target_rpe')),
    ]


def upgrade():
    # SQLite rebuilds the table for the checks: keep its AUTOINCREMENT (ids never reused)
    with op.batch_alter_table('workout_exercises', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        for column in target_columns():
            batch_op.add_column(column)
        for name, condition in target_checks():
            batch_op.create_check_constraint(op.f(f'ck_workout_exercises_{name}'), condition)

    op.create_table(
        'plans',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('notes', sa.Text(), nullable=True),
        sa.Column('weekdays', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('weekdays >= 0 AND weekdays <= 127', name=op.f('ck_plans_weekdays')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_plans_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_plans_user_id', 'plans', ['user_id'])

    op.create_table(
        'plan_dates',
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['plan_id'], ['plans.id'],
                                name=op.f('fk_plan_dates_plan_id_plans'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('plan_id', 'day', name=op.f('pk_plan_dates')),
    )

    op.create_table(
        'plan_exercises',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('exercise_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=True),
        *target_columns(),
        sa.CheckConstraint('position >= 0', name=op.f('ck_plan_exercises_position_non_negative')),
        *(sa.CheckConstraint(condition, name=op.f(f'ck_plan_exercises_{name}'))
          for name, condition in target_checks()),
        sa.ForeignKeyConstraint(['exercise_id'], ['exercises.id'],
                                name=op.f('fk_plan_exercises_exercise_id_exercises'),
                                deferrable=True, initially='DEFERRED'),
        sa.ForeignKeyConstraint(['plan_id'], ['plans.id'],
                                name=op.f('fk_plan_exercises_plan_id_plans'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_exercises')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_plan_exercises_exercise_id', 'plan_exercises', ['exercise_id'])
    op.create_index('ix_plan_exercises_plan_id_position', 'plan_exercises',
                    ['plan_id', 'position'])


def downgrade():
    op.drop_index('ix_plan_exercises_plan_id_position', table_name='plan_exercises')
    op.drop_index('ix_plan_exercises_exercise_id', table_name='plan_exercises')
    op.drop_table('plan_exercises')
    op.drop_table('plan_dates')
    op.drop_index('ix_plans_user_id', table_name='plans')
    op.drop_table('plans')
    # SQLite rebuilds the table for the checks: keep its AUTOINCREMENT (ids never reused)
    with op.batch_alter_table('workout_exercises', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        for name, _ in target_checks():
            batch_op.drop_constraint(op.f(f'ck_workout_exercises_{name}'), type_='check')
        for column in reversed(target_columns()):
            batch_op.drop_column(column.name)
