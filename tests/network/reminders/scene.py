"""Rows with hand-set dates for the reminder rules, and what the outbox holds for them.

Builds on the referral network of ``tests.schema.referrals.fixtures`` (an institution
in Fès with a mediator and a young person, a receiver in Rabat with a service and a
staff member). Referrals are inserted as rows, so no listener runs and the scan under
test is the only source of messages.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from network import clock
from network.database import unit_of_work
from network.enums import NeedLevel, ReferralEventKind, ReferralStatus, ServiceAxis
from network.notifications.models import OutboxMessage
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Need, Youth
from tests.api import Api
from tests.schema.referrals.fixtures import Network, network

SENT_AT = datetime(2026, 3, 2, 9, 30, tzinfo=clock.now().tzinfo)
"""A Monday morning: the instant the hand-set referrals were sent."""


@dataclass(frozen=True)
class Queued:
    """One outbox row, as a test compares it."""

    rule: str
    kind: str
    channel: str
    user_id: int | None
    due_on: date


async def insert_referral(
    api: Api,
    *,
    youth: int,
    from_actor: int,
    to_actor: int,
    created_by: int,
    sent_at: datetime = SENT_AT,
    response_days: int = 5,
    status: ReferralStatus = ReferralStatus.SENT,
    axis: ServiceAxis = ServiceAxis.SOCIAL_ASSISTANCE,
    **values: Any,
) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        row = Referral(
            youth_id=youth,
            from_actor_id=from_actor,
            to_actor_id=to_actor,
            axis=axis,
            status=status,
            created_by_id=created_by,
            created_at=sent_at,
            sent_at=sent_at,
            respond_by=sent_at + timedelta(days=response_days),
            updated_at=sent_at,
            **values,
        )
        uow.session.add(row)
        await uow.session.flush()
        return row.id


async def referral_from_mediator(api: Api, world: Network, **values: Any) -> int:
    """A referral row of the network's young person, from its institution to the receiver,
    created by its mediator."""
    given: dict[str, Any] = {
        "youth": world.youth,
        "from_actor": world.institution,
        "to_actor": world.receiver,
        "created_by": world.mediator.id,
    }
    return await insert_referral(api, **(given | values))


async def mediated(api: Api, **values: Any) -> tuple[Network, int]:
    """The referral network, and a referral of its mediator (``values``: its columns)."""
    world = await network(api)
    return world, await referral_from_mediator(api, world, **values)


async def queued(api: Api, **where: Any) -> list[Queued]:
    """Outbox rows to people whose columns equal ``where`` (e.g. ``referral_id=3``)."""
    statement = select(OutboxMessage).where(
        OutboxMessage.channel != "WEBHOOK",
        *(getattr(OutboxMessage, column) == value for column, value in where.items()),
    )
    async with api.state.sessions() as session:
        rows = (await session.scalars(statement.order_by(OutboxMessage.id))).all()
    return merged(
        Queued(
            rule=row.rule,
            kind=row.kind.value,
            channel=row.channel,
            user_id=row.recipient_user_id,
            due_on=clock.local_date(row.due_at),
        )
        for row in rows
    )


async def status_of(api: Api, referral_id: int) -> ReferralStatus:
    async with api.state.sessions() as session:
        row = await session.get(Referral, referral_id)
    assert row is not None
    return row.status


async def event_kinds(api: Api, referral_id: int) -> list[ReferralEventKind]:
    async with api.state.sessions() as session:
        rows = await session.scalars(
            select(ReferralEvent.kind)
            .where(ReferralEvent.referral_id == referral_id)
            .order_by(ReferralEvent.id)
        )
    return list(rows)


def messages(rule: str, kind: str, users: Sequence[int], due_on: date) -> list[Queued]:
    """The rows one message to ``users`` makes on the default channels of ``kind``:
    in-app, and email for referral traffic."""
    channels = ["IN_APP", "EMAIL"] if kind.startswith("REFERRAL_") else ["IN_APP"]
    return merged(
        Queued(rule, kind, channel, user, due_on) for user in users for channel in channels
    )


def merged(rows: Iterable[Queued]) -> list[Queued]:
    """Rows in the order ``queued`` gives them: to compare with several messages."""
    return sorted(rows, key=lambda q: (q.rule, q.kind, q.channel, q.user_id or 0, q.due_on))


async def webhook_calls(api: Api, referral_id: int) -> list[tuple[int, str]]:
    """(webhook, event kind) of the webhook rows queued for a referral, in id order."""
    statement = select(OutboxMessage.webhook_id, OutboxMessage.payload).where(
        OutboxMessage.referral_id == referral_id, OutboxMessage.channel == "WEBHOOK"
    )
    async with api.state.sessions() as session:
        rows = (await session.execute(statement.order_by(OutboxMessage.id))).all()
    calls = []
    for hook, payload in rows:
        assert hook is not None and isinstance(payload["event"], str)
        calls.append((hook, payload["event"]))
    return calls


async def insert_youth(
    api: Api,
    *,
    institution: int,
    mediator_id: int | None,
    needs: dict[ServiceAxis, NeedLevel] | None = None,
    **values: Any,
) -> int:
    """A young person (no identity: the rules never read it) with needs per axis."""
    async with unit_of_work(api.state.sessions) as uow:
        youth = Youth(
            code=f"JR-{uuid.uuid4().hex[:10].upper()}",
            institution_id=institution,
            mediator_id=mediator_id,
            **values,
        )
        uow.session.add(youth)
        await uow.session.flush()
        for axis, level in (needs or {}).items():
            uow.session.add(Need(youth_id=youth.id, axis=axis, level=level))
        return youth.id


async def params_of(api: Api, **where: Any) -> list[dict[str, Any]]:
    """The params queued with the in-app rows whose columns equal ``where``, in id order."""
    statement = select(OutboxMessage.payload).where(
        OutboxMessage.channel == "IN_APP",
        *(getattr(OutboxMessage, column) == value for column, value in where.items()),
    )
    async with api.state.sessions() as session:
        payloads = (await session.scalars(statement.order_by(OutboxMessage.id))).all()
    found = []
    for payload in payloads:
        params = payload["params"]
        assert isinstance(params, dict)
        found.append(params)
    return found
