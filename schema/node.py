from __future__ import annotations

import strawberry

from schema.context import Info
from schema.list_size import list_size
from schema.relay import Node, resolve_nodes


@strawberry.type
class NodeQuery:
    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return (await resolve_nodes(info, [id]))[0]  # type: ignore[no-any-return]

    @strawberry.field(metadata=list_size(argument="ids"))
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        return await resolve_nodes(info, ids)
