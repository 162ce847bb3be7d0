"""The built-in exercise catalogue is well-formed data."""

from pmp.workouts.catalogue import BUILT_IN_EXERCISES, CATEGORIES, MUSCLE_GROUPS

CLASSIC = [
    "Bench Press", "Incline Dumbbell Press", "Push-Up", "Deadlift", "Barbell Row", "Pull-Up",
    "Lat Pulldown", "Back Squat", "Front Squat", "Lunge", "Leg Press", "Romanian Deadlift",
    "Hip Thrust", "Overhead Press", "Lateral Raise", "Face Pull", "Bicep Curl",
    "Triceps Pushdown", "Plank", "Hanging Leg Raise", "Running", "Cycling", "Rowing Machine",
    "Hip Mobility Flow", "Shoulder Mobility Flow", "Hamstring Stretch", "Chest Stretch",
]


def test_catalogue_has_the_classic_27_first_and_at_least_60():
    names = [exercise.name for exercise in BUILT_IN_EXERCISES]
    assert names[:27] == CLASSIC
    assert len(names) >= 60


def test_catalogue_names_unique_case_insensitively_and_short():
    keys = [exercise.name.casefold() for exercise in BUILT_IN_EXERCISES]
    assert len(keys) == len(set(keys))
    assert all(0 < len(exercise.name) <= 200 for exercise in BUILT_IN_EXERCISES)


def test_catalogue_uses_known_categories_and_muscle_groups():
    assert {e.category for e in BUILT_IN_EXERCISES} == set(CATEGORIES)
    assert {e.muscle_group for e in BUILT_IN_EXERCISES} == set(MUSCLE_GROUPS)
