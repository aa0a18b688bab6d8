from __future__ import annotations

from typing import Any

from network.webhooks import repository
from network.webhooks.service import may_manage
from schema.context import Context
from schema.loaders import loader


@loader
async def actor_webhooks_loader(context: Context, actor_ids: list[int]) -> list[Any]:
    """An actor's webhooks for its staff and ADMIN; none for anybody else."""
    allowed = [i for i in actor_ids if may_manage(context.viewer, i)]
    if not allowed:
        return [[] for _ in actor_ids]
    async with context.sessions() as session:
        found = await repository.live_of(session, allowed)
    return [found.get(i, []) for i in actor_ids]
