"""Starts that must not happen: a bad setting, a data folder the container cannot write."""

import os

import pytest

from tests.container.harness import call


def attached(engine, image, *options: str):
    """`run --rm` in the foreground: the container's exit status and its stderr."""
    return engine("run", "--rm", *options, image, check=False, timeout=120)


@pytest.mark.parametrize(("setting", "value"), [("JWT_SECRET_KEY", "short"),
                                                ("REGISTRATION", "sometimes")])
def test_a_bad_setting_exits_2_with_one_clear_line(engine, image, setting, value):
    result = attached(engine, image, "--env", f"{setting}={value}")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = engine.container_stderr(result)
    assert len(lines) == 1 and lines[0].startswith("pmp: configuration error: "), lines
    assert setting in lines[0]


def test_a_bind_mount_it_cannot_write_exits_2_with_the_chown_hint(engine, image, tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)  # root's, as `mkdir data` leaves it on a host
    result = attached(engine, image, "--volume", f"{data}:/app/instance")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = engine.container_stderr(result)
    assert len(lines) == 1, lines
    assert "/app/instance is not writable by uid 10001" in lines[0]
    assert "sudo chown -R 10001:10001" in lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert os.listdir(data) == []


def test_another_user_on_the_volume_exits_2_too(engine, image):
    volume = engine.name("volume")
    engine("volume", "create", volume)
    result = attached(engine, image, "--user", "4242:4242", "--volume",
                      f"{volume}:/app/instance")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = engine.container_stderr(result)
    assert len(lines) == 1 and "chown -R 4242:4242" in lines[0], lines


def test_the_chown_from_the_hint_makes_the_bind_mount_work(engine, run, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.chown(data, 10001, 10001)  # what DEPLOY.md tells the operator to run
    container = run(volume=str(data))
    container.wait_for_200()
    assert call(container.base, "GET", "/api/health")[0] == 200
    assert {"pmp.sqlite3", "jwt_secret"} <= set(os.listdir(data))
    assert os.stat(data / "jwt_secret").st_uid == 10001
