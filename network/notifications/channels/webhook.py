"""Partner webhooks: a referral event as signed JSON.

The body is the same bytes on every attempt, with ``Idempotency-Key: outbox-{id}``, and
``X-Jisr-Signature: sha256=<hex>``: the HMAC-SHA256 of the raw body with the webhook's
secret, so the partner can check it came from Jisr and drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import httpx
import orjson

from network.ids import to_global_id
from network.notifications.channels import DeliveryFailed, pinned
from network.webhook_addresses import NOTHING_ALLOWED, AllowedHosts, UnsafeAddress

SIGNATURE_HEADER = "X-Jisr-Signature"


def body(*, outbox_id: int, event: str, referral_id: int | None, data: Any) -> bytes:

    referral = to_global_id("Referral", referral_id) if referral_id is not None else None
    document = {"id": f"outbox-{outbox_id}", "event": event, "referralId": referral, "data": data}
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS)


def signature(secret: str, raw: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


async def send(
    *,
    outbox_id: int,
    url: str,
    secret: str,
    event: str,
    raw: bytes,
    seconds: float,
    allowed: AllowedHosts = NOTHING_ALLOWED,
) -> None:
    """POST the event; only to public addresses (or ``allowed`` ones), redirects not
    followed. An address that may not be reached is a permanent failure."""
    headers = {
        "Content-Type": "application/json",
        "Idempotency-Key": f"outbox-{outbox_id}",
        "X-Jisr-Event": event,
        SIGNATURE_HEADER: signature(secret, raw),
    }
    try:
        async with pinned.client(allowed, seconds) as client:
            response = await client.post(url, content=raw, headers=headers)
    except UnsafeAddress as refused:
        raise DeliveryFailed(f"webhook refused: {refused}", permanent=True) from None
    except httpx.HTTPError as error:
        raise DeliveryFailed(f"webhook {type(error).__name__}") from None
    if not response.is_success:
        raise DeliveryFailed(f"webhook HTTP {response.status_code}")
