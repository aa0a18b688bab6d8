"""Cross-origin calls from browser apps: the origins of ``JISR_CORS_ORIGINS``, none by default.

The allowed request headers are those GraphQL clients send: the bearer token, the JSON
content type, Apollo Client's identification and CSRF-prevention headers, and the
request id Jisr echoes back.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware

ALLOWED_HEADERS = [
    "authorization",
    "content-type",
    "accept",
    "accept-language",
    "x-request-id",
    "apollographql-client-name",
    "apollographql-client-version",
    "x-apollo-operation-name",
    "apollo-require-preflight",
]
EXPOSED_HEADERS = ["x-request-id", "retry-after", "www-authenticate"]
PREFLIGHT_MAX_AGE = 600  # seconds a browser may keep a preflight answer


def allow_origins(app: Starlette, origins: list[str]) -> None:
    """Answers preflights and marks responses for ``origins``; nothing when there are none."""
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        max_age=PREFLIGHT_MAX_AGE,
    )
