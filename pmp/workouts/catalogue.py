"""The built-in exercise catalogue, installed once by migration ``0003_workouts``.

Plain data so that the migration, the schemas and the tests share one source of truth.
Names are unique case-insensitively; built-in rows have ``user_id`` NULL in the database.
The revision holds a frozen copy of this list: to add exercises, append them here and write a
new revision that inserts only the additions (the tests compare the database with this list).
"""

from typing import NamedTuple

CATEGORIES: tuple[str, ...] = ("strength", "cardio", "mobility", "stretching", "sport")
MUSCLE_GROUPS: tuple[str, ...] = (
    "chest",
    "back",
    "legs",
    "shoulders",
    "arms",
    "core",
    "glutes",
    "full_body",
)


class CatalogueExercise(NamedTuple):
    name: str
    category: str
    muscle_group: str


def _entries(category: str, rows: str) -> list[CatalogueExercise]:
    """Parse ``"Name: muscle_group"`` lines into catalogue entries of one category."""
    out = []
    for line in rows.strip().splitlines():
        name, muscle_group = (part.strip() for part in line.rsplit(":", 1))
        out.append(CatalogueExercise(name, category, muscle_group))
    return out


# The first 27 are the classic tracker's list, in its order; the rest grow it to 60+.
BUILT_IN_EXERCISES: tuple[CatalogueExercise, ...] = tuple(
    _entries(
        "strength",
        """
        Bench Press: chest
        Incline Dumbbell Press: chest
        Push-Up: chest
        Deadlift: back
        Barbell Row: back
        Pull-Up: back
        Lat Pulldown: back
        Back Squat: legs
        Front Squat: legs
        Lunge: legs
        Leg Press: legs
        Romanian Deadlift: glutes
        Hip Thrust: glutes
        Overhead Press: shoulders
        Lateral Raise: shoulders
        Face Pull: shoulders
        Bicep Curl: arms
        Triceps Pushdown: arms
        Plank: core
        Hanging Leg Raise: core
        """,
    )
    + _entries(
        "cardio",
        """
        Running: full_body
        Cycling: legs
        Rowing Machine: full_body
        """,
    )
    + _entries(
        "mobility",
        """
        Hip Mobility Flow: glutes
        Shoulder Mobility Flow: shoulders
        """,
    )
    + _entries(
        "stretching",
        """
        Hamstring Stretch: legs
        Chest Stretch: chest
        """,
    )
    + _entries(
        "strength",
        """
        Incline Bench Press: chest
        Dumbbell Bench Press: chest
        Dumbbell Fly: chest
        Cable Crossover: chest
        Dip: chest
        Chin-Up: back
        Seated Cable Row: back
        Dumbbell Row: back
        T-Bar Row: back
        Sumo Deadlift: legs
        Goblet Squat: legs
        Bulgarian Split Squat: legs
        Leg Extension: legs
        Leg Curl: legs
        Standing Calf Raise: legs
        Step-Up: legs
        Glute Bridge: glutes
        Cable Kickback: glutes
        Dumbbell Shoulder Press: shoulders
        Arnold Press: shoulders
        Rear Delt Fly: shoulders
        Upright Row: shoulders
        Barbell Shrug: shoulders
        Hammer Curl: arms
        Preacher Curl: arms
        Skull Crusher: arms
        Overhead Triceps Extension: arms
        Close-Grip Bench Press: arms
        Crunch: core
        Russian Twist: core
        Ab Wheel Rollout: core
        Side Plank: core
        Kettlebell Swing: full_body
        Power Clean: full_body
        Farmer's Walk: full_body
        Burpee: full_body
        """,
    )
    + _entries(
        "cardio",
        """
        Walking: legs
        Swimming: full_body
        Elliptical Trainer: full_body
        Stair Climber: legs
        Jump Rope: full_body
        Hiking: legs
        """,
    )
    + _entries(
        "mobility",
        """
        Thoracic Spine Rotation: back
        Ankle Mobility Drill: legs
        Cat-Cow: back
        """,
    )
    + _entries(
        "stretching",
        """
        Hip Flexor Stretch: legs
        Quadriceps Stretch: legs
        Calf Stretch: legs
        Child's Pose: back
        Pigeon Stretch: glutes
        """,
    )
    + _entries(
        "sport",
        """
        Yoga: full_body
        Climbing: full_body
        Tennis: full_body
        Football: full_body
        Basketball: full_body
        Martial Arts: full_body
        """,
    )
)
