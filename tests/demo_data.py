"""What the demo network holds, worked out from its seed definitions (network.seed), so
that tests reading the demo derive their expected ids and counts instead of freezing
them. Ids follow the seed's order: actor ``n`` of ACTORS has id ``n + 1``, and services
are numbered in actor order (network/seed/demo.py)."""

from __future__ import annotations

from dataclasses import dataclass

from network.seed.demo import services_of
from network.seed.demo_actors import ACTORS, DemoActor
from network.seed.demo_services import DemoService


@dataclass(frozen=True)
class SeededService:
    id: int
    actor_id: int
    actor: DemoActor
    service: DemoService

    @property
    def public(self) -> bool:
        """Listed to everyone: the service and its actor are active."""
        return self.service.active and self.actor.active

    @property
    def accepts_referrals(self) -> bool:
        return self.service.accepts_referrals and self.actor.accepts_referrals


def seeded_services() -> list[SeededService]:
    found: list[SeededService] = []
    for index, actor in enumerate(ACTORS):
        for service in services_of(actor):
            found.append(SeededService(len(found) + 1, index + 1, actor, service))
    return found


PUBLIC_SERVICES = [s for s in seeded_services() if s.public]
"""The services of the demo that anyone sees, in id order."""

ACTIVE_ACTORS = [index + 1 for index, actor in enumerate(ACTORS) if actor.active]
"""The ids of the demo's active actors (the organisations anyone sees)."""
