"""The console's session and its CSRF token, both in cookies.

The session cookie holds the bearer token that ``login`` gave (the same kind of token
as any API client's: its lifetime, its revocation, ``logout``); it is httpOnly,
SameSite=Lax, and Secure in production, so page scripts never read it. Every form
carries a CSRF token that must match the ``jisr_csrf`` cookie (double submit, compared
in constant time), and is bound to the session by an HMAC of the secret key, so a token
planted before sign-in does not survive it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

from network.settings import Settings

SESSION_COOKIE = "jisr_session"
CSRF_COOKIE = "jisr_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SESSION_SECONDS = 12 * 3600


def token_of(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE) or None


def _secure(settings: Settings) -> bool:
    return settings.env == "production"


def start_session(response: Response, token: str, settings: Settings) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=_secure(settings),
        path="/",
    )
    response.delete_cookie(CSRF_COOKIE, path="/")  # a new session gets a new CSRF token


def end_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


def _nonce(request: Request) -> str:
    """The browser's CSRF nonce: its cookie's, or a new one set with this answer."""
    kept = getattr(request.state, "csrf_nonce", None) or request.cookies.get(CSRF_COOKIE)
    if not kept or len(kept) > 64:
        kept = secrets.token_urlsafe(24)
        request.state.new_csrf_nonce = kept
    request.state.csrf_nonce = kept
    return kept


def csrf_token(request: Request, settings: Settings) -> str:
    """The token forms carry: the nonce bound to the session by the secret key."""
    nonce = _nonce(request)
    bound = f"{nonce}:{token_of(request) or ''}".encode()
    mac = hmac.new(settings.secret_key.encode(), bound, hashlib.sha256).hexdigest()[:32]
    return f"{nonce}.{mac}"


def csrf_valid(request: Request, settings: Settings, sent: str | None) -> bool:
    if not sent or CSRF_COOKIE not in request.cookies:
        return False
    return hmac.compare_digest(sent, csrf_token(request, settings))


def keep_nonce(request: Request, response: Response, settings: Settings) -> None:
    """Set the CSRF cookie on ``response`` when this request made a new nonce."""
    nonce = getattr(request.state, "new_csrf_nonce", None)
    if nonce:
        response.set_cookie(
            CSRF_COOKIE, nonce, httponly=True, samesite="lax", secure=_secure(settings), path="/"
        )
