"""The params queued with each message (``network.notifications.templates`` lists what
each kind needs): ids, codes, dates, enum names and actor names, never a young
person's name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.ids import to_global_id
from network.records.referrals import Referral, ReferralEvent


def referral_code(referral_id: int) -> str:
    """How messages name a referral: short, stable, and nothing personal."""
    return f"R-{referral_id:06d}"


async def actor_names(session: AsyncSession, actor_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """The localized names of actors, by id."""
    rows = await session.execute(
        select(Actor.id, Actor.names).where(Actor.id.in_(sorted(set(actor_ids))))
    )
    return {actor_id: names for actor_id, names in rows.all()}


def referral_params(referral: Referral, names: dict[int, dict[str, str]]) -> dict[str, Any]:
    """Every param a referral message may use; templates ignore those they don't name."""
    return {
        "referral_id": to_global_id("Referral", referral.id),
        "referral_code": referral_code(referral.id),
        "axis": referral.axis.value,
        "status": referral.status.value,
        "from_actor": names.get(referral.from_actor_id, {}),
        "to_actor": names.get(referral.to_actor_id, {}),
        "respond_by": referral.respond_by,
        "follow_up_at": referral.next_follow_up_at,
    }


def event_params(referral: Referral, event: ReferralEvent) -> dict[str, Any]:
    """The body of a webhook call for one referral event: ids and states only (never a
    note or a reason, which are identity fields)."""
    return {
        "eventId": to_global_id("ReferralEvent", event.id),
        "kind": event.kind.value,
        "at": event.at,
        "fromStatus": event.from_status.value if event.from_status else None,
        "toStatus": event.to_status.value if event.to_status else None,
        "referralId": to_global_id("Referral", referral.id),
        "referralCode": referral_code(referral.id),
        "status": referral.status.value,
        "version": referral.version,
        "axis": referral.axis.value,
        "fromActorId": to_global_id("Actor", referral.from_actor_id),
        "toActorId": to_global_id("Actor", referral.to_actor_id),
        "respondBy": referral.respond_by,
    }
