"""Workouts: exercise catalogue, workouts, sets, reports and statistics."""
