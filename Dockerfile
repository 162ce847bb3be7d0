# pmp: one image for a home server (SQLite on a volume) and for scaled deployments
# (PostgreSQL + Redis behind a reverse proxy). See docs/DEPLOY.md.

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
RUN pip install -c requirements.lock . \
    && python -m compileall -q /opt/venv/lib

# --- runtime: the venv, the WSGI entry point, a non-root user --------------------------
FROM python:3.11-slim

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PMP_INSTANCE_PATH=/app/instance \
    FLASK_APP=wsgi \
    HOST=0.0.0.0 \
    PORT=8080

RUN groupadd --system --gid 10001 pmp \
    && useradd --system --uid 10001 --gid pmp --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin pmp

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY wsgi.py ./
COPY --chmod=0755 docker/entrypoint.sh ./docker/entrypoint.sh
# The SQLite file and the generated JWT secret live here; only this directory is writable.
RUN mkdir -p /app/instance && chown pmp:pmp /app/instance && chmod 0700 /app/instance
VOLUME ["/app/instance"]

USER 10001:10001
EXPOSE 8080

# slim has no curl: ask the health endpoint with the standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; url = 'http://127.0.0.1:%s/api/health' % os.environ.get('PORT', '8080'); sys.exit(0 if urllib.request.urlopen(url, timeout=4).status == 200 else 1)"]

# Applies migrations, then execs gunicorn (PID 1 receives SIGTERM from `docker stop`).
ENTRYPOINT ["/app/docker/entrypoint.sh"]
