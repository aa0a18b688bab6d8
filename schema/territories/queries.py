from __future__ import annotations

import strawberry

from network.enums import TerritoryLevel
from network.ids import pk_of
from schema.context import Info
from schema.relay import node_resolver
from schema.territories.types import Territory


@node_resolver("Territory")
async def territory_nodes(info: Info, pks: list[int]) -> dict[int, Territory]:
    territories = info.context.reference.territories
    return {pk: Territory.of(territories[pk]) for pk in pks if pk in territories}


@strawberry.type
class TerritoryQuery:
    @strawberry.field(
        description="All regions and provinces; with parentId, its children. Ordered by code."
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
