from __future__ import annotations

import strawberry

from network.enums import Language
from network.ids import to_global_id
from network.localized import pick
from network.territories.models import Territory as TerritoryRow
from schema.common import LocalizedText
from schema.context import Info
from schema.enums import TerritoryLevel
from schema.relay import Node


@strawberry.type(name="Territory")
class Territory(Node):
    row: strawberry.Private[TerritoryRow]
    code: str
    level: TerritoryLevel

    @classmethod
    def of(cls, row: TerritoryRow) -> Territory:
        return cls(
            id=strawberry.ID(to_global_id("Territory", row.id)),
            row=row,
            code=row.code,
            level=row.level,
        )

    @strawberry.field
    def name(self, info: Info, lang: Language | None = None) -> str:
        return pick(self.row.names, lang, info.context.viewer.language) or self.code

    @strawberry.field
    def names(self) -> LocalizedText:
        return LocalizedText.of(self.row.names)

    @strawberry.field
    def parent(self, info: Info) -> Territory | None:
        if self.row.parent_id is None:
            return None
        return Territory.of(info.context.reference.territories[self.row.parent_id])

    @strawberry.field
    def children(self, info: Info) -> list[Territory]:
        return [Territory.of(t) for t in info.context.reference.children.get(self.row.id, [])]
