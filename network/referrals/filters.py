"""The filters of the ``referrals`` query, compiled to SQL conditions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import auto

from sqlalchemy import ColumnElement, false, not_, or_, select
from sqlalchemy.orm import aliased

from network.access import youth_visible
from network.actors import repository as actors
from network.actors.models import Actor
from network.enums import NamedEnum, ReferralStatus, ServiceAxis
from network.records.referrals import Referral
from network.records.youths import Youth
from network.referrals import rules
from network.territories.subtree import in_subtree
from network.viewer import Viewer


class Direction(NamedEnum):
    OUTGOING = auto()
    INCOMING = auto()
    ANY = auto()


@dataclass(frozen=True)
class ReferralFilter:
    """Every field narrows the result; an absent one does not."""

    statuses: Sequence[ReferralStatus] | None = None
    direction: Direction = Direction.ANY
    actor_id: int | None = None
    youth_id: int | None = None
    axis: ServiceAxis | None = None
    overdue: bool | None = None
    territory_path: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None

    def conditions(self, viewer: Viewer, now: datetime) -> list[ColumnElement[bool]]:
        """docs/access.md: a filter on a record the caller may not see matches nothing."""
        found: list[ColumnElement[bool]] = []
        if self.statuses is not None:
            found.append(Referral.status.in_(sorted(set(self.statuses))))
        if self.direction != Direction.ANY:
            found.append(self._direction(viewer))
        if self.actor_id is not None:
            seen = select(Actor.id).where(Actor.id == self.actor_id, actors.visible(viewer))
            found.append(or_(Referral.from_actor_id.in_(seen), Referral.to_actor_id.in_(seen)))
        if self.youth_id is not None:
            seen = select(Youth.id).where(Youth.id == self.youth_id, youth_visible(viewer, now=now))
            found.append(Referral.youth_id.in_(seen))
        if self.axis is not None:
            found.append(Referral.axis == self.axis)
        if self.overdue is not None:
            late = rules.overdue(now)
            found.append(late if self.overdue else not_(late))
        if self.territory_path is not None:
            found.append(_touches_territory(self.territory_path))
        if self.created_after is not None:
            found.append(Referral.created_at >= self.created_after)
        if self.created_before is not None:
            found.append(Referral.created_at < self.created_before)
        return found

    def _direction(self, viewer: Viewer) -> ColumnElement[bool]:
        """Relative to the caller's actor and its units; nothing for a caller without one."""
        if viewer.actor_id is None:
            return false()
        scope = sorted(viewer.actor_scope or {viewer.actor_id})
        if self.direction == Direction.OUTGOING:
            return Referral.from_actor_id.in_(scope)
        return Referral.to_actor_id.in_(scope)


def _touches_territory(path: str) -> ColumnElement[bool]:
    """The sender or the receiver lies in the territory at ``path``."""
    actor = aliased(Actor)
    inside = select(actor.id).where(in_subtree(actor.territory_id, path))
    return or_(Referral.from_actor_id.in_(inside), Referral.to_actor_id.in_(inside))
