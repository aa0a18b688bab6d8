"""In-app notifications written as rows for a test's users, as delivery writes them."""

from __future__ import annotations

from datetime import datetime

from network.database import unit_of_work
from network.enums import NotificationKind
from network.notifications.models import Notification
from tests.api import Api


async def deliver(
    api: Api,
    user_id: int,
    title: str,
    *,
    referral_id: int | None = None,
    youth_id: int | None = None,
    read_at: datetime | None = None,
) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        row = Notification(
            user_id=user_id,
            kind=NotificationKind.REFERRAL_STATUS_CHANGED,
            title=title,
            body=f"{title}: body",
            referral_id=referral_id,
            youth_id=youth_id,
            read_at=read_at,
        )
        uow.session.add(row)
        await uow.session.flush()
        return row.id
