"""Queries about consents; callers check who may see them (identity, docs/access.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.access import youth_identity_visible
from network.batches import by_id, rows_of
from network.records.consents import Consent, consent_actors
from network.records.youths import Youth
from network.viewer import Viewer


async def of_youths(session: AsyncSession, youth_ids: Sequence[int]) -> list[Consent]:
    return await rows_of(session, Consent, Consent.youth_id, youth_ids, Consent.id)


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, Consent]:
    return await by_id(session, Consent, ids)


async def named_actors(session: AsyncSession, consent_ids: Sequence[int]) -> dict[int, list[int]]:
    """The actors each consent names, in id order."""
    rows = await session.execute(
        select(consent_actors.c.consent_id, consent_actors.c.actor_id)
        .where(consent_actors.c.consent_id.in_(consent_ids))
        .order_by(consent_actors.c.actor_id)
    )
    found: dict[int, list[int]] = {pk: [] for pk in consent_ids}
    for consent_id, actor_id in rows:
        found[consent_id].append(actor_id)
    return found


async def get_visible(
    session: AsyncSession, viewer: Viewer, ids: Sequence[int], *, now: datetime
) -> dict[int, Consent]:
    """Consents whose young person's identity the caller may see (docs/access.md)."""
    statement = (
        select(Consent)
        .join(Youth, Youth.id == Consent.youth_id)
        .where(Consent.id.in_(ids), youth_identity_visible(viewer, now=now))
    )
    return {row.id: row for row in await session.scalars(statement)}


async def link_actors(session: AsyncSession, consent_id: int, actor_ids: Sequence[int]) -> None:
    """Name these actors in the consent's scope."""
    if actor_ids:
        await session.execute(
            consent_actors.insert(),
            [{"consent_id": consent_id, "actor_id": actor_id} for actor_id in actor_ids],
        )
