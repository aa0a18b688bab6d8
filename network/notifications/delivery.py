"""Delivering claimed messages, each exactly once as far as its recipient can tell.

``deliver(sessions, settings, ids)`` claims the due messages among ``ids`` (one
conditional UPDATE), sends each on its channel and settles it: SENT, or PENDING again
after a backoff, or DEAD after the last attempt or a permanent refusal. Sends are
idempotent: an email keeps its Message-ID and a webhook its ``Idempotency-Key`` across
attempts, and an in-app notification is written in the transaction that marks its
message SENT. A message whose recipient or webhook is gone is DEAD, quietly.

Once a message went out, recording it is retried while the database is unavailable
(a restart, a failover), with a growing pause, for at most half the lease: never
sending it again, and stopping before the lease expires and the relay hands it over.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from network import clock
from network.availability import retrying
from network.crypto import DataCipher
from network.enums import Channel, Language
from network.notifications import hooks, repository
from network.notifications.channels import DeliveryFailed, email, in_app, sms, webhook
from network.notifications.models import Webhook
from network.notifications.outbox import WEBHOOK
from network.notifications.repository import Claimed
from network.notifications.rules import retry_at
from network.notifications.templates import MissingParam, Rendered, render
from network.settings import Settings
from network.users.models import User

logger = logging.getLogger("jisr.outbox")
RECIPIENT_GONE = "recipient gone"


@dataclass(frozen=True)
class Recipient:
    email: str
    phone: str | None
    language: Language


@dataclass(frozen=True)
class Endpoint:
    url: str
    secret_enc: str


@dataclass
class Batch:
    """Claimed messages with what their sending needs, read in the claiming transaction."""

    messages: list[Claimed]
    recipients: dict[int, Recipient]
    endpoints: dict[int, Endpoint]


async def _claim(session: AsyncSession, ids: Sequence[int], settings: Settings) -> Batch:
    lease = timedelta(seconds=settings.outbox_lease_seconds)
    messages = await repository.claim(session, list(ids), now=clock.now(), lease=lease)
    user_ids = {m.recipient_user_id for m in messages if m.recipient_user_id is not None}
    hook_ids = {m.webhook_id for m in messages if m.webhook_id is not None}
    recipients: dict[int, Recipient] = {}
    if user_ids:
        rows = await session.execute(
            select(User.id, User.email, User.phone, User.language).where(
                User.id.in_(user_ids), User.active.is_(True)
            )
        )
        recipients = {id_: Recipient(e, p, lang) for id_, e, p, lang in rows}
    endpoints: dict[int, Endpoint] = {}
    if hook_ids:
        hook_rows = await session.execute(
            select(Webhook.id, Webhook.url, Webhook.secret_enc).where(
                Webhook.id.in_(hook_ids), Webhook.active.is_(True), Webhook.deleted_at.is_(None)
            )
        )
        endpoints = {id_: Endpoint(url, secret) for id_, url, secret in hook_rows}
    return Batch(messages, recipients, endpoints)


async def deliver(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, ids: Sequence[int]
) -> None:
    """Deliver the messages among ``ids`` that are due and unclaimed; others are left
    alone (sent, dead, held by a live worker, or not due yet)."""
    async with sessions() as session, session.begin():
        batch = await _claim(session, ids, settings)
    in_app_messages = [m for m in batch.messages if m.channel == Channel.IN_APP]
    if in_app_messages:
        await _deliver_in_app(sessions, settings, batch, in_app_messages)
    for message in batch.messages:
        if message.channel != Channel.IN_APP:
            await _deliver_one(sessions, settings, batch, message)


def _rendered(message: Claimed, recipient: Recipient) -> Rendered:
    try:
        return render(message.kind, message.payload.get("params", {}), recipient.language)
    except MissingParam as error:
        raise DeliveryFailed(f"cannot render: {error.args[0]}", permanent=True) from None


async def _deliver_in_app(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    batch: Batch,
    messages: list[Claimed],
) -> None:
    written: list[tuple[Claimed, dict[str, Any]]] = []
    failed: list[tuple[Claimed, DeliveryFailed]] = []
    for message in messages:
        recipient = batch.recipients.get(message.recipient_user_id or 0)
        if recipient is None or message.recipient_user_id is None:
            failed.append((message, DeliveryFailed(RECIPIENT_GONE, permanent=True)))
            continue
        try:
            rendered = _rendered(message, recipient)
        except DeliveryFailed as refused:
            failed.append((message, refused))
            continue
        written.append(
            (message, in_app.notification_row(message, message.recipient_user_id, rendered))
        )
    async with sessions() as session, session.begin():
        held = await repository.mark_sent(session, [m for m, _ in written], now=clock.now())
        notifications = await in_app.write(session, [n for m, n in written if m.id in held])
    for message, error in failed:
        await _settle_failure(sessions, settings, message, error)
    for notification in notifications:
        await hooks.announce(notification)


async def _send(settings: Settings, batch: Batch, message: Claimed) -> None:
    if message.channel == WEBHOOK:
        endpoint = batch.endpoints.get(message.webhook_id or 0)
        if endpoint is None:
            raise DeliveryFailed("webhook gone", permanent=True)
        secret = DataCipher(settings.data_key).decrypt(endpoint.secret_enc) or ""
        event = str(message.payload.get("event", ""))
        raw = webhook.body(
            outbox_id=message.id,
            event=event,
            referral_id=message.referral_id,
            data=message.payload.get("params", {}),
        )
        await webhook.send(
            outbox_id=message.id,
            url=endpoint.url,
            secret=secret,
            event=event,
            raw=raw,
            seconds=settings.webhook_timeout_seconds,
            allowed=settings.webhook_allowed,
        )
        return
    recipient = batch.recipients.get(message.recipient_user_id or 0)
    if recipient is None:
        raise DeliveryFailed(RECIPIENT_GONE, permanent=True)
    rendered = _rendered(message, recipient)
    if message.channel == Channel.EMAIL:
        composed = email.compose(
            outbox_id=message.id, to=recipient.email, rendered=rendered, settings=settings
        )
        await email.send(composed, settings)
    elif message.channel == Channel.SMS:
        if not recipient.phone:
            raise DeliveryFailed("no phone number", permanent=True)
        await sms.send(
            outbox_id=message.id, phone=recipient.phone, text=rendered.text, settings=settings
        )
    else:
        raise DeliveryFailed(f"unknown channel {message.channel}", permanent=True)


async def _deliver_one(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    batch: Batch,
    message: Claimed,
) -> None:
    try:
        await _send(settings, batch, message)
    except DeliveryFailed as error:
        await _settle_failure(sessions, settings, message, error)
        return
    except Exception as error:
        logger.exception("outbox message %s: unexpected failure", message.id)
        await _settle_failure(sessions, settings, message, DeliveryFailed(type(error).__name__))
        return

    async def record() -> None:
        async with sessions() as session, session.begin():
            await repository.mark_sent(session, [message], now=clock.now())

    await retrying(f"outbox message {message.id} sent", record, delays=record_delays(settings))


def record_delays(settings: Settings) -> tuple[float, ...]:
    """Pauses between attempts to record a settled message: doubling from half a second,
    together at most half the lease."""
    delays: list[float] = []
    delay = 0.5
    while sum(delays) + delay <= settings.outbox_lease_seconds / 2:
        delays.append(delay)
        delay = min(delay * 2, 30.0)
    return tuple(delays)


async def _settle_failure(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    message: Claimed,
    error: DeliveryFailed,
) -> None:
    last = error.permanent or message.attempts >= settings.outbox_max_attempts
    retry = None
    if not last:
        retry = retry_at(
            clock.now(),
            attempt=message.attempts,
            base_seconds=settings.outbox_backoff_seconds,
            max_seconds=settings.outbox_backoff_max_seconds,
        )

    async def record() -> str | None:
        async with sessions() as session, session.begin():
            return await repository.mark_failed(
                session, message, error=error.reason, retry_at=retry
            )

    state = await retrying(
        f"outbox message {message.id} failed", record, delays=record_delays(settings)
    )
    if state == repository.DEAD:
        logger.warning(
            "outbox message %s dead after %d attempts: %s",
            message.id,
            message.attempts,
            error.reason,
        )
