"""`flask demo seed` and the demo documents it imports."""

import re
from datetime import date, datetime, timedelta

from pmp.ops.demo_data import ITEMS, PACKS, workouts_document
from tests.conftest import PASSWORD


def login(client, username="demo", password=PASSWORD):
    response = client.post("/api/auth/login", json={"login": username, "password": password})
    assert response.status_code == 200, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['access_token']}"}


def test_seed_creates_an_account_with_gear_packs_and_workouts(runner, client):
    result = runner.invoke(args=["demo", "seed", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "Demo account demo" in result.output
    headers = login(client)

    me = client.get("/api/me", headers=headers).get_json()
    assert me["role"] == "user"  # even as the first account of an empty database
    items = client.get("/api/items?limit=200", headers=headers)
    assert items.headers["X-Total-Count"] == str(len(ITEMS))
    packs = client.get("/api/packs", headers=headers).get_json()
    assert sorted(p["name"] for p in packs) == sorted(name for name, _, _ in PACKS)
    weekend = next(p for p in packs if p["name"] == "Weekend overnighter")
    detail = client.get(f"/api/packs/{weekend['id']}?unit=g", headers=headers).get_json()
    assert len(detail["entries"]) == len(PACKS[0][2])
    totals = detail["totals"]
    assert totals["base"] > 0 and totals["worn"] > 0 and totals["consumable"] > 0

    listed = client.get("/api/workouts?limit=200", headers=headers)
    assert listed.headers["X-Total-Count"] == "16"
    push = next(w for w in listed.get_json() if (w["notes"] or "").startswith("Push day"))
    report = client.get(f"/api/workouts/{push['id']}/report", headers=headers).get_json()
    assert report["total_volume"] > 0 and report["total_exercises"] == 4


def test_seed_refuses_an_existing_account_unless_replacing(runner, client):
    assert runner.invoke(args=["demo", "seed", "--password", PASSWORD]).exit_code == 0
    again = runner.invoke(args=["demo", "seed", "--password", PASSWORD])
    assert again.exit_code == 1
    assert "--replace" in again.output
    replaced = runner.invoke(args=["demo", "seed", "--password", PASSWORD, "--replace",
                                   "--weeks", "2"])
    assert replaced.exit_code == 0, replaced.output
    headers = login(client)
    assert client.get("/api/items", headers=headers).headers["X-Total-Count"] == str(len(ITEMS))
    assert client.get("/api/workouts", headers=headers).headers["X-Total-Count"] == "8"


def test_seed_prints_a_random_password_that_works(runner, client):
    result = runner.invoke(args=["demo", "seed", "--username", "trailtester"])
    assert result.exit_code == 0, result.output
    password = re.search(r"password=(\S+)", result.output).group(1)
    login(client, "trailtester", password)


def test_seed_rejects_a_weak_password_without_leaving_anything(runner, client):
    result = runner.invoke(args=["demo", "seed", "--password", "password"])
    assert result.exit_code == 1
    response = client.post("/api/auth/login", json={"login": "demo", "password": "password"})
    assert response.status_code == 401


def test_workouts_document_is_past_weeks_with_progression():
    today = date(2026, 11, 27)  # a Friday
    doc = workouts_document(today, weeks=3)
    days = [datetime.fromisoformat(w["performed_at"]).date() for w in doc["workouts"]]
    monday = today - timedelta(days=today.weekday())
    assert len(days) == 12 and days == sorted(days)
    assert days[0] == monday - timedelta(weeks=3) and days[-1] < monday

    def top_bench(workout):
        bench = next(e for e in workout["exercises"] if e["exercise_name"] == "Bench Press")
        return max(s["weight"] for s in bench["sets"] if not s["is_warmup"])

    pushes = [w for w in doc["workouts"] if w["notes"].startswith("Push day")]
    assert [top_bench(w) for w in pushes] == [60.0, 62.5, 65.0]
    assert workouts_document(today, weeks=3) == doc  # deterministic
