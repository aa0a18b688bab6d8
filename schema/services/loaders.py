from __future__ import annotations

from collections import defaultdict
from typing import Any

from network.services import repository
from schema.context import Context
from schema.loaders import loader

# Nested pages are keyed (actor_id, axis, first, after_id): one statement per distinct
# (axis, first, after_id), which is one per query level in practice.


@loader
async def actor_services_loader(context: Context, keys: list[tuple[Any, ...]]) -> list[Any]:
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for actor_id, *arguments in keys:
        groups[tuple(arguments)].append(actor_id)
    found: dict[tuple[Any, ...], Any] = {}
    async with context.sessions() as session:
        for (axis, first, after_id), actor_ids in groups.items():
            pages = await repository.page_per_actor(
                session,
                actor_ids,
                axis=axis,
                first=first,
                after_id=after_id,
                viewer=context.viewer,
            )
            for actor_id in actor_ids:
                found[(actor_id, axis, first, after_id)] = pages.get(actor_id)
    return [found[key] for key in keys]


@loader
async def actor_service_count_loader(context: Context, keys: list[tuple[Any, ...]]) -> list[int]:
    groups: dict[Any, list[int]] = defaultdict(list)
    for actor_id, axis in keys:
        groups[axis].append(actor_id)
    found: dict[tuple[Any, ...], int] = {}
    async with context.sessions() as session:
        for axis, actor_ids in groups.items():
            counts = await repository.count_per_actor(
                session, actor_ids, axis=axis, viewer=context.viewer
            )
            for actor_id in actor_ids:
                found[(actor_id, axis)] = counts.get(actor_id, 0)
    return [found[key] for key in keys]


@loader
async def service_areas_loader(context: Context, service_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.area_territory_ids(session, service_ids)
    return [found.get(i, []) for i in service_ids]
