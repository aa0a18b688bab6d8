from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.database import utcnow
from network.users.models import ApiToken, NotificationPreference, User


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email.strip().lower()))


async def get_by_token_digest(session: AsyncSession, digest: str) -> User | None:
    now = utcnow()
    statement = (
        select(User)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(
            ApiToken.token_hash == digest,
            ApiToken.revoked_at.is_(None),
            (ApiToken.expires_at.is_(None)) | (ApiToken.expires_at > now),
            User.active.is_(True),
        )
    )
    return await session.scalar(statement)


async def actor_subtree(session: AsyncSession, actor_id: int) -> tuple[str | None, list[int]]:
    """The actor's kind, and the ids of it and every unit under it, in one recursive query."""
    tree = (
        select(Actor.id.label("id"), Actor.kind.label("kind"), literal(0).label("depth"))
        .where(Actor.id == actor_id)
        .cte("tree", recursive=True)
    )
    tree = tree.union_all(
        select(Actor.id, Actor.kind, tree.c.depth + 1)
        .join(tree, Actor.parent_id == tree.c.id)
        .where(tree.c.depth < 16)
    )
    rows = (await session.execute(select(tree.c.id, tree.c.kind, tree.c.depth))).all()
    kind = next((str(row.kind) for row in rows if row.depth == 0), None)
    return kind, [row.id for row in rows]


async def preferences(
    session: AsyncSession, user_ids: Sequence[int]
) -> list[NotificationPreference]:
    statement = (
        select(NotificationPreference)
        .where(NotificationPreference.user_id.in_(user_ids))
        .order_by(NotificationPreference.user_id, NotificationPreference.kind)
    )
    return list((await session.scalars(statement)).all())


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, User]:
    rows = await session.scalars(select(User).where(User.id.in_(ids)))
    return {row.id: row for row in rows}
