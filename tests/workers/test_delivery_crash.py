"""Worker processes killed with SIGKILL, and a broker restarted, lose nothing: the messages
live in the outbox, and the relay hands over again what a lease left behind.

Counting is by Message-ID, as mail is deduplicated: a worker lost after the SMTP server
accepted a message but before the outbox recorded it sends it again with the same
Message-ID (SMTP has no idempotency key; the Message-ID is derived from the outbox row).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from network.enums import NotificationKind
from tests.api import TEST_DATA_KEY
from tests.faults.processes import RedisProcess
from tests.network.notifications.outbox_data import (
    STAFF,
    all_sent,
    choose_channels,
    eventually,
    messages,
    queue_reminders,
    states,
    user_id,
)
from tests.network.notifications.servers import MailServer, mail_server


def worker_env(db_url: str, var: Path, smtp: MailServer, broker: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JISR_")}
    return env | {
        "JISR_ENV": "development",
        "JISR_DATABASE_URL": db_url,
        "JISR_VAR_DIR": str(var),
        "JISR_SECRET_KEY": "test-secret",
        "JISR_DATA_KEY": TEST_DATA_KEY,
        "JISR_BROKER_URL": broker,
        "JISR_SMTP_HOST": "127.0.0.1",
        "JISR_SMTP_PORT": str(smtp.port),
        "JISR_SCAN_INTERVAL_SECONDS": "1",
        "JISR_OUTBOX_LEASE_SECONDS": "8",
        "JISR_SMTP_TIMEOUT_SECONDS": "2",
        "JISR_WEBHOOK_TIMEOUT_SECONDS": "2",
        "JISR_OUTBOX_RELAY_BATCH": "40",
    }


@contextmanager
def worker_process(env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """``jisr worker --beat`` in a process group of its own, killed with SIGKILL at the end;
    what it says is appended to ``worker.log`` in its var folder (see ``worker_said``)."""
    log = Path(env["JISR_VAR_DIR"]) / "worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as said:
        process = subprocess.Popen(
            [sys.executable, "-m", "cli", "worker", "--beat", "--log-level", "warning"],
            env=env,
            start_new_session=True,
            stdout=said,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        kill(process)


def worker_said(var: Path, last: int = 4000) -> str:
    """The end of what the workers of ``var`` logged, for a failure's message."""
    log = var / "worker.log"
    return log.read_text(errors="replace")[-last:] if log.exists() else "(no worker log)"


def kill(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


# The demo network has due reminders of its own, which the worker's beat also sends:
# these tests count only the messages they queued.
RULE = NotificationKind.FOLLOW_UP_DUE.value.lower()
OUTBOX_ID = re.compile(r"<outbox-(\d+)@")


async def email_only_reminders(db_url: str, count: int) -> set[int]:
    """Queue ``count`` email reminders; the ids of their outbox rows."""
    staff = await user_id(db_url, STAFF)
    await choose_channels(db_url, staff, NotificationKind.FOLLOW_UP_DUE, ["EMAIL"])
    await queue_reminders(db_url, [staff], count, kind=NotificationKind.FOLLOW_UP_DUE)
    return {m.id for m in await messages(db_url) if m.rule == RULE and m.channel == "EMAIL"}


def accepted(smtp: MailServer, own: set[int]) -> Counter[int]:
    """How many times the server accepted each of ``own`` messages."""
    found: Counter[int] = Counter()
    for message_id, times in smtp.ids().items():
        match = OUTBOX_ID.search(message_id)
        if match and int(match.group(1)) in own:
            found[int(match.group(1))] += times
    return found


async def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(
    db_url: str, tmp_path: Path
) -> None:
    # given 200 due reminders by email (and in-app), and a worker on Redis
    own = await email_only_reminders(db_url, 200)
    assert len(own) == 200
    with mail_server() as smtp, RedisProcess(tmp_path) as redis:
        env = worker_env(db_url, tmp_path / "var", smtp, broker=redis.url())
        with worker_process(env) as first:
            # when it is killed with SIGKILL once some mail went out
            started = await eventually(lambda: _received(smtp, own, 20), 60)
            kill(first)
        assert started
        assert len(accepted(smtp, own)) < 200

        # and a new worker is started
        with worker_process(env):
            delivered = await eventually(lambda: all_sent(db_url, RULE), 120)

    # then exactly 200 emails reached the server, counted by Message-ID
    assert delivered, (await states(db_url, rule=RULE), worker_said(tmp_path / "var"))
    assert set(accepted(smtp, own)) == own


async def test_a_broker_restarted_mid_run_loses_nothing(db_url: str, tmp_path: Path) -> None:
    # given 100 due email reminders, a Redis broker of this test, and a worker on it
    own = await email_only_reminders(db_url, 100)
    with mail_server() as smtp, RedisProcess(tmp_path) as redis:
        env = worker_env(db_url, tmp_path / "var", smtp, broker=redis.url())
        with worker_process(env):
            # when Redis stops once some mail went out, and comes back two seconds later
            started = await eventually(lambda: _received(smtp, own, 10), 60)
            redis.kill()
            await eventually(lambda: _never(), 2)
            with redis:
                delivered = await eventually(lambda: all_sent(db_url, RULE), 120)

    # then every message reached the server once it was back, counted by Message-ID
    assert started
    assert delivered, (await states(db_url, rule=RULE), worker_said(tmp_path / "var"))
    assert set(accepted(smtp, own)) == own


async def _received(smtp: MailServer, own: set[int], count: int) -> bool:
    return len(accepted(smtp, own)) >= count


async def _never() -> bool:
    return False
