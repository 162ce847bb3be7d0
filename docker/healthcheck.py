"""The image's HEALTHCHECK: GET /api/health on the container's own port; exit 0 on a 200.

Docker runs it every few seconds for the life of the container (`python -I -S`, see the
Dockerfile), so it stays cheap: the socket module and a plain HTTP/1.0 request take about a
fifth of the start-up time of `urllib.request` (19 ms against 85 ms here). Failures print one
line, which `docker inspect` shows in the container's health log.
"""

import os
import socket
import sys

WILDCARDS = {"", "0.0.0.0", "::"}  # noqa: S104 - addresses gunicorn binds, not ones we bind


def target() -> tuple[str, int]:
    host = os.environ.get("HOST", "").strip().strip("[]")
    port = int(os.environ.get("PORT", "").strip() or "8080")
    return ("127.0.0.1" if host in WILDCARDS else host), port


def main() -> int:
    try:
        host, port = target()
        with socket.create_connection((host, port), timeout=2.5) as sock:
            sock.sendall(b"GET /api/health HTTP/1.0\r\nHost: localhost\r\n"
                         b"User-Agent: pmp-healthcheck\r\n\r\n")
            status_line = sock.makefile("rb").readline(200)
    except (OSError, ValueError) as error:
        print(f"healthcheck: {error}")
        return 1
    parts = status_line.split()
    if len(parts) >= 2 and parts[1] == b"200":
        return 0
    print(f"healthcheck: /api/health answered {status_line.decode('latin-1').strip()!r}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
