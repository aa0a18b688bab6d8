from __future__ import annotations

from network.webhooks import repository
from network.webhooks.service import may_manage
from schema.context import Info
from schema.relay import node_resolver
from schema.webhooks.types import Webhook


@node_resolver("Webhook")
async def webhook_nodes(info: Info, pks: list[int]) -> dict[int, Webhook]:
    async with info.context.sessions() as session:
        rows = await repository.live_by_id(session, pks)
    viewer = info.context.viewer
    return {pk: Webhook.of(row) for pk, row in rows.items() if may_manage(viewer, row.actor_id)}
