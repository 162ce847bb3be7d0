"""The README's configuration table and .env.sample name every setting the code reads."""

import re
from pathlib import Path

from pmp.core.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = set(re.findall(r"(GUNICORN_[A-Z_]+|WEB_CONCURRENCY)",
                          (ROOT / "pmp" / "ops" / "gunicorn_conf.py").read_text()))


def test_every_setting_is_documented():
    readme = (ROOT / "README.md").read_text()
    sample = (ROOT / ".env.sample").read_text()
    for name in {s.name for s in SETTINGS} | GUNICORN | {"PMP_INSTANCE_PATH", "HOST", "PORT"}:
        assert f"`{name}`" in readme, f"{name} missing from the README configuration table"
        assert f"# {name}=" in sample, f"{name} missing from .env.sample"


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = re.search(r'TEST_COMMAND="(.+)"', ci).group(1)
    assert command in readme


def test_deploy_guide_says_what_each_engine_and_compose_needs():
    """Issue 16's findings stay written down where operators look (docs/DEPLOY.md)."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    for fact in ("podman build --format docker",  # else podman drops the HEALTHCHECK
                 "BUILDAH_FORMAT=docker",
                 "Compose 2.24",  # env_file path/required, which the compose files avoid
                 "sudo chown -R 10001:10001",  # a bind mount for the container's user
                 "PGPASSWORD",  # the scaled database password, outside the URL
                 "A–Z a–z 0–9 - . _ ~",  # what a password in a URL may hold unencoded
                 "start_interval"):  # Docker 25+ only, so not in the Dockerfile
        assert fact in deploy, fact
