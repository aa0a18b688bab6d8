"""Where a referral goes: a service (and its actor), or an actor and an axis; and
whether that receiver takes referrals."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from network.actors import repository as actors
from network.actors.models import Actor
from network.enums import ActorKind, ServiceAxis
from network.errors import InvalidInput, NotFound
from network.referrals.errors import NotAcceptingReferrals
from network.services import repository as services
from network.services.models import Service
from network.viewer import Viewer


@dataclass(frozen=True)
class Target:
    actor: Actor
    service: Service | None
    axis: ServiceAxis

    def response_days(self, default: int) -> int:
        """The service's agreed time to answer; ``default`` for an actor and an axis."""
        return self.service.response_days if self.service is not None else default


async def chosen_target(
    session: AsyncSession,
    *,
    viewer: Viewer,
    service_id: int | None,
    to_actor_id: int | None,
    axis: ServiceAxis | None,
) -> Target:
    """The receiver named by the caller: either a service, or an actor and an axis.
    Records the caller may not see are not found."""
    if service_id is not None:
        service = (await services.get_visible(session, [service_id], viewer)).get(service_id)
        if service is None:
            raise NotFound("no such service", field=["serviceId"])
        if to_actor_id is not None and to_actor_id != service.actor_id:
            raise InvalidInput("the service belongs to another actor", field=["toActorId"])
        if axis is not None and axis != service.axis:
            raise InvalidInput("the service is on another axis", field=["axis"])
        actor = (await actors.get_many(session, [service.actor_id]))[service.actor_id]
        return Target(actor=actor, service=service, axis=service.axis)
    if to_actor_id is None:
        raise InvalidInput("give a serviceId, or a toActorId and an axis", field=["serviceId"])
    if axis is None:
        raise InvalidInput("required with toActorId", field=["axis"])
    receiver = (await actors.get_visible(session, [to_actor_id], viewer)).get(to_actor_id)
    if receiver is None:
        raise NotFound("no such actor", field=["toActorId"])
    return Target(actor=receiver, service=None, axis=axis)


async def current_target(
    session: AsyncSession, *, actor_id: int, service_id: int | None, axis: ServiceAxis
) -> Target:
    """The receiver a referral already names, as it is now."""
    actor = await session.get(Actor, actor_id)
    assert actor is not None, "actors are never deleted"
    service = None if service_id is None else await session.get(Service, service_id)
    return Target(actor=actor, service=service, axis=axis)


def check_receives(target: Target) -> None:
    """The receiver takes referrals: active, accepting, and not abroad (no personal data
    ever reaches an international partner)."""
    actor, service = target.actor, target.service
    if not actor.active or not actor.accepts_referrals:
        raise NotAcceptingReferrals("this actor does not take referrals", field=["toActorId"])
    if actor.kind == ActorKind.INTERNATIONAL_PARTNER:
        raise NotAcceptingReferrals(
            "no personal data goes to an international partner", field=["toActorId"]
        )
    if service is not None and (not service.active or not service.accepts_referrals):
        raise NotAcceptingReferrals("this service does not take referrals", field=["serviceId"])
