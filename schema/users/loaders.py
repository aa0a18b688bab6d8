from __future__ import annotations

from collections import defaultdict
from typing import Any

from network.users import repository
from schema.context import Context
from schema.loaders import loader


@loader("user_preferences")
async def load_preferences(context: Context, user_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        rows = await repository.preferences(session, user_ids)
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.user_id].append(row)
    return [grouped.get(i, []) for i in user_ids]


@loader("user")
async def load_users(context: Context, ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.get_many(session, ids)
    return [found.get(i) for i in ids]
