"""The referral search's filter input, and its translation into the domain's."""

from __future__ import annotations

from datetime import datetime

import strawberry

from network.ids import pk_of
from network.referrals import filters
from schema.actors.filters import as_utc, territory_path
from schema.enums import ServiceAxis
from schema.reference import Reference
from schema.referrals.enums import ReferralDirection, ReferralStatus


@strawberry.input(name="ReferralFilter")
class ReferralFilter:
    statuses: list[ReferralStatus] | None = None
    direction: ReferralDirection | None = strawberry.field(
        default=None,
        description="Relative to the caller's actor (and its units); default ANY.",
    )
    actor_id: strawberry.ID | None = strawberry.field(
        default=None, description="Referrals this actor sends or receives."
    )
    youth_id: strawberry.ID | None = None
    axis: ServiceAxis | None = None
    overdue: bool | None = None
    territory_id: strawberry.ID | None = strawberry.field(
        default=None, description="Referrals whose sender or receiver lies in this territory."
    )
    created_after: datetime | None = None
    created_before: datetime | None = None

    def to_domain(self, reference: Reference) -> filters.ReferralFilter:
        actor_id, youth_id = self.actor_id, self.youth_id
        return filters.ReferralFilter(
            statuses=self.statuses,
            direction=self.direction or filters.Direction.ANY,
            actor_id=pk_of(actor_id, "Actor", field="filter.actorId") if actor_id else None,
            youth_id=pk_of(youth_id, "Youth", field="filter.youthId") if youth_id else None,
            axis=self.axis,
            overdue=self.overdue,
            territory_path=territory_path(reference, self.territory_id),
            created_after=as_utc(self.created_after),
            created_before=as_utc(self.created_before),
        )
