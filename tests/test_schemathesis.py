"""Fuzzing the contract: schemathesis drives every operation of our own OpenAPI document.

Each example runs as a signed-in real user (signed in again when a case ended the session).
No answer may be a 5xx, and every answer must use a documented status code, content type and
body schema.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import PASSWORD

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]



@pytest.fixture
def fuzz_user(make_user, client):
    user = make_user("fuzzer")
    client.post("/api/items", headers=user.headers, json={"name": "Stove", "weight": 80})
    client.post("/api/packs", headers=user.headers, json={"name": "Overnight"})
    client.post("/api/workouts", headers=user.headers,
                json={"performed_at": "2026-03-01T08:00:00Z"})
    return user


def test_every_operation_conforms(app, client, fuzz_user):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40

    token = []

    def fresh_token():
        """The fuzzer's access token, signed in again only after a case ended it (logout, a
        password change...): a login per case would exceed LOGIN_RATE_LIMIT."""
        if token and client.get("/api/me", headers={
                "Authorization": f"Bearer {token[0]}"}).status_code == 200:
            return token[0]
        login = client.post("/api/auth/login", json={"login": "fuzzer", "password": PASSWORD})
        token[:] = [login.get_json()["access_token"]]
        return token[0]

    calls = []

    def fuzz(operation):
        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            calls.append(operation.label)
            case.call_and_validate(headers={"Authorization": f"Bearer {fresh_token()}"},
                                   checks=CHECKS)

        run()

    for operation in operations:
        fuzz(operation)
    assert set(calls) == {operation.label for operation in operations}
