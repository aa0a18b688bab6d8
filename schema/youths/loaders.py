from __future__ import annotations

from typing import Any

from network import clock
from network.consents import repository as consents
from network.youths import repository
from network.youths.repository import Seen
from schema.audit_reads import record_identity_reads
from schema.context import Context
from schema.loaders import grouped_loader, loader


@loader
async def youth_loader(context: Context, ids: list[int]) -> list[Any]:
    """Young people the caller may see, as ``Seen``; identity reads are audited per batch."""
    async with context.sessions() as session:
        found = await repository.get_visible(session, context.viewer, ids, now=clock.now())
    await record_identity_reads(context, (pk for pk, seen in found.items() if seen.identity))
    return [found.get(i) for i in ids]


@loader
async def judged_youth_loader(context: Context, keys: list[tuple[int, bool]]) -> list[Any]:
    """Young people whose visibility the caller's query already judged, by (id, whether
    their identity is seen): as ``Seen``, without judging again; identity reads are
    audited per batch, as the "youth" loader does."""
    async with context.sessions() as session:
        rows = await repository.get_many(session, sorted({pk for pk, _ in keys}))
    await record_identity_reads(context, (pk for pk, identity in keys if identity))
    return [Seen(rows[pk], identity) for pk, identity in keys]


youth_needs_loader = grouped_loader(repository.needs_of, "youth_id")
youth_milestones_loader = grouped_loader(repository.milestones_of, "youth_id")
youth_consents_loader = grouped_loader(consents.of_youths, "youth_id")
