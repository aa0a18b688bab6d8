"""A bad bearer token, answered as GraphQL clients and RFC 6750 expect.

HTTP gets 401 with a GraphQL JSON body whose error has ``extensions.code =
UNAUTHENTICATED``, and ``WWW-Authenticate: Bearer error="invalid_token"``.
"""

from __future__ import annotations

from cross_web import HTTPException
from starlette.responses import JSONResponse

from network.errors import ErrorCode

CHALLENGE = 'Bearer realm="jisr", error="invalid_token"'


class InvalidToken(HTTPException):
    """Raised while building a request's context: the token is unknown or expired."""

    def __init__(self, message: str) -> None:
        super().__init__(401, message)
        self.message = message


def response(error: InvalidToken) -> JSONResponse:
    extensions = {"code": str(ErrorCode.UNAUTHENTICATED)}
    body = {"data": None, "errors": [{"message": error.message, "extensions": extensions}]}
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": CHALLENGE})
