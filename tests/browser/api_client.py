"""The JSON API called from a test, as another device would: a browser context of its own
(its own cookies), so what it does never touches the page under test."""

from __future__ import annotations

import contextlib
import json

from tests.browser.conftest import PASSWORD


class ApiClient:
    def __init__(self, context):
        self.context = context
        self.token: str | None = None

    def call(self, method: str, path: str, body=None, *, ok: bool = True, headers=None):
        sent = dict(headers or {})
        if self.token:
            sent.setdefault("Authorization", f"Bearer {self.token}")
        if body is not None:
            sent["Content-Type"] = "application/json"
        response = self.context.request.fetch(path, method=method, headers=sent,
                                              data=None if body is None else json.dumps(body))
        if ok:
            assert response.ok, (method, path, response.status, response.text())
        if response.status == 204:
            return None
        return response.json() if ok else response

    def login(self, login: str, password: str = PASSWORD, user_agent: str | None = None) -> dict:
        headers = {"User-Agent": user_agent} if user_agent else None
        pair = self.call("POST", "/api/auth/login", {"login": login, "password": password},
                         headers=headers)
        self.token = pair["access_token"]
        return pair

    def item(self, **fields) -> dict:
        return self.call("POST", "/api/items", {"weight_unit": "g", **fields})


@contextlib.contextmanager
def other_device(browser, server, **context_options):
    context = browser.new_context(base_url=server.base, **context_options)
    try:
        yield ApiClient(context)
    finally:
        context.close()
