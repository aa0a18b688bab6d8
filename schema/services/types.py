from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from network.enums import Language
from network.ids import to_global_id
from network.localized import pick
from network.services.fields import PLAIN
from network.services.models import Service as ServiceRow
from schema.common import LocalizedText, PageInfo
from schema.context import Info
from schema.enums import Gender
from schema.fields import plain_outputs
from schema.relay import Node
from schema.taxonomy.types import TaxonomyTerm
from schema.territories.types import Territory

if TYPE_CHECKING:
    from schema.actors.types import Actor


@strawberry.type
class Eligibility:
    row: strawberry.Private[ServiceRow]
    min_age: int | None
    max_age: int | None
    genders: list[Gender]

    @strawberry.field
    def requirements(self, info: Info, lang: Language | None = None) -> str | None:
        return pick(self.row.requirements, lang, info.context.viewer.language)


@strawberry.type
class Capacity:
    available: int | None
    total: int | None
    updated_at: datetime | None


@strawberry.type(name="Service")
@plain_outputs(PLAIN)
class Service(Node):
    """Its plain fields (axis, responseDays…) come from network.services.fields."""

    row: strawberry.Private[ServiceRow]

    @classmethod
    def of(cls, row: ServiceRow) -> Service:
        return cls(id=strawberry.ID(to_global_id("Service", row.id)), row=row)

    @strawberry.field
    async def actor(self, info: Info) -> Annotated[Actor, strawberry.lazy("schema.actors.types")]:
        from schema.actors.types import Actor

        return Actor.of(await info.context.loaders["actor"].load(self.row.actor_id))

    @strawberry.field
    def name(self, info: Info, lang: Language | None = None) -> str:
        return pick(self.row.names, lang, info.context.viewer.language) or ""

    @strawberry.field
    def names(self) -> LocalizedText:
        return LocalizedText.of(self.row.names)

    @strawberry.field
    def description(self, info: Info, lang: Language | None = None) -> str | None:
        return pick(self.row.description, lang, info.context.viewer.language)

    @strawberry.field
    def category(self, info: Info) -> TaxonomyTerm | None:
        if self.row.category_id is None:
            return None
        return TaxonomyTerm.of(info.context.reference.terms[self.row.category_id])

    @strawberry.field
    def eligibility(self) -> Eligibility:
        row = self.row
        return Eligibility(
            row=row, min_age=row.min_age, max_age=row.max_age, genders=list(row.genders or [])
        )

    @strawberry.field
    def capacity(self) -> Capacity | None:
        row = self.row
        if row.capacity_available is None and row.capacity_total is None:
            return None
        return Capacity(
            available=row.capacity_available,
            total=row.capacity_total,
            updated_at=row.capacity_updated_at,
        )

    @strawberry.field
    async def service_area(self, info: Info) -> list[Territory]:
        ids = await info.context.loaders["service_areas"].load(self.row.id)
        territories = info.context.reference.territories
        return [Territory.of(territories[i]) for i in ids]


@strawberry.type
class ServiceEdge:
    cursor: str
    node: Service


@strawberry.type
class ServiceConnection:
    edges: list[ServiceEdge]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[Service]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()
