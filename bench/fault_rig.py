"""The fault harness's world: its own servers, Jisr's processes, and what to count.

A PostgreSQL cluster (initdb in a temporary folder) holding the demo network, a Redis
with AOF (broker and API cache alike), an SMTP sink and a webhook receiver that keep
every message they accept, two prefork workers, one beat, and one API process.
Messages are queued straight into the outbox, due now, one rule per scenario; what
reached the sinks is counted by Message-ID, Idempotency-Key and notification row.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.notifications.models import Notification, OutboxMessage, Webhook
from tests.api import TEST_DATA_KEY
from tests.faults.demo import migrated_demo
from tests.faults.processes import PostgresCluster, RedisProcess
from tests.network.notifications.servers import MailServer, WebhookReceiver, mail_server
from tests.network.notifications.servers import webhook_receiver as serve_webhooks
from tests.schema.referrals.servers import api_process

CHANNELS = ("EMAIL", "WEBHOOK", "IN_APP")
SECRET = "fault-harness-secret"
RECIPIENT = "staff.al-wifaq@jisr.example.ma"
LEASE_SECONDS = 10
OUTBOX_ID = re.compile(r"outbox-(\d+)")
QUEUE = """
INSERT INTO outbox (dedupe_key, rule, kind, channel, recipient_user_id, webhook_id, payload,
                    state, due_at, attempts, created_at)
SELECT :rule || '|' || n || '|' || :channel, :rule, 'FOLLOW_UP_DUE', :channel,
       CAST(:user AS integer), CAST(:hook AS integer),
       CAST(:payload AS jsonb), 'PENDING', now(), 0, now()
FROM generate_series(1, :count) AS n
"""
PAYLOAD = (
    '{"event": "referral.follow_up_due", "params": {"referral_code": "R-0001",'
    ' "follow_up_at": "2026-03-09T09:30:00+00:00"}}'
)


@dataclass
class Tally:
    """One channel of one scenario."""

    due: int
    delivered: int
    raw_duplicates: int

    @property
    def lost(self) -> int:
        return self.due - self.delivered


@dataclass
class Rig:
    workdir: Path
    stack: ExitStack = field(default_factory=ExitStack)
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    beats: list[subprocess.Popen[bytes]] = field(default_factory=list)
    api: str = ""
    user: int = 0
    hook: int = 0
    started: int = 0

    def __post_init__(self) -> None:
        self.redis = RedisProcess(self.workdir / "redis", aof=True)
        self.postgres = PostgresCluster()
        self.smtp: MailServer
        self.webhooks: WebhookReceiver

    @property
    def database_url(self) -> str:
        return self.postgres.url()

    def env(self) -> dict[str, str]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("JISR_")}
        return clean | {
            "JISR_ENV": "development",
            "JISR_DATABASE_URL": self.database_url,
            "JISR_REDIS_URL": self.redis.url(0),
            "JISR_BROKER_URL": self.redis.url(1),
            "JISR_VAR_DIR": str(self.workdir / "var"),
            "JISR_SECRET_KEY": "fault-harness",
            "JISR_DATA_KEY": TEST_DATA_KEY,
            "JISR_SMTP_HOST": "127.0.0.1",
            "JISR_SMTP_PORT": str(self.smtp.port),
            "JISR_SCAN_INTERVAL_SECONDS": "1",
            "JISR_OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
            "JISR_OUTBOX_BACKOFF_SECONDS": "1",
            "JISR_OUTBOX_BACKOFF_MAX_SECONDS": "2",
            "JISR_SMTP_TIMEOUT_SECONDS": "3",
            "JISR_WEBHOOK_TIMEOUT_SECONDS": "3",
            "JISR_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",  # the receiver is on loopback
            "JISR_ACCESS_LOG": "false",
        }

    async def start(self) -> None:
        self.stack.enter_context(self.postgres)
        self.stack.enter_context(self.redis)
        self.smtp = self.stack.enter_context(mail_server())
        self.webhooks = self.stack.enter_context(serve_webhooks(SECRET))
        await migrated_demo(self.database_url)
        async with standalone_unit_of_work(self.database_url) as uow:
            await uow.session.execute(text("UPDATE outbox SET state = 'DEAD'"))  # the demo's own
        await self._recipients()
        self.api = self.stack.enter_context(api_process(self.env()))
        for _ in range(2):
            self.start_worker()
        self.start_beat()

    async def _recipients(self) -> None:
        async with standalone_unit_of_work(self.database_url) as uow:
            self.user = int(
                await uow.session.scalar(text(f"SELECT id FROM users WHERE email = '{RECIPIENT}'"))
                or 0
            )
            hook = Webhook(
                actor_id=1,
                url=self.webhooks.url,
                secret_enc=DataCipher(TEST_DATA_KEY).encrypt(SECRET),
                events=["referral.follow_up_due"],
                active=True,
            )
            uow.session.add(hook)
            await uow.session.flush()
            self.hook = hook.id

    def _process(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = (self.workdir / f"{name}.log").open("ab")
        return subprocess.Popen(
            [sys.executable, "-m", "cli", *args, "--log-level", "warning"],
            env=self.env(),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )

    def start_worker(self) -> subprocess.Popen[bytes]:
        self.started += 1
        worker = self._process(f"worker-{self.started}", "worker", "--concurrency", "2")
        self.workers.append(worker)
        return worker

    def kill_worker(self, index: int) -> None:
        """SIGKILL a worker and its pool, and start another in its place."""
        stop(self.workers[index], 9)
        self.workers.pop(index)
        self.start_worker()

    def start_beat(self) -> subprocess.Popen[bytes]:
        beat = self._process(f"beat-{len(self.beats)}", "beat")
        self.beats.append(beat)
        return beat

    def alive(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in [*self.workers, *self.beats] if p.poll() is None]

    def stop(self) -> None:
        for process in [*self.workers, *self.beats]:
            stop(process)
        self.stack.close()

    async def queue(self, rule: str, count: int) -> None:
        """``count`` messages due now on each channel, under ``rule``."""
        async with standalone_unit_of_work(self.database_url) as uow:
            for channel in CHANNELS:
                webhook = channel == "WEBHOOK"
                values: dict[str, Any] = {
                    "rule": rule, "channel": channel, "payload": PAYLOAD, "count": count,
                    "user": None if webhook else self.user, "hook": self.hook if webhook else None,
                }  # fmt: skip
                await uow.session.execute(text(QUEUE), values)

    async def settled(self, rule: str) -> bool:
        """Whether every message of ``rule`` is SENT or DEAD."""
        async with standalone_unit_of_work(self.database_url) as uow:
            open_ = await uow.session.scalar(
                select(func.count()).where(
                    OutboxMessage.rule == rule, OutboxMessage.state.not_in(("SENT", "DEAD"))
                )
            )
        return not open_

    async def tally(self, rule: str) -> dict[str, Tally]:
        async with standalone_unit_of_work(self.database_url) as uow:
            rows = (
                await uow.session.execute(
                    select(OutboxMessage.id, OutboxMessage.channel).where(
                        OutboxMessage.rule == rule
                    )
                )
            ).all()
            ids = {channel: {i for i, c in rows if c == channel} for channel in CHANNELS}
            in_app = Counter(
                await uow.session.scalars(
                    select(Notification.outbox_id).where(Notification.outbox_id.in_(ids["IN_APP"]))
                )
            )
        return {
            "EMAIL": _tally(ids["EMAIL"], _by_outbox(self.smtp.ids())),
            "WEBHOOK": _tally(ids["WEBHOOK"], _by_outbox(self.webhooks.requests)),
            "IN_APP": _tally(ids["IN_APP"], Counter({k: v for k, v in in_app.items() if k})),
        }


def _by_outbox(accepted: Counter[str]) -> Counter[int]:
    found: Counter[int] = Counter()
    for key, times in accepted.items():
        match = OUTBOX_ID.search(key)
        if match:
            found[int(match.group(1))] += times
    return found


def _tally(due: set[int], accepted: Counter[int]) -> Tally:
    mine = {i: n for i, n in accepted.items() if i in due}
    return Tally(len(due), len(mine), sum(n - 1 for n in mine.values()))


def stop(process: subprocess.Popen[bytes], signal_number: int = 15) -> None:
    """Signal the process group (the worker and its pool), then reap it."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal_number)
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(10)
