#!/bin/sh
# Container entrypoint: apply migrations, then become gunicorn.
#
#   (no arguments)      migrate, then exec gunicorn with pmp/ops/gunicorn_conf.py
#   -opt ...            the same, with the options added to gunicorn's command line
#   any other command   exec it as is (e.g. `flask users create …`, `sh`), without migrating
#
# `exec` makes gunicorn the process that `docker stop` signals: SIGTERM starts gunicorn's
# graceful shutdown (in-flight requests finish within graceful_timeout), SIGHUP reloads.
set -eu

if [ "$#" -gt 0 ]; then
    case "$1" in
        -*) ;;
        *) exec "$@" ;;
    esac
fi

# wsgi.py sits in the application directory (/app in the image, the repository root outside).
cd "${PMP_APP_DIR:-$(dirname "$0")/..}"

# `pmp migrate` validates the configuration first: a bad setting prints what is wrong and
# exits non-zero (2), and we stop here instead of starting a server that cannot work.
status=0
pmp migrate || status=$?
if [ "$status" -ne 0 ]; then
    echo "entrypoint: configuration check or migration failed (exit $status); not starting" >&2
    exit "$status"
fi

exec gunicorn -c python:pmp.ops.gunicorn_conf "$@" wsgi:app
