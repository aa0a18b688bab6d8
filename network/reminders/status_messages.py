"""Rule 2 of docs/design.md, and partner webhooks: every referral event is told, in the
transaction that wrote it, to those on the other side.

- a referral becomes SENT (sent, created as sent, or the onward referral of a
  redirect): the receiving actor's staff get REFERRAL_RECEIVED;
- an answer or an outcome (accepted, declined, redirected, started, completed): the
  referrer (the young person's mediator, else the referral's creator) gets
  REFERRAL_STATUS_CHANGED;
- a cancel of a referral the receiver had been sent: the receiving staff get
  REFERRAL_STATUS_CHANGED;
- an expiry: the referrer gets REFERRAL_EXPIRED, asking them to refer elsewhere.

Webhooks: the receiving actor's webhooks get every event of the referrals it was sent
(never of a DRAFT, which it may not see); the sending actor's webhooks get every event
of the referrals it sends, DRAFTs included — each side's partner system follows its
own referrals. A referral created as sent reaches the receiver as SENT (it never saw
a draft being created). Notes, follow-ups, reminders and escalations reach webhooks
only.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from network.enums import NotificationKind, ReferralEventKind, ReferralStatus
from network.notifications.outbox import notify, notify_webhooks
from network.records.referrals import Referral, ReferralEvent
from network.referrals.hooks import on_referral_event
from network.reminders.params import actor_names, event_params, referral_params
from network.reminders.recipients import referrers, staff_of

RECEIVED = "referral_received"
STATUS_CHANGED = "referral_status_message"
ANSWERS = frozenset(
    {
        ReferralEventKind.ACCEPTED,
        ReferralEventKind.DECLINED,
        ReferralEventKind.REDIRECTED,
        ReferralEventKind.STARTED,
        ReferralEventKind.COMPLETED,
    }
)


@on_referral_event
async def tell_the_other_side(
    session: AsyncSession, referral: Referral, event: ReferralEvent
) -> None:
    kind, recipients = await _message_of(session, referral, event)
    if kind is not None and recipients:
        names = await actor_names(session, [referral.from_actor_id, referral.to_actor_id])
        params = referral_params(referral, names)
        cancelled = event.kind == ReferralEventKind.CANCELLED
        by = referral.from_actor_id if cancelled else referral.to_actor_id
        params["by_actor"] = names.get(by, {})
        await notify(
            session,
            rule=RECEIVED if kind == NotificationKind.REFERRAL_RECEIVED else STATUS_CHANGED,
            kind=kind,
            recipients=recipients,
            subject=f"referral-event:{event.id}",
            due_at=event.at,
            params=params,
            referral_id=referral.id,
        )
    await _to_webhooks(session, referral, event)


async def _message_of(
    session: AsyncSession, referral: Referral, event: ReferralEvent
) -> tuple[NotificationKind | None, list[int]]:
    if event.to_status == ReferralStatus.SENT:
        staff = await staff_of(session, [referral.to_actor_id])
        return NotificationKind.REFERRAL_RECEIVED, staff.get(referral.to_actor_id, [])
    if event.kind == ReferralEventKind.CANCELLED and referral.sent_at is not None:
        staff = await staff_of(session, [referral.to_actor_id])
        return NotificationKind.REFERRAL_STATUS_CHANGED, staff.get(referral.to_actor_id, [])
    if event.kind in ANSWERS or event.kind == ReferralEventKind.EXPIRED:
        referrer = (await referrers(session, [referral.id])).get(referral.id)
        kind = (
            NotificationKind.REFERRAL_EXPIRED
            if event.kind == ReferralEventKind.EXPIRED
            else NotificationKind.REFERRAL_STATUS_CHANGED
        )
        return kind, [referrer] if referrer is not None else []
    return None, []


async def _to_webhooks(session: AsyncSession, referral: Referral, event: ReferralEvent) -> None:
    told = [(referral.from_actor_id, event.kind)]
    if referral.sent_at is not None:
        arrived = event.kind == ReferralEventKind.CREATED and event.to_status == ReferralStatus.SENT
        told.append((referral.to_actor_id, ReferralEventKind.SENT if arrived else event.kind))
    for actor_id, kind in told:
        await notify_webhooks(
            session,
            actor_id=actor_id,
            event_kind=kind,
            subject=f"referral-event:{event.id}",
            due_at=event.at,
            params=event_params(referral, event),
            referral_id=referral.id,
        )
