# pmp: one image for a home server (SQLite on a volume) and for scaled deployments
# (PostgreSQL + Redis behind a reverse proxy). See docs/DEPLOY.md.
#
# Every builder takes this file as it is: the legacy `docker build` (Docker 20.10, a docker CLI
# without buildx), BuildKit, and podman/buildah. So nothing BuildKit-only (COPY --chmod/--link,
# RUN --mount, heredocs) and no HEALTHCHECK --start-interval (Docker 25+); the tests in
# tests/ops/test_dockerfile.py hold it to that. Nothing is downloaded per architecture:
# pip takes the wheels of the platform it builds on (amd64, or arm64 on a Raspberry Pi).

# --- builder: a virtualenv with pmp and its locked dependencies --------------------------
FROM python:3.11-slim AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# README* may be absent; setup.cfg only reads it for the long description.
COPY requirements.lock setup.cfg pyproject.toml README* ./
COPY pmp ./pmp
# The lock file pins every transitive dependency; "." is the only thing installed unpinned.
# pip writes the .pyc files as it installs: the runtime user cannot write them later, and
# without them every process (gunicorn, `pmp migrate`, each `flask` command) compiles its
# imports again at start. Then what the runtime never uses leaves the venv: pip and setuptools
# (23 MB; scanners flag an old setuptools) and Swagger UI's source maps (5 MB, only for
# debugging Swagger UI itself in a browser's developer tools).
RUN pip install -c requirements.lock . \
    && python -m pip uninstall --yes pip setuptools wheel \
    && find /opt/venv -name '*.js.map' -delete

# --- runtime: the venv, the WSGI entry point, a non-root user --------------------------
FROM python:3.11-slim

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PMP_INSTANCE_PATH=/app/instance \
    FLASK_APP=wsgi \
    HOST=0.0.0.0 \
    PORT=8080

# --no-log-init: no lastlog/faillog records for a high uid (sparse files that bloat a layer).
RUN groupadd --system --gid 10001 pmp \
    && useradd --system --no-log-init --uid 10001 --gid pmp --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin pmp \
    && mkdir -p /app/instance && chown pmp:pmp /app/instance && chmod 0700 /app/instance

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY wsgi.py ./
# Plain COPY (COPY --chmod needs BuildKit); ENTRYPOINT runs the script through /bin/sh, so its
# mode bits in the build context do not matter.
COPY docker/entrypoint.sh docker/healthcheck.py ./docker/
# The SQLite file and the generated JWT secret live here; only this directory is writable.
VOLUME ["/app/instance"]

USER 10001:10001
EXPOSE 8080

# A probe every 5 s: the first one runs one interval after the start, so the container is
# healthy about 5 s after it starts (the app answers after ~2 s on a small box); a failing
# probe in the 60 s start period (a slow first migration) does not count. A fast interval for
# the start period alone (--start-interval) needs Docker 25+, and Docker 20.10 and podman 4
# refuse the flag: docs/DEPLOY.md shows how to add it in compose. The probe is cheap (the
# socket module, no urllib) and the app logs successful probes at DEBUG only.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
    CMD ["python", "-I", "-S", "/app/docker/healthcheck.py"]

# Checks the data folder, applies migrations, then execs gunicorn (PID 1 gets `docker stop`'s
# SIGTERM).
ENTRYPOINT ["/bin/sh", "/app/docker/entrypoint.sh"]
