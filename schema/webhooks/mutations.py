from __future__ import annotations

import strawberry

from network import clock
from network.database import UnitOfWork
from network.ids import pk_of, to_global_id
from network.webhooks import service
from schema.auth import require_user
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation
from schema.webhooks.inputs import RegisterWebhookInput
from schema.webhooks.types import Webhook, WebhookPayload


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        description="Register an endpoint receiving the actor's referral events, signed"
        " with the secret (HMAC-SHA256). The actor's staff and ADMIN."
    )
    async def register_webhook(self, info: Info, input: RegisterWebhookInput) -> WebhookPayload:
        context = info.context

        async def change(uow: UnitOfWork) -> tuple[Webhook, list[str]]:
            viewer = require_user(context.viewer)
            row = await service.register_webhook(
                uow.session,
                viewer=viewer,
                cipher=info.context.cipher,
                actor_id=pk_of(input.actor_id, "Actor", field="actorId"),
                url=input.url,
                secret=input.secret,
                events=input.events,
                production=context.settings.env == "production",
                now=clock.now(),
                allowed=context.settings.webhook_allowed,
            )
            return Webhook.of(row), [to_global_id("Webhook", row.id)]

        webhook, errors = await run_mutation(
            info,
            "registerWebhook",
            change,
            audit_ids=attempted_ids("Actor", input.actor_id),
            input_field="input",
        )
        return WebhookPayload(webhook=webhook, user_errors=errors)

    @strawberry.mutation(description="Delete a webhook: it receives nothing more.")
    async def delete_webhook(self, info: Info, id: strawberry.ID) -> WebhookPayload:
        context = info.context

        async def change(uow: UnitOfWork) -> tuple[Webhook, list[str]]:
            viewer = require_user(context.viewer)
            row = await service.delete_webhook(
                uow.session, viewer=viewer, webhook_id=pk_of(id, "Webhook"), now=clock.now()
            )
            return Webhook.of(row), [to_global_id("Webhook", row.id)]

        webhook, errors = await run_mutation(
            info, "deleteWebhook", change, audit_ids=attempted_ids("Webhook", id)
        )
        return WebhookPayload(webhook=webhook, user_errors=errors)
