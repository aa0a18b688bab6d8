from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from network import clock
from network.consents import repository as consents
from network.youths import repository
from schema.audit_reads import record_identity_reads
from schema.context import Context
from schema.loaders import loader


def _grouped(rows: Sequence[Any], keys: list[int]) -> list[Any]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.youth_id].append(row)
    return [grouped.get(key, []) for key in keys]


@loader
async def youth_loader(context: Context, ids: list[int]) -> list[Any]:
    """Young people the caller may see, as ``Seen``; identity reads are audited per batch."""
    async with context.sessions() as session:
        found = await repository.get_visible(session, context.viewer, ids, now=clock.now())
    await record_identity_reads(context, (pk for pk, seen in found.items() if seen.identity))
    return [found.get(i) for i in ids]


@loader
async def youth_needs_loader(context: Context, youth_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        return _grouped(await repository.needs_of(session, youth_ids), youth_ids)


@loader
async def youth_milestones_loader(context: Context, youth_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        return _grouped(await repository.milestones_of(session, youth_ids), youth_ids)


@loader
async def youth_consents_loader(context: Context, youth_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        return _grouped(await consents.of_youths(session, youth_ids), youth_ids)
