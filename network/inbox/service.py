"""Marking notifications read: the caller's own only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from network.errors import InvalidInput, NotFound, PermissionDenied
from network.inbox import repository
from network.notifications.models import Notification
from network.viewer import Viewer

MAX_IDS = 100


async def mark_read(
    session: AsyncSession,
    *,
    viewer: Viewer,
    ids: Sequence[int] | None,
    everything: bool,
    now: datetime,
) -> list[Notification]:
    """Mark the caller's notifications ``ids``, or with ``everything`` all their unread
    ones, read (already read ones keep their time). An id that is not the caller's is
    NOT_FOUND and nothing changes. Returns the notifications named, or those marked."""
    if viewer.user_id is None:
        raise PermissionDenied("sign in first")
    if everything == (ids is not None):
        raise InvalidInput("give either ids or all: true", field=["ids"])
    if ids is not None and len(ids) > MAX_IDS:
        raise InvalidInput(f"at most {MAX_IDS} ids", field=["ids"])
    if ids is not None:
        found = await repository.own(session, user_id=viewer.user_id, ids=ids)
        if len(found) != len(set(ids)):
            raise NotFound("no such notification", field=["ids"])
    changed = await repository.mark_read(session, user_id=viewer.user_id, ids=ids, now=now)
    shown = list(dict.fromkeys(ids)) if ids is not None else changed
    rows = await repository.own(session, user_id=viewer.user_id, ids=shown)
    return [rows[i] for i in shown]
