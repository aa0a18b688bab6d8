"""Every query on webhooks; deleted ones are never listed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.notifications.models import Webhook


async def get_live(session: AsyncSession, webhook_id: int) -> Webhook | None:
    statement = select(Webhook).where(Webhook.id == webhook_id, Webhook.deleted_at.is_(None))
    return await session.scalar(statement)


async def live_of(session: AsyncSession, actor_ids: Sequence[int]) -> dict[int, list[Webhook]]:
    """The webhooks of each actor that are not deleted, in creation order."""
    statement = (
        select(Webhook)
        .where(Webhook.actor_id.in_(sorted(set(actor_ids))), Webhook.deleted_at.is_(None))
        .order_by(Webhook.id)
    )
    found: dict[int, list[Webhook]] = defaultdict(list)
    for row in await session.scalars(statement):
        found[row.actor_id].append(row)
    return dict(found)


async def live_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Webhook]:
    statement = select(Webhook).where(
        Webhook.id.in_(sorted(set(ids))), Webhook.deleted_at.is_(None)
    )
    return {row.id: row for row in await session.scalars(statement)}
