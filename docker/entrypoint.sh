#!/bin/sh
# Container entrypoint: check the data folder, apply migrations, then become gunicorn.
#
#   (no arguments)      check, migrate, then exec gunicorn with pmp/ops/gunicorn_conf.py
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

# The folders pmp writes to must be writable by the user the container runs as (10001, or
# whatever --user says). A bind mount owned by someone else would otherwise end in a
# PermissionError traceback from deep inside the app: say in one line what to do instead.
needs_writable() {  # DIR [FILE...]: DIR and the FILEs in it that exist must be writable
    dir=$1
    shift
    [ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null || true
    bad=""
    if [ ! -d "$dir" ] || [ ! -w "$dir" ] || [ ! -x "$dir" ]; then
        bad=$dir
    fi
    for file in "$@"; do
        path="$dir/$file"
        if [ -z "$bad" ] && [ -e "$path" ] && { [ ! -r "$path" ] || [ ! -w "$path" ]; }; then
            bad=$path
        fi
    done
    if [ -n "$bad" ]; then
        echo "entrypoint: $bad is not writable by uid $(id -u) (gid $(id -g)); if $dir is a" \
             "bind mount, run on the host: sudo chown -R $(id -u):$(id -g) <the directory" \
             "mounted there> (or use a named volume)" >&2
        exit 2
    fi
}

database="${DATABASE_URL:-}"
if [ -n "${PMP_INSTANCE_PATH:-}" ]; then
    # The generated JWT secret and, without DATABASE_URL, the SQLite database live here.
    if [ -z "$database" ]; then
        needs_writable "$PMP_INSTANCE_PATH" jwt_secret pmp.sqlite3 pmp.sqlite3-wal \
            pmp.sqlite3-shm pmp.sqlite3-writers.lock
    elif [ -z "${JWT_SECRET_KEY:-}" ]; then
        needs_writable "$PMP_INSTANCE_PATH" jwt_secret
    fi
fi
case "$database" in
    sqlite*:///*)
        # sqlite:////abs/file or sqlite:///relative/file, without a query string
        file="${database#*:///}"
        file="${file%%\?*}"
        if [ -n "$file" ] && [ "$file" != ":memory:" ]; then
            name="$(basename "$file")"
            needs_writable "$(dirname "$file")" "$name" "$name-wal" "$name-shm" \
                "$name-writers.lock"
        fi
        ;;
esac

# `pmp migrate` validates the configuration first: a bad setting prints one line saying what
# is wrong and exits 2, and we stop here instead of starting a server that cannot work.
status=0
pmp migrate || status=$?
if [ "$status" -eq 2 ]; then
    exit 2
elif [ "$status" -ne 0 ]; then
    echo "entrypoint: migration failed (exit $status); not starting" >&2
    exit "$status"
fi

exec gunicorn -c python:pmp.ops.gunicorn_conf "$@" wsgi:app
