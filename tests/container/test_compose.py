"""docker-compose.yml brought up and down with the engine's compose (Debian's docker-compose
1.29 or podman-compose 1.0): the file must stay readable by both."""

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.container.harness import call, free_port, measure

ROOT = Path(__file__).resolve().parents[2]


def test_docker_compose_yml_up_and_down(engine, image, tmp_path):
    # The file as it is, beside an empty .env (which it requires), in a folder of its own so
    # a developer's own .env never leaks in. The image it names must exist: no build here.
    if image != "pmp:latest":
        engine("tag", image, "pmp:latest")
    shutil.copy(ROOT / "docker-compose.yml", tmp_path / "docker-compose.yml")
    (tmp_path / ".env").write_text("REGISTRATION=closed\n")  # proves env_file is read
    project, port = f"pmpci{uuid.uuid4().hex[:8]}", free_port()
    volume = f"{project}_pmp-instance"
    env = {**os.environ, "PMP_PUBLISH": f"127.0.0.1:{port}", "PMP_VOLUME": volume}

    def compose(*args: str) -> subprocess.CompletedProcess:
        command = [*engine.compose, "-p", project, "-f", str(tmp_path / "docker-compose.yml"),
                   *args]
        result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=300, check=False)
        assert result.returncode == 0, f"{command}:\n{result.stdout}{result.stderr}"
        return result

    started = time.monotonic()
    try:
        compose("up", "-d")
        deadline = time.monotonic() + 60
        while True:
            try:
                if call(f"http://127.0.0.1:{port}", "GET", "/api/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, compose("logs").stdout
            time.sleep(0.2)
        measure(f"compose up to first 200: {time.monotonic() - started:.2f} s")
        assert engine("volume", "inspect", volume, check=False).returncode == 0
        status, body = call(f"http://127.0.0.1:{port}", "POST", "/api/auth/register", {
            "username": "bob", "email": "bob@example.com", "password": "a long passphrase"})
        assert status == 403, body
        assert "No users." in compose("exec", "-T", "pmp", "flask", "users", "list").stdout
    finally:
        down = compose("down", "--volumes")
        # podman-compose 1.0 leaves the project's network behind; docker-compose removes it.
        engine("network", "rm", f"{project}_default", check=False)
    assert engine("volume", "inspect", volume, check=False).returncode != 0, down.stderr
    leftovers = engine("ps", "--all", "--filter", f"name={project}", "--quiet").stdout
    assert not leftovers.strip()


def test_the_scaled_compose_file_is_valid_for_this_compose(engine, tmp_path):
    """Not brought up (postgres, redis and caddy come from Docker Hub): validated only."""
    if engine.kind == "podman":
        pytest.skip("podman-compose 1.0 has no `config`, and its --dry-run creates volumes")
    for name in ("docker-compose.scale.yml", "docker-compose.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / ".env").write_text("POSTGRES_PASSWORD=p@ss/w#rd%\nJWT_SECRET_KEY=" + "k" * 40)
    result = subprocess.run([*engine.compose, "-f", "docker-compose.scale.yml", "config"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            check=False, env={k: v for k, v in os.environ.items()
                                              if k not in ("POSTGRES_PASSWORD", "JWT_SECRET_KEY")})
    assert result.returncode == 0, result.stderr
    assert "PGPASSWORD: p@ss/w#rd%" in result.stdout
    assert "DATABASE_URL: postgresql+psycopg://pmp@postgres:5432/pmp" in result.stdout
