from __future__ import annotations

from typing import Any

from network.actors import repository
from network.actors.models import Actor
from network.directory import actor_map
from network.enums import ServiceAxis
from schema.context import Context
from schema.loaders import loader


@loader
async def actor_loader(context: Context, ids: list[int]) -> list[Any]:
    """Actors by id, whatever their state: a visible record's own links always resolve."""
    async with context.sessions() as session:
        found = await repository.get_many(session, ids)
    return [found.get(i) for i in ids]


@loader
async def actor_units_loader(context: Context, parent_ids: list[int]) -> list[list[Actor]]:
    async with context.sessions() as session:
        found = await repository.units_of(session, parent_ids, context.viewer)
    return [found.get(i, []) for i in parent_ids]


@loader
async def actor_axes_loader(context: Context, actor_ids: list[int]) -> list[list[ServiceAxis]]:
    async with context.sessions() as session:
        found = await actor_map.axes_of(session, actor_ids)
    return [found.get(i, []) for i in actor_ids]
