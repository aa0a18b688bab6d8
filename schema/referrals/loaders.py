from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.audit import service as audit
from network.database import unit_of_work
from network.ids import to_global_id
from network.referrals import repository
from schema.context import Context
from schema.loaders import loader

IDENTITY_READ = "read:Referral.identity"


@loader
async def referral_loader(context: Context, ids: list[int]) -> list[Any]:
    """Referrals the caller may see (with what they see of the young person), else None."""
    async with context.sessions() as session:
        found = await repository.get_visible(session, ids, viewer=context.viewer, now=clock.now())
    return [found.get(i) for i in ids]


@loader
async def referral_service_loader(context: Context, ids: list[int]) -> list[Any]:
    """Services by id, whatever their state: a visible referral's own link always resolves."""
    async with context.sessions() as session:
        found = await repository.services_by_id(session, ids)
    return [found.get(i) for i in ids]


Fetch = Callable[[AsyncSession, list[int], int, int | None], Awaitable[dict[int, Any]]]


async def _pages(context: Context, keys: list[tuple[Any, ...]], fetch: Fetch) -> list[Any]:
    """Pages for keys (parent_id, first, after_id): one fetch per (first, after_id)."""
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for parent_id, *arguments in keys:
        groups[tuple(arguments)].append(parent_id)
    found: dict[tuple[Any, ...], Any] = {}
    async with context.sessions() as session:
        for (first, after_id), parent_ids in groups.items():
            pages = await fetch(session, parent_ids, first, after_id)
            for parent_id in parent_ids:
                found[(parent_id, first, after_id)] = pages.get(parent_id)
    return [found[key] for key in keys]


@loader
async def youth_referrals_loader(context: Context, keys: list[tuple[Any, ...]]) -> list[Any]:
    now = clock.now()

    async def fetch(
        session: AsyncSession, youth_ids: list[int], first: int, after_id: int | None
    ) -> dict[int, Any]:
        return await repository.page_per_youth(
            session, youth_ids, first=first, after_id=after_id, viewer=context.viewer, now=now
        )

    return await _pages(context, keys, fetch)


@loader
async def youth_referral_count_loader(context: Context, youth_ids: list[int]) -> list[int]:
    async with context.sessions() as session:
        counts = await repository.count_per_youth(session, youth_ids, viewer=context.viewer)
    return [counts.get(i, 0) for i in youth_ids]


@loader
async def referral_events_loader(context: Context, keys: list[tuple[Any, ...]]) -> list[Any]:
    """Events of referrals already shown to the caller: their visibility is the referral's."""

    async def fetch(
        session: AsyncSession, referral_ids: list[int], first: int, after_id: int | None
    ) -> dict[int, Any]:
        return await repository.events_per_referral(
            session, referral_ids, first=first, after_id=after_id
        )

    return await _pages(context, keys, fetch)


@loader
async def referral_event_count_loader(context: Context, referral_ids: list[int]) -> list[int]:
    async with context.sessions() as session:
        counts = await repository.event_counts(session, referral_ids)
    return [counts.get(i, 0) for i in referral_ids]


@loader
async def referral_identity_read_loader(context: Context, referral_ids: list[int]) -> list[None]:
    """Reads of reasons and notes go to the audit log: one entry per batch, naming the
    referrals, never the values."""
    async with unit_of_work(context.sessions) as uow:
        await audit.record(
            uow.session,
            viewer=context.viewer,
            operation=IDENTITY_READ,
            record_ids=[to_global_id("Referral", pk) for pk in sorted(set(referral_ids))],
            request_id=context.request_id,
        )
    return [None for _ in referral_ids]
