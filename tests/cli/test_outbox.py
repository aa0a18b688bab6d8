"""``jisr outbox status`` and ``jisr outbox retry-dead``."""

from __future__ import annotations

from sqlalchemy import update

from network.database import standalone_unit_of_work
from network.notifications.models import OutboxMessage
from tests.cli.invoke import Jisr
from tests.network.notifications.outbox_data import STAFF, messages, queue_reminders, user_id


def table_rows(output: str) -> dict[str, list[str]]:
    rows = [line.replace("│", " ").split() for line in output.splitlines()]
    return {row[0]: row[1:] for row in rows if row and row[0] in ("EMAIL", "IN_APP", "SMS")}


async def test_status_counts_by_channel_and_retry_dead_revives(jisr: Jisr, db_url: str) -> None:
    # given two reminders (email and in-app), the email ones dead after 8 attempts
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 2)
    async with standalone_unit_of_work(db_url) as uow:
        await uow.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.channel == "EMAIL")
            .values(state="DEAD", attempts=8, last_error="SMTP 451")
        )

    # when the status is asked
    before = await jisr("outbox", "status")

    # then dead and pending messages show by channel (PENDING SENDING SENT DEAD)
    assert before.exit_code == 0, before.output
    assert "DEAD" in before.output
    assert table_rows(before.output) == {
        "EMAIL": ["0", "0", "0", "2"],
        "IN_APP": ["2", "0", "0", "0"],
    }

    # when dead messages are retried
    retried = await jisr("outbox", "retry-dead")

    # then they are pending again with no attempt counted
    assert retried.exit_code == 0 and "2 dead messages pending again" in retried.output
    emails = [m for m in await messages(db_url) if m.channel == "EMAIL"]
    assert {(m.state, m.attempts) for m in emails} == {("PENDING", 0)}
