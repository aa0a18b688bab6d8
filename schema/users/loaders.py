from __future__ import annotations

from collections import defaultdict
from typing import Any

from network.users import repository
from schema.context import Context
from schema.loaders import loader


@loader
async def user_preferences_loader(context: Context, user_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        rows = await repository.preferences(session, user_ids)
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.user_id].append(row)
    return [grouped.get(i, []) for i in user_ids]


@loader
async def user_loader(context: Context, ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.get_many(session, ids)
    return [found.get(i) for i in ids]
