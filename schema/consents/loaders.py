from __future__ import annotations

from typing import Any

from network.consents import repository
from schema.context import Context
from schema.loaders import loader


@loader
async def consent_actor_ids_loader(context: Context, consent_ids: list[int]) -> list[Any]:
    async with context.sessions() as session:
        found = await repository.named_actors(session, consent_ids)
    return [found.get(i, []) for i in consent_ids]
