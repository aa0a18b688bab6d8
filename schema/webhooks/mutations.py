from __future__ import annotations

import strawberry

from network import clock
from network.ids import pk_of
from network.notifications.models import Webhook as WebhookRow
from network.webhooks import service
from schema.context import Info
from schema.mutations import Answers, shown_as
from schema.webhooks.inputs import RegisterWebhookInput
from schema.webhooks.types import Webhook, WebhookPayload

_answers: Answers[WebhookRow, Webhook, WebhookPayload] = Answers(
    shown_as("Webhook", Webhook.of),
    lambda webhook, errors: WebhookPayload(webhook=webhook, user_errors=errors),
)


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        description="Register an endpoint receiving the actor's referral events, signed"
        " with the secret (HMAC-SHA256). The actor's staff and ADMIN."
    )
    async def register_webhook(self, info: Info, input: RegisterWebhookInput) -> WebhookPayload:
        context = info.context
        return await _answers.mutate(
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
            given=("Actor", input.actor_id),
        )

    @strawberry.mutation(description="Delete a webhook: it receives nothing more.")
    async def delete_webhook(self, info: Info, id: strawberry.ID) -> WebhookPayload:
        return await _answers.mutate_one(
            info,
            "Webhook",
            id,
            lambda session, viewer, pk: service.delete_webhook(
                session, viewer=viewer, webhook_id=pk, now=clock.now()
            ),
        )
