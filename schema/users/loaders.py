from __future__ import annotations

from typing import Any

from network.users import repository
from schema.context import Context
from schema.loaders import grouped_loader, loader

user_preferences_loader = grouped_loader(repository.preferences, "user_id")


@loader
async def user_loader(context: Context, ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.get_many(session, ids)
    return [found.get(i) for i in ids]
