"""The actor map's filter and order inputs, and their translation into the domain's."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from network.directory import actor_filters as filters
from network.errors import InvalidInput
from network.ids import pk_of
from schema.enums import ActorKind, ServiceAxis
from schema.reference import Reference

ActorOrder = filters.ActorOrder
# strawberry.enum marks the class itself as the GraphQL enum of that name.
strawberry.enum(ActorOrder, name="ActorOrder")


@strawberry.input(name="GeoRadiusInput")
class GeoRadiusInput:
    latitude: float
    longitude: float
    radius_km: float


@strawberry.input(name="ActorFilter")
class ActorFilter:
    territory_id: strawberry.ID | None = strawberry.field(
        default=None, description="This territory and every territory under it."
    )
    kinds: list[ActorKind] | None = None
    axes: list[ServiceAxis] | None = strawberry.field(
        default=None, description="Has an active service on one of these axes."
    )
    category_codes: list[str] | None = None
    accepts_referrals: bool | None = None
    search: str | None = strawberry.field(
        default=None,
        description="Names, acronyms, descriptions, service names; Arabic and French folding.",
    )
    near: GeoRadiusInput | None = None
    eligible_age: int | None = None
    verified_since: datetime | None = None

    def to_domain(self, reference: Reference) -> filters.ActorFilter:
        near = self.near
        return filters.ActorFilter(
            territory_path=territory_path(reference, self.territory_id),
            kinds=self.kinds,
            axes=self.axes,
            category_ids=category_ids(reference, self.category_codes),
            accepts_referrals=self.accepts_referrals,
            search=self.search,
            near=filters.GeoRadius(near.latitude, near.longitude, near.radius_km) if near else None,
            eligible_age=self.eligible_age,
            verified_since=as_utc(self.verified_since),
        )


def as_utc(at: datetime | None) -> datetime | None:
    """Times are UTC instants: one given without an offset is read as UTC."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def territory_path(reference: Reference, territory_id: strawberry.ID | None) -> str | None:
    """The subtree path of a territory id; an unknown territory is invalid input."""
    if territory_id is None:
        return None
    field = ["filter", "territoryId"]
    territory = reference.territories.get(pk_of(territory_id, "Territory", field=".".join(field)))
    if territory is None:
        raise InvalidInput("unknown territory", field=field)
    return territory.path


def category_ids(reference: Reference, codes: list[str] | None) -> list[int] | None:
    """Taxonomy term ids of category codes; an unknown code is invalid input."""
    if codes is None:
        return None
    unknown = [code for code in codes if code not in reference.terms_by_code]
    if unknown:
        raise InvalidInput(
            f"unknown category code {unknown[0][:64]!r}", field=["filter", "categoryCodes"]
        )
    return [reference.terms_by_code[code].id for code in codes]
