"""SMS through an HTTP gateway: a JSON POST with the gateway's bearer token.

The body carries ``id`` (``outbox-{id}``, also the ``Idempotency-Key`` header) so that a
gateway can drop a message it already took.
"""

from __future__ import annotations

import httpx

from network.notifications.channels import DeliveryFailed
from network.settings import Settings


async def send(*, outbox_id: int, phone: str, text: str, settings: Settings) -> None:
    if not settings.sms_gateway_url:
        raise DeliveryFailed("no SMS gateway configured", permanent=True)
    key = f"outbox-{outbox_id}"
    headers = {
        "Authorization": f"Bearer {settings.sms_gateway_token}",
        "Idempotency-Key": key,
    }
    try:
        async with httpx.AsyncClient(timeout=settings.webhook_timeout_seconds) as client:
            response = await client.post(
                settings.sms_gateway_url,
                json={"id": key, "to": phone, "text": text},
                headers=headers,
            )
    except httpx.HTTPError as error:
        raise DeliveryFailed(f"SMS gateway {type(error).__name__}") from None
    if not response.is_success:
        raise DeliveryFailed(f"SMS gateway HTTP {response.status_code}")
