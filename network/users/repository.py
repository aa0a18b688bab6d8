from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.batches import by_id, rows_of
from network.text import like_escape
from network.users.models import ApiToken, NotificationPreference, User


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email.strip().lower()))


# built once: every signed-in request judges its token with it
_LIVE_TOKEN = (
    select(ApiToken, User)
    .join(User, ApiToken.user_id == User.id)
    .where(
        ApiToken.token_hash == bindparam("digest"),
        ApiToken.revoked_at.is_(None),
        (ApiToken.expires_at.is_(None)) | (ApiToken.expires_at > bindparam("now")),
        User.active.is_(True),
    )
)


async def live_token(
    session: AsyncSession, digest: str, *, now: datetime
) -> tuple[ApiToken, User] | None:
    """The token of ``digest`` with its user, unless revoked, past its end or its user
    deactivated; whether it is idle too long is for the caller to tell."""
    row = (await session.execute(_LIVE_TOKEN, {"digest": digest, "now": now})).first()
    return (row[0], row[1]) if row is not None else None


async def touch_token(session: AsyncSession, token_id: int, *, now: datetime) -> None:
    await session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))


async def revoke_tokens(
    session: AsyncSession,
    *,
    user_id: int,
    now: datetime,
    kinds: Sequence[str] | None = None,
    except_id: int | None = None,
) -> None:
    """End the user's live tokens (of ``kinds`` when given), but ``except_id``."""
    conditions = [ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None)]
    if kinds is not None:
        conditions.append(ApiToken.kind.in_(list(kinds)))
    if except_id is not None:
        conditions.append(ApiToken.id != except_id)
    await session.execute(update(ApiToken).where(*conditions).values(revoked_at=now))


async def integration_tokens(session: AsyncSession, *, user_id: int | None) -> list[ApiToken]:
    """Integration tokens, newest first: of one user, or of everyone."""
    statement = select(ApiToken).where(ApiToken.kind == "INTEGRATION")
    if user_id is not None:
        statement = statement.where(ApiToken.user_id == user_id)
    rows = await session.scalars(statement.order_by(ApiToken.id.desc()))
    return list(rows.all())


async def preferences(
    session: AsyncSession, user_ids: Sequence[int]
) -> list[NotificationPreference]:
    return await rows_of(
        session,
        NotificationPreference,
        NotificationPreference.user_id,
        user_ids,
        NotificationPreference.kind,
    )


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, User]:
    return await by_id(session, User, ids)


def _matching(search: str | None) -> list[ColumnElement[bool]]:
    """Users whose email or display name contains ``search`` (any case)."""
    if not search or not search.strip():
        return []
    pattern = f"%{like_escape(search.strip().lower())}%"
    return [
        or_(
            func.lower(User.email).like(pattern, escape="\\"),
            func.lower(User.display_name).like(pattern, escape="\\"),
        )
    ]


async def page(
    session: AsyncSession, *, search: str | None, first: int, after_id: int | None
) -> tuple[list[User], bool]:
    """Up to ``first`` users in the order they were created, and whether more follow."""
    conditions = _matching(search)
    if after_id is not None:
        conditions.append(User.id > after_id)
    statement = select(User).where(*conditions).order_by(User.id).limit(first + 1)
    rows = list((await session.scalars(statement)).all())
    return rows[:first], len(rows) > first


async def count(session: AsyncSession, *, search: str | None) -> int:
    statement = select(func.count()).select_from(User).where(*_matching(search))
    return int(await session.scalar(statement) or 0)
