"""The service search's filter input, and its translation into the domain's."""

from __future__ import annotations

import strawberry

from network.ids import pk_of
from network.services import filters
from schema.actors.filters import category_ids, territory_path
from schema.enums import ServiceAxis
from schema.reference import Reference


@strawberry.input(name="ServiceFilter")
class ServiceFilter:
    territory_id: strawberry.ID | None = strawberry.field(
        default=None,
        description=(
            "Services whose area covers this territory or lies under it; a service without"
            " an area serves its actor's territory."
        ),
    )
    axes: list[ServiceAxis] | None = None
    category_codes: list[str] | None = None
    actor_id: strawberry.ID | None = None
    accepts_referrals: bool | None = strawberry.field(
        default=None, description="The service and its actor both accept referrals."
    )
    search: str | None = None
    eligible_age: int | None = None
    has_capacity: bool | None = strawberry.field(
        default=None, description="More than zero places available (false: none or unknown)."
    )

    def to_domain(self, reference: Reference) -> filters.ServiceFilter:
        actor_id = self.actor_id
        return filters.ServiceFilter(
            territory_path=territory_path(reference, self.territory_id),
            axes=self.axes,
            category_ids=category_ids(reference, self.category_codes),
            actor_id=pk_of(actor_id, "Actor", field="filter.actorId") if actor_id else None,
            accepts_referrals=self.accepts_referrals,
            search=self.search,
            eligible_age=self.eligible_age,
            has_capacity=self.has_capacity,
        )
