from __future__ import annotations

import strawberry

from network.enums import TerritoryLevel
from network.ids import pk_of
from network.territories import geometry
from network.validation import check_range
from schema.context import Info
from schema.list_size import list_size
from schema.relay import reference_nodes
from schema.territories.types import Territory

territory_nodes = reference_nodes(
    "Territory", lambda reference: reference.territories, Territory.of
)


@strawberry.type
class TerritoryQuery:
    @strawberry.field(
        description="All regions and provinces; with parentId, its children. Ordered by code.",
        metadata=list_size(90),  # regions and provinces, or the children of one
    )
    def territories(
        self,
        info: Info,
        level: TerritoryLevel | None = None,
        parent_id: strawberry.ID | None = None,
    ) -> list[Territory]:
        reference = info.context.reference
        if parent_id is not None:
            rows = list(reference.children.get(pk_of(parent_id, "Territory", field="parentId"), []))
        else:
            rows = sorted(reference.territories.values(), key=lambda t: t.code)
            if level is None:
                rows = [t for t in rows if t.level != TerritoryLevel.COMMUNE]
        if level is not None:
            rows = [t for t in rows if t.level == level]
        return [Territory.of(t) for t in rows]

    @strawberry.field(description="The commune or arrondissement holding the point, or null.")
    def territory_at(self, info: Info, latitude: float, longitude: float) -> Territory | None:
        check_range(latitude, field=["latitude"], low=-90, high=90)
        check_range(longitude, field=["longitude"], low=-180, high=180)
        code = geometry.commune_at(latitude, longitude)
        row = info.context.reference.territories_by_code.get(code) if code else None
        return Territory.of(row) if row else None
