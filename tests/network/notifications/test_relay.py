"""The relay hands each due message over once per lease, and recovers lost ones."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from network import clock
from network.database import standalone_unit_of_work
from network.enums import NotificationKind
from network.notifications.models import OutboxMessage
from network.notifications.relay import relay_due
from tests.api import test_settings as settings_for
from tests.network.notifications.outbox_data import (
    STAFF,
    messages,
    queue_reminders,
    states,
    user_id,
)


async def relay(url: str, tmp_path: Path, **overrides: object) -> list[list[int]]:
    settings = settings_for(url, tmp_path / "var", **overrides)
    async with standalone_unit_of_work(url) as uow:
        return (await relay_due(uow.session, settings)).batches


async def test_due_messages_are_handed_over_once_per_lease(db_url: str, tmp_path: Path) -> None:
    # given three due reminders (in-app and email each) and one due tomorrow
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 3)
    await queue_reminders(
        db_url,
        [staff],
        1,
        kind=NotificationKind.REFERRAL_EXPIRED,
        due_at=clock.now() + timedelta(days=1),
    )
    due = [m for m in await messages(db_url) if m.kind == NotificationKind.REFERRAL_RESPONSE_DUE]
    in_app = [m.id for m in due if m.channel == "IN_APP"]
    emails = [m.id for m in due if m.channel == "EMAIL"]

    # when the relay runs twice
    first = await relay(db_url, tmp_path, outbox_in_app_batch=2)
    second = await relay(db_url, tmp_path, outbox_in_app_batch=2)

    # then the due ones were handed over once: in-app in batches, email one by one
    assert first == [in_app[:2], in_app[2:], *([id_] for id_ in emails)]
    assert second == []


async def test_a_lost_claim_is_handed_over_again_or_dead_after_the_last_attempt(
    db_url: str, tmp_path: Path
) -> None:
    # given two messages claimed by a worker that died (expired leases), one on its last attempt
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 1)
    first, last = (m.id for m in await messages(db_url))
    async with standalone_unit_of_work(db_url) as uow:
        expired = clock.now() - timedelta(seconds=1)
        for id_, attempts in ((first, 1), (last, 3)):
            await uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == id_)
                .values(state="SENDING", attempts=attempts, lease_until=expired)
            )

    # when the relay runs
    batches = await relay(db_url, tmp_path, outbox_max_attempts=3)

    # then the first is handed over again, the other is dead
    assert batches == [[first]]
    assert await states(db_url) == {"PENDING": 1, "DEAD": 1}
