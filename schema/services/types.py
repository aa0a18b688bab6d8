from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from network.enums import Language
from network.localized import pick
from network.services.fields import PLAIN
from network.services.models import Service as ServiceRow
from schema.actors.loaders import actor_loader
from schema.common import LocalizedText
from schema.connections import Connection
from schema.context import Info
from schema.enums import Gender
from schema.fields import plain_outputs
from schema.relay import NODE_TYPES, FromRow, Node
from schema.services.loaders import service_areas_loader
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
class Service(Node, FromRow):
    """Its plain fields (axis, responseDays…) come from network.services.fields."""

    row: strawberry.Private[ServiceRow]

    @strawberry.field
    async def actor(self, info: Info) -> Annotated[Actor, strawberry.lazy("schema.actors.types")]:
        actor = NODE_TYPES["Actor"]
        return actor.of(await actor_loader(info.context).load(self.row.actor_id))  # type: ignore[no-any-return]

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
            row=row,
            min_age=row.min_age,
            max_age=row.max_age,
            genders=[Gender(g) for g in row.genders or []],
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
        ids = await service_areas_loader(info.context).load(self.row.id)
        territories = info.context.reference.territories
        return [Territory.of(territories[i]) for i in ids]


ServiceConnection = Connection[Service]
