from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from network.territories import geometry
from network.territories.models import Territory as TerritoryRow
from schema.common import GeoPoint, LocalizedText, name_or_code
from schema.context import Info
from schema.enums import TerritoryLevel
from schema.list_size import list_size
from schema.relay import FromRow, Node

BoundaryDetail = geometry.Detail
# strawberry.enum marks the class itself as the GraphQL enum of that name.
strawberry.enum(
    BoundaryDetail,
    name="BoundaryDetail",
    description="LOW ≈ 2 km, MEDIUM ≈ 500 m, FULL: the shipped shape (≈ 150 m).",
)


@strawberry.type(name="Territory")
class Territory(Node, FromRow):
    row: strawberry.Private[TerritoryRow]
    code: str
    level: TerritoryLevel

    @classmethod
    def of_pk(cls, info: Info, pk: int) -> Territory:
        """The territory of that primary key, from the reference data in memory."""
        return cls.of(info.context.reference.territories[pk])

    name = strawberry.field(resolver=name_or_code)

    @strawberry.field
    def names(self) -> LocalizedText:
        return LocalizedText.of(self.row.names)

    @strawberry.field
    def parent(self, info: Info) -> Territory | None:
        if self.row.parent_id is None:
            return None
        return Territory.of_pk(info, self.row.parent_id)

    @strawberry.field(metadata=list_size(40))
    def children(self, info: Info) -> list[Territory]:
        return [Territory.of(t) for t in info.context.reference.children.get(self.row.id, [])]

    @strawberry.field(description="GeoJSON geometry (longitude, latitude), or null.")
    def boundary(self, detail: BoundaryDetail = geometry.Detail.MEDIUM) -> JSON | None:
        shape = geometry.boundary(self.code, detail)
        return None if shape is None else JSON(shape)

    @strawberry.field(description="A point inside the territory: its centroid when inside.")
    def centroid(self) -> GeoPoint | None:
        point = geometry.centroid(self.code)
        return GeoPoint(latitude=point[0], longitude=point[1]) if point else None
