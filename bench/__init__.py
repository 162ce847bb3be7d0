"""The pmp benchmark: `python bench/run.py` (see docs/PERFORMANCE.md)."""
