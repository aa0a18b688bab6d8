"""Sign-in sessions and integration tokens, issued and ended.

Whether a token still works (revoked, past ``expires_at``, idle past ``idle_seconds``,
its user deactivated) is decided in ``network.users.service.viewer_for_token``, the one
function every transport resolves a bearer token with.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.errors import InvalidInput, NotFound, Unauthenticated
from network.users import repository
from network.users.models import ApiToken, User
from network.users.passwords import new_token, token_digest
from network.validation import clean_text
from network.viewer import Viewer

SESSION = "SESSION"
INTEGRATION = "INTEGRATION"


async def issue_session(
    session: AsyncSession, *, user: User, lifetime: timedelta, idle: timedelta
) -> str:
    """A sign-in token: it ends ``lifetime`` after now, or once unused for ``idle``."""
    token = new_token()
    now = clock.now()
    session.add(
        ApiToken(
            user_id=user.id,
            token_hash=token_digest(token),
            kind=SESSION,
            created_at=now,
            expires_at=now + lifetime,
            idle_seconds=int(idle.total_seconds()),
            last_used_at=now,  # signing in is a use: the first minute writes nothing
        )
    )
    await session.flush()
    return token


async def issue_integration(
    session: AsyncSession, *, user_id: int, name: str, expires_at: datetime, max_days: int
) -> tuple[ApiToken, str]:
    """A named token for a system of the user's own, ending at ``expires_at`` (in the
    future, at most ``max_days`` ahead); the secret is returned this once only."""
    clean = clean_text(name, field=["name"], max_length=100)
    if clean is None:
        raise InvalidInput("a token needs a name", field=["name"])
    now = clock.now()
    if expires_at.tzinfo is None:
        raise InvalidInput("give the expiry with its time zone", field=["expiresAt"])
    if expires_at <= now:
        raise InvalidInput("the expiry is in the past", field=["expiresAt"])
    if expires_at > now + timedelta(days=max_days):
        raise InvalidInput(f"a token lives at most {max_days} days", field=["expiresAt"])
    token = new_token()
    row = ApiToken(
        user_id=user_id,
        token_hash=token_digest(token),
        kind=INTEGRATION,
        name=clean,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(row)
    await session.flush()
    return row, token


async def visible_integration_tokens(
    session: AsyncSession, *, viewer: Viewer, user_id: int | None = None
) -> list[ApiToken]:
    """One's own integration tokens; ADMIN lists anyone's (``user_id``) or everyone's."""
    viewer.signed_in_id()
    if not viewer.is_admin:
        if user_id not in (None, viewer.user_id):
            return []
        user_id = viewer.user_id
    return await repository.integration_tokens(session, user_id=user_id)


async def revoke_integration(session: AsyncSession, *, viewer: Viewer, token_id: int) -> ApiToken:
    """Its owner or ADMIN ends an integration token; others are told it does not exist."""
    viewer.signed_in_id()
    row = await session.get(ApiToken, token_id)
    if (
        row is None
        or row.kind != INTEGRATION
        or (row.user_id != viewer.user_id and not viewer.is_admin)
    ):
        raise NotFound("no such token", field=["id"])
    if row.revoked_at is None:
        row.revoked_at = clock.now()
        await session.flush()
    return row


async def end_current(session: AsyncSession, *, viewer: Viewer) -> None:
    """``logout``: the token of this request stops working."""
    if viewer.user_id is None or viewer.token_id is None:
        raise Unauthenticated("sign in first")
    row = await session.get(ApiToken, viewer.token_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = clock.now()
        await session.flush()
