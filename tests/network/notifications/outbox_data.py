"""Queueing messages for tests, and reading the outbox back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime

from sqlalchemy import func, select, update

from network import clock
from network.actors.models import Actor
from network.crypto import DataCipher
from network.database import create_engine, session_factory, standalone_unit_of_work
from network.enums import NotificationKind, ReferralEventKind, ReferralStatus, ServiceAxis
from network.notifications.delivery import deliver
from network.notifications.models import Notification, OutboxMessage, Webhook
from network.notifications.outbox import notify, notify_webhooks
from network.records.referrals import Referral
from network.records.youths import Youth
from network.settings import Settings
from network.users.models import NotificationPreference, User
from tests.api import TEST_DATA_KEY

STAFF = "staff.al-wifaq@jisr.example.ma"
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
RESPONSE_DUE = {
    "referral_code": "R-0001",
    "axis": "HEALTH",
    "respond_by": "2026-03-05T10:00:00+00:00",
    "follow_up_at": "2026-03-09T09:30:00+00:00",
    "to_actor": {"fr": "Complexe social Al Wifaq", "ar": "المركب الاجتماعي الوفاق"},
}
"""Params that render every referral reminder kind."""


async def user_id(url: str, address: str) -> int:
    async with standalone_unit_of_work(url) as uow:
        found = await uow.session.scalar(select(User.id).where(User.email == address))
    assert found is not None
    return found


async def choose_channels(url: str, user: int, kind: NotificationKind, channels: list[str]) -> None:
    async with standalone_unit_of_work(url) as uow:
        uow.session.add(NotificationPreference(user_id=user, kind=kind.value, channels=channels))


async def queue_reminders(
    url: str,
    recipients: list[int],
    count: int,
    *,
    kind: NotificationKind = NotificationKind.REFERRAL_RESPONSE_DUE,
    due_at: datetime | None = None,
) -> int:
    """``count`` response-due reminders (subjects ``referral:1…``) to each recipient."""
    async with standalone_unit_of_work(url) as uow:
        queued = 0
        for n in range(1, count + 1):
            queued += await notify(
                uow.session,
                rule=kind.value.lower(),
                kind=kind,
                recipients=recipients,
                subject=f"referral:{n}",
                due_at=due_at or clock.now(),
                params={**RESPONSE_DUE, "referral_code": f"R-{n:04d}"},
            )
    return queued


async def two_actors(url: str) -> tuple[int, int]:
    """The sender and the receiver of ``a_referral``: the database's first two actors."""
    async with standalone_unit_of_work(url) as uow:
        first, second = await uow.session.scalars(select(Actor.id).order_by(Actor.id).limit(2))
    return first, second


async def receiving_actor(url: str) -> int:
    """The actor ``a_referral`` sends to (whose webhooks hear of it)."""
    return (await two_actors(url))[1]


async def a_referral(url: str) -> int:
    """A referral SENT between ``two_actors`` about the first young person."""
    sender, receiver = await two_actors(url)
    async with standalone_unit_of_work(url) as uow:
        youth = await uow.session.scalar(select(func.min(Youth.id)))
        referral = Referral(
            youth_id=youth,
            from_actor_id=sender,
            to_actor_id=receiver,
            axis=ServiceAxis.HEALTH,
            status=ReferralStatus.SENT,
            sent_at=clock.now(),
        )
        uow.session.add(referral)
        await uow.session.flush()
        return referral.id


async def add_webhook(
    url: str, *, actor_id: int, target: str, secret: str, events: list[str]
) -> int:
    async with standalone_unit_of_work(url) as uow:
        hook = Webhook(
            actor_id=actor_id,
            url=target,
            secret_enc=DataCipher(TEST_DATA_KEY).encrypt(secret),
            events=events,
            active=True,
        )
        uow.session.add(hook)
        await uow.session.flush()
        return hook.id


async def states(url: str, channel: str | None = None, rule: str | None = None) -> dict[str, int]:
    """How many messages (of ``channel``, of ``rule``) are in each state."""
    statement = select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
    if channel:
        statement = statement.where(OutboxMessage.channel == channel)
    if rule:
        statement = statement.where(OutboxMessage.rule == rule)
    async with standalone_unit_of_work(url) as uow:
        return {state: n for state, n in await uow.session.execute(statement)}


async def messages(url: str) -> list[OutboxMessage]:
    async with standalone_unit_of_work(url) as uow:
        return list(await uow.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


async def notifications(url: str) -> list[Notification]:
    async with standalone_unit_of_work(url) as uow:
        return list(await uow.session.scalars(select(Notification).order_by(Notification.id)))


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float) -> bool:
    """Whether ``check`` holds within ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await check():
            return True
        await asyncio.sleep(0.2)
    return await check()


async def all_sent(url: str, rule: str | None = None) -> bool:
    return set(await states(url, rule=rule)) == {"SENT"}


async def webhook_events(
    url: str,
    referral: int,
    events: Iterable[tuple[int, ReferralEventKind]],
    actor_id: int | None = None,
) -> list[int]:
    """Queue event ``n`` of ``kind`` of ``referral`` (each ``(n, kind)`` of ``events``) for
    the webhooks of ``actor_id`` (by default the ``receiving_actor``), as a referral's
    change does; how many messages each queued."""
    actor_id = actor_id if actor_id is not None else await receiving_actor(url)
    async with standalone_unit_of_work(url) as uow:
        return [
            await notify_webhooks(
                uow.session,
                actor_id=actor_id,
                event_kind=kind,
                subject=f"referral:{referral}:event:{n}",
                due_at=clock.now(),
                params={"status": kind.value},
                referral_id=referral,
            )
            for n, kind in events
        ]


async def deliver_all(url: str, settings: Settings) -> None:
    """Deliver every message of the outbox, as a worker would."""
    engine = create_engine(url, null_pool=True)
    try:
        ids = [m.id for m in await messages(url)]
        await deliver(session_factory(engine), settings, ids)
    finally:
        await engine.dispose()


async def make_due(url: str) -> None:
    """Every message of the outbox due now."""
    async with standalone_unit_of_work(url) as uow:
        await uow.session.execute(update(OutboxMessage).values(due_at=clock.now()))
