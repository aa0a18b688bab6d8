from __future__ import annotations

from typing import Any

from network.actors import repository
from schema.context import Context
from schema.loaders import loader


@loader("actor")
async def load_actors(context: Context, ids: list[int]) -> list[Any]:
    """Actors by id, whatever their state: a visible record's own links always resolve."""
    async with context.sessions() as session:
        found = await repository.get_many(session, ids)
    return [found.get(i) for i in ids]


@loader("actor_units")
async def load_units(context: Context, parent_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.units_of(session, parent_ids, context.viewer)
    return [found.get(i, []) for i in parent_ids]


@loader("actor_axes")
async def load_axes(context: Context, actor_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.axes_of(session, actor_ids)
    return [found.get(i, []) for i in actor_ids]
