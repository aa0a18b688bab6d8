"""In-app notifications written as rows for a test's users, as delivery writes them."""

from __future__ import annotations

from datetime import datetime

from network.database import standalone_unit_of_work
from network.enums import NotificationKind
from network.notifications.models import Notification
from tests.api import Api
from tests.factories import add_row


async def deliver(
    api: Api,
    user_id: int,
    title: str,
    *,
    referral_id: int | None = None,
    youth_id: int | None = None,
    read_at: datetime | None = None,
) -> int:
    row = Notification(
        user_id=user_id,
        kind=NotificationKind.REFERRAL_STATUS_CHANGED,
        title=title,
        body=f"{title}: body",
        referral_id=referral_id,
        youth_id=youth_id,
        read_at=read_at,
    )
    return await add_row(api, row)


PROBE = NotificationKind.ACTOR_DATA_STALE
"""The kind of a probe: a notification no rule sends in the tests that probe."""


async def probe(url: str, user_id: int) -> int:
    """A notification row for ``user_id`` on the database at ``url``, written as delivery
    writes one: a subscription that listens pushes it."""
    async with standalone_unit_of_work(url) as uow:
        row = Notification(user_id=user_id, kind=PROBE, title="probe", body="probe")
        uow.session.add(row)
        await uow.session.flush()
        return row.id
