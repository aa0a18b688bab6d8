"""Queueing messages: one outbox row per recipient and channel, in the caller's transaction.

A row is inserted with ON CONFLICT (dedupe_key) DO NOTHING, so a rule evaluated twice, by
two scans or two processes, queues its message once. Nothing is sent here: the relay
(``network.notifications.relay``) hands due rows to ``deliver``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.enums import Channel, NotificationKind, ReferralEventKind
from network.notifications.models import OutboxMessage, Webhook
from network.users.models import NotificationPreference, User

WEBHOOK = "WEBHOOK"
"""The outbox channel of partner webhooks (users' channels are ``Channel`` values)."""

REFERRAL_TRAFFIC = frozenset(
    {
        NotificationKind.REFERRAL_RECEIVED,
        NotificationKind.REFERRAL_RESPONSE_DUE,
        NotificationKind.REFERRAL_ESCALATED,
        NotificationKind.REFERRAL_EXPIRED,
        NotificationKind.REFERRAL_STATUS_CHANGED,
    }
)
"""Kinds sent by email as well when the user has not chosen channels for them."""

WEBHOOK_KINDS: Mapping[ReferralEventKind, NotificationKind] = {
    ReferralEventKind.SENT: NotificationKind.REFERRAL_RECEIVED,
    ReferralEventKind.REMINDER_SENT: NotificationKind.REFERRAL_RESPONSE_DUE,
    ReferralEventKind.ESCALATED: NotificationKind.REFERRAL_ESCALATED,
    ReferralEventKind.EXPIRED: NotificationKind.REFERRAL_EXPIRED,
}
MAX_KEY = 255


def channels_for(
    kind: NotificationKind, chosen: Sequence[str] | None, phone: str | None
) -> list[str]:
    """The channels a user receives ``kind`` on.

    In-app always (the notification list is every user's record of what they were told);
    email and SMS as the user chose for that kind, or by default email for referral
    traffic; SMS only with a phone number.
    """
    if chosen is None:
        chosen = [Channel.EMAIL] if kind in REFERRAL_TRAFFIC else []
    wanted = {Channel.IN_APP, *(Channel(c) for c in chosen)}
    if not phone:
        wanted.discard(Channel.SMS)
    return [c.value for c in Channel if c in wanted]


def dedupe_key(rule: str, subject: str, due_at: datetime, channel: str, recipient: str) -> str:
    """``rule|subject|due date in Morocco|channel|recipient``, hashed when too long.

    Due dates are days: a rule that fires again the same day for the same subject and
    recipient queues nothing new. A message per event puts the event in ``subject``.
    """
    key = f"{rule}|{subject}|{clock.local_date(due_at).isoformat()}|{channel}|{recipient}"
    if len(key) <= MAX_KEY:
        return key
    return f"{rule[:64]}|sha256:{hashlib.sha256(key.encode()).hexdigest()}"


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


def _json_params(params: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): _json_value(v) for k, v in params.items()}


async def _insert(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(OutboxMessage)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxMessage.id)
    )
    return len((await session.execute(statement)).all())


def _row(
    rule: str, subject: str, due_at: datetime, channel: str, recipient: str, **values: Any
) -> dict[str, Any]:
    """A PENDING message of ``rule`` about ``subject``, due ``due_at``, to ``recipient`` on
    ``channel``: its dedupe key is made of the same values."""
    return {
        "state": "PENDING",
        "attempts": 0,
        "created_at": clock.now(),
        "dedupe_key": dedupe_key(rule, subject, due_at, channel, recipient),
        "rule": rule,
        "channel": channel,
        "due_at": due_at,
        **values,
    }


async def notify(
    session: AsyncSession,
    *,
    rule: str,
    kind: NotificationKind,
    recipients: Sequence[int],
    subject: str,
    due_at: datetime,
    params: Mapping[str, Any],
    referral_id: int | None = None,
    youth_id: int | None = None,
    actor_id: int | None = None,
) -> int:
    """Queue one message per active recipient per channel they receive ``kind`` on.

    ``params`` are rendered at delivery in the recipient's language
    (``network.notifications.templates``): ids and non-personal values only, never a
    young person's name. Returns the number of rows inserted (0 for duplicates).
    """
    ids = sorted(set(recipients))
    if not ids:
        return 0
    users = (
        await session.execute(
            select(User.id, User.phone).where(User.id.in_(ids), User.active.is_(True))
        )
    ).all()
    preferences = await session.execute(
        select(NotificationPreference.user_id, NotificationPreference.channels).where(
            NotificationPreference.user_id.in_(ids),
            NotificationPreference.kind == kind.value,
        )
    )
    chosen = {user_id: channels for user_id, channels in preferences}
    about = {
        "kind": kind,
        "referral_id": referral_id,
        "youth_id": youth_id,
        "actor_id": actor_id,
        "payload": {"params": _json_params(params)},
    }
    rows = [
        _row(rule, subject, due_at, channel, f"user:{user_id}", recipient_user_id=user_id, **about)
        for user_id, phone in users
        for channel in channels_for(kind, chosen.get(user_id), phone)
    ]
    return await _insert(session, rows)


async def notify_webhooks(
    session: AsyncSession,
    *,
    actor_id: int,
    event_kind: ReferralEventKind,
    subject: str,
    due_at: datetime,
    params: Mapping[str, Any],
    referral_id: int,
) -> int:
    """Queue one message per active webhook of the actor subscribed to ``event_kind``
    (a webhook with no events listed receives them all). Returns the rows inserted."""
    hooks = (
        await session.execute(
            select(Webhook.id, Webhook.events).where(
                Webhook.actor_id == actor_id,
                Webhook.active.is_(True),
                Webhook.deleted_at.is_(None),
            )
        )
    ).all()
    rule = f"webhook:{event_kind.value}"
    about = {
        "kind": WEBHOOK_KINDS.get(event_kind, NotificationKind.REFERRAL_STATUS_CHANGED),
        "referral_id": referral_id,
        "actor_id": actor_id,
        "payload": {"event": event_kind.value, "params": _json_params(params)},
    }
    rows = [
        _row(rule, subject, due_at, WEBHOOK, f"webhook:{hook_id}", webhook_id=hook_id, **about)
        for hook_id, events in hooks
        if not events or event_kind.value in events
    ]
    return await _insert(session, rows)
