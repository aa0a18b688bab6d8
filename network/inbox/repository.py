"""Every query on a user's in-app notifications; each names the user, so nobody reads
or changes another's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.notifications.models import Notification
from network.pages import Page


def _own(user_id: int, unread_only: bool) -> list[ColumnElement[bool]]:
    conditions = [Notification.user_id == user_id]
    if unread_only:
        conditions.append(Notification.read_at.is_(None))
    return conditions


async def page(
    session: AsyncSession, *, user_id: int, unread_only: bool, first: int, after_id: int | None
) -> Page[Notification]:
    """The user's notifications in the order they were delivered, after ``after_id``."""
    statement = select(Notification).where(*_own(user_id, unread_only))
    if after_id is not None:
        statement = statement.where(Notification.id > after_id)
    rows = list(await session.scalars(statement.order_by(Notification.id).limit(first + 1)))
    return Page.cut(rows, first)


async def count(session: AsyncSession, *, user_id: int, unread_only: bool) -> int:
    statement = select(func.count()).select_from(Notification).where(*_own(user_id, unread_only))
    return int(await session.scalar(statement) or 0)


async def own(
    session: AsyncSession, *, user_id: int, ids: Sequence[int]
) -> dict[int, Notification]:
    statement = select(Notification).where(
        Notification.user_id == user_id, Notification.id.in_(sorted(set(ids)))
    )
    rows = await session.scalars(statement.execution_options(populate_existing=True))
    return {row.id: row for row in rows}


async def newer(session: AsyncSession, *, user_id: int, after_id: int) -> list[Notification]:
    """The user's notifications delivered after ``after_id``, oldest first."""
    statement = select(Notification).where(
        Notification.user_id == user_id, Notification.id > after_id
    )
    return list(await session.scalars(statement.order_by(Notification.id)))


async def last_id(session: AsyncSession, *, user_id: int) -> int:
    statement = select(func.max(Notification.id)).where(Notification.user_id == user_id)
    return int(await session.scalar(statement) or 0)


async def mark_read(
    session: AsyncSession, *, user_id: int, ids: Sequence[int] | None, now: datetime
) -> list[int]:
    """Mark the user's unread notifications among ``ids`` (all of them when None) read;
    returns the ids changed."""
    conditions: list[Any] = [Notification.user_id == user_id, Notification.read_at.is_(None)]
    if ids is not None:
        conditions.append(Notification.id.in_(sorted(set(ids))))
    statement = (
        update(Notification)
        .where(*conditions)
        .values(read_at=now)
        .returning(Notification.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(await session.scalars(statement))
