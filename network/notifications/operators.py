"""What an administrator does with the outbox: read its dead messages, send one again."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.errors import InvalidTransition, NotFound, PermissionDenied
from network.notifications import repository
from network.notifications.models import OutboxMessage
from network.viewer import Viewer


def _admin(viewer: Viewer) -> None:
    if not viewer.is_admin:
        raise PermissionDenied("ADMIN only")


async def dead_messages(
    session: AsyncSession, *, viewer: Viewer, first: int
) -> list[OutboxMessage]:
    """The latest DEAD messages, with the error of their last attempt: ADMIN only."""
    _admin(viewer)
    return await repository.dead(session, first=first)


async def retry_message(session: AsyncSession, *, viewer: Viewer, message_id: int) -> OutboxMessage:
    """ADMIN sends a DEAD message again: PENDING, due now, its attempts counted afresh."""
    _admin(viewer)
    message = await session.get(OutboxMessage, message_id)
    if message is None:
        raise NotFound("no such outbox message")
    if not await repository.retry_one(session, message_id, now=clock.now()):
        raise InvalidTransition("only a DEAD message is sent again")
    await session.refresh(message)
    return message
