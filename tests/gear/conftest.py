"""Helpers for the gear tests: two users and short ways to make items and packs."""

import pytest


class GearClient:
    """A user's view of the gear API through the Flask test client."""

    def __init__(self, client, user):
        self.client = client
        self.user = user
        self.headers = user.headers

    def get(self, path, **kw):
        return self.client.get(path, headers=self.headers, **kw)

    def post(self, path, json=None, **kw):
        return self.client.post(path, json=json, headers=self.headers, **kw)

    def patch(self, path, json=None):
        return self.client.patch(path, json=json, headers=self.headers)

    def delete(self, path):
        return self.client.delete(path, headers=self.headers)

    def item(self, **fields):
        body = {"name": "Tent", "weight": 1000, "weight_unit": "g", **fields}
        response = self.post("/api/items", body)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def pack(self, name="Weekend", **fields):
        response = self.post("/api/packs", {"name": name, **fields})
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def entry(self, pack_id, item_id, **fields):
        response = self.post(f"/api/packs/{pack_id}/entries", {"item_id": item_id, **fields})
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def preferences(self, **prefs):
        response = self.patch("/api/me", {"preferences": prefs})
        assert response.status_code == 200, response.get_json()


@pytest.fixture
def alice(client, make_user):
    return GearClient(client, make_user("alice"))


@pytest.fixture
def bob(client, make_user):
    return GearClient(client, make_user("bob"))
