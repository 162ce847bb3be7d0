"""The gear wing's routes: /api/items, /api/packs and /api/shared, one blueprint whose views
live in item_routes, pack_routes and share_routes (importing them registers the views)."""

from pmp.gear import item_routes, pack_routes, share_routes  # noqa: F401
from pmp.gear.blueprint import blp

__all__ = ["blp"]
