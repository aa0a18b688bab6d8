"""In-app notifications: a row the recipient reads through ``notifications``."""

from __future__ import annotations

from network.notifications.models import Notification
from network.notifications.repository import Claimed
from network.notifications.templates import Rendered

MAX_TITLE = 300


def notification(message: Claimed, user_id: int, rendered: Rendered) -> Notification:
    """The notification of an outbox message (one at most: ``outbox_id`` is unique)."""
    return Notification(
        user_id=user_id,
        outbox_id=message.id,
        kind=message.kind,
        title=rendered.subject[:MAX_TITLE],
        body=rendered.text.strip(),
        referral_id=message.referral_id,
        youth_id=message.youth_id,
    )
