"""outboxStatus: the outbox's figures, for ADMIN only."""

from __future__ import annotations

from network.enums import NotificationKind
from tests.api import Api
from tests.network.notifications.outbox_data import STAFF, queue_reminders, user_id

OUTBOX_STATUS = "{ outboxStatus { channel state count } }"
PASSWORD = "jisr-demo-2026"


async def test_admin_reads_counts_by_channel_and_state(api: Api, db_url: str) -> None:
    # given three reminders by email and in-app, and one follow-up in-app only
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 3)
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.FOLLOW_UP_DUE)
    token = await api.login("admin@jisr.example.ma", PASSWORD)

    # when ADMIN asks
    data = await api.data(OUTBOX_STATUS, token=token)

    # then the counts come by channel and state
    assert data["outboxStatus"] == [
        {"channel": "EMAIL", "state": "PENDING", "count": 3},
        {"channel": "IN_APP", "state": "PENDING", "count": 4},
    ]


async def test_others_are_refused(demo_api: Api) -> None:
    anonymous = await demo_api.gql(OUTBOX_STATUS)
    token = await demo_api.login(STAFF, PASSWORD)
    staff = await demo_api.gql(OUTBOX_STATUS, token=token)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert staff["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert anonymous["data"] is None and staff["data"] is None
