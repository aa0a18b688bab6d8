"""In-app notifications: a row the recipient reads through ``notifications``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.notifications.models import Notification
from network.notifications.repository import Claimed
from network.notifications.templates import Rendered

MAX_TITLE = 300


def notification_row(message: Claimed, user_id: int, rendered: Rendered) -> dict[str, Any]:
    """The notification of an outbox message (one at most: ``outbox_id`` is unique)."""
    return {
        "user_id": user_id,
        "outbox_id": message.id,
        "kind": message.kind,
        "title": rendered.subject[:MAX_TITLE],
        "body": rendered.text.strip(),
        "referral_id": message.referral_id,
        "youth_id": message.youth_id,
        "created_at": clock.now(),
    }


async def write(session: AsyncSession, rows: list[dict[str, Any]]) -> list[Notification]:
    """Insert the notifications in one statement."""
    if not rows:
        return []
    statement = insert(Notification).returning(Notification)
    return list(await session.scalars(statement, rows))
