"""A message sent while the database goes down is recorded once it is back, not sent again.

The SMTP server accepts the email and, before answering 250, stops the test's own
PostgreSQL cluster; the cluster comes back a moment later. Delivery retries recording
the message until then.
"""

from __future__ import annotations

import threading
from pathlib import Path

from network.database import create_engine, session_factory
from network.enums import NotificationKind
from network.notifications import delivery
from tests.api import test_settings as settings_for
from tests.faults.demo import migrated_demo
from tests.faults.processes import PostgresCluster
from tests.network.notifications.outbox_data import (
    STAFF,
    choose_channels,
    messages,
    queue_reminders,
    user_id,
)
from tests.network.notifications.servers import mail_server

OUTAGE_SECONDS = 2.0


async def test_a_sent_email_is_recorded_after_a_database_restart_not_resent(
    tmp_path: Path,
) -> None:
    # given one due email on a PostgreSQL cluster of this test's own
    with PostgresCluster() as cluster:
        url = cluster.url()
        await migrated_demo(url)
        engine = create_engine(url, null_pool=True)
        staff = await user_id(url, STAFF)
        await choose_channels(url, staff, NotificationKind.FOLLOW_UP_DUE, ["EMAIL"])
        before = {m.id for m in await messages(url)}
        await queue_reminders(url, [staff], 1, kind=NotificationKind.FOLLOW_UP_DUE)
        queued = [m.id for m in await messages(url) if m.id not in before and m.channel == "EMAIL"]
        assert len(queued) == 1
        back = threading.Event()

        def restart_in_a_moment() -> None:
            cluster.start()
            back.set()

        def stop_database() -> None:
            cluster.stop("fast")
            threading.Timer(OUTAGE_SECONDS, restart_in_a_moment).start()

        # when the SMTP server stops the database right after accepting the email
        with mail_server(on_accept=stop_database) as smtp:
            settings = settings_for(
                url, tmp_path / "var", smtp_host="127.0.0.1", smtp_port=smtp.port
            )
            await delivery.deliver(session_factory(engine), settings, queued)
        await engine.dispose()

        # then the database came back, the message is SENT and it was sent once
        assert back.is_set()
        assert [m.state for m in await messages(url) if m.id in queued] == ["SENT"]
        assert list(smtp.ids().values()) == [1]
