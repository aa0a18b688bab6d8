from __future__ import annotations

import strawberry

from network import clock
from network.ids import pk_of
from network.webhooks import service
from schema.context import Info
from schema.mutations import mutate, mutate_one, shown_as
from schema.webhooks.inputs import RegisterWebhookInput
from schema.webhooks.types import Webhook, WebhookPayload

_changed = shown_as("Webhook", Webhook.of)


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        description="Register an endpoint receiving the actor's referral events, signed"
        " with the secret (HMAC-SHA256). The actor's staff and ADMIN."
    )
    async def register_webhook(self, info: Info, input: RegisterWebhookInput) -> WebhookPayload:
        context = info.context
        webhook, errors = await mutate(
            info,
            lambda uow, viewer: service.register_webhook(
                uow.session,
                viewer=viewer,
                cipher=context.cipher,
                actor_id=pk_of(input.actor_id, "Actor", field="actorId"),
                url=input.url,
                secret=input.secret,
                events=input.events,
                production=context.settings.env == "production",
                now=clock.now(),
                allowed=context.settings.webhook_allowed,
            ),
            _changed,
            given=("Actor", input.actor_id),
        )
        return WebhookPayload(webhook=webhook, user_errors=errors)

    @strawberry.mutation(description="Delete a webhook: it receives nothing more.")
    async def delete_webhook(self, info: Info, id: strawberry.ID) -> WebhookPayload:
        webhook, errors = await mutate_one(
            info,
            "Webhook",
            id,
            lambda session, viewer, pk: service.delete_webhook(
                session, viewer=viewer, webhook_id=pk, now=clock.now()
            ),
            _changed,
        )
        return WebhookPayload(webhook=webhook, user_errors=errors)
