"""Timestamps look the same whichever way a view got them: ORM objects (aware datetimes) or
the row queries' raw values (SQLite's stored text, PostgreSQL's naive UTC datetimes)."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pmp.gear.views import timestamp


@pytest.mark.parametrize("value", [
    datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=UTC),
    datetime(2026, 3, 4, 7, 6, 7, 891011, tzinfo=timezone(timedelta(hours=2))),
    datetime(2026, 3, 4, 5, 6, 7, 891011),  # naive UTC, as PostgreSQL returns it
    "2026-03-04 05:06:07.891011",  # as SQLAlchemy stores it in SQLite
    "2026-03-04 05:06:07",  # as SQLite's CURRENT_TIMESTAMP writes it
])
def test_every_form_gives_the_same_rfc3339_text(value):
    assert timestamp(value) == "2026-03-04T05:06:07Z"


def test_list_entry_and_item_agree(client, make_user):
    user = make_user()
    item = client.post("/api/items", json={"name": "Tent", "weight": 900},
                       headers=user.headers).get_json()
    pack = client.post("/api/packs", json={"name": "Trip"}, headers=user.headers).get_json()
    client.post(f"/api/packs/{pack['id']}/entries", json={"item_id": item["id"]},
                headers=user.headers)
    listed = client.get("/api/items", headers=user.headers).get_json()[0]
    entry = client.get(f"/api/packs/{pack['id']}", headers=user.headers).get_json()["entries"][0]
    one = client.get(f"/api/items/{item['id']}", headers=user.headers).get_json()
    for key in ("created_at", "updated_at"):
        assert listed[key] == entry["item"][key] == one[key] == item[key]
        assert datetime.fromisoformat(one[key]).tzinfo is not None
