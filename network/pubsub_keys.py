"""Names of live-event channels, shared by the API (``schema.pubsub``) and the worker
(``workers.notification_publisher``), which must agree on them to reach each other.
Messages name records by id only; subscribers re-read them with their own rights.

Redis pub/sub channels are global to a server: a channel is prefixed with a hash of
the database URL, so processes share events only when they share a database.
"""

from __future__ import annotations

import hashlib

PREFIX = "jisr:"


def channel_prefix(namespace: str) -> str:
    return f"{PREFIX}{hashlib.sha256(namespace.encode()).hexdigest()[:16]}:"


def notifications_channel(user_id: int) -> str:
    """The channel of one user's new in-app notifications (messages name ids only)."""
    return f"notifications:{user_id}"


REFERRAL_EVENTS_CHANNEL = "referral_events"
"""The channel of committed referral events (``referralEvents`` subscriptions)."""


def referral_event_message(
    event_id: int, referral_id: int, actor_ids: list[int]
) -> dict[str, object]:
    return {"event_id": event_id, "referral_id": referral_id, "actor_ids": actor_ids}
