"""Who is calling: the client address (after ProxyFix) and user agent, for limits and audit."""

from flask import has_request_context, request


def client_ip() -> str:
    if not has_request_context():
        return "-"
    return request.remote_addr or "-"


def user_agent() -> str:
    if not has_request_context():
        return ""
    return (request.headers.get("User-Agent") or "")[:300]
