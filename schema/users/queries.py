from __future__ import annotations

import strawberry

from schema.context import Info
from schema.relay import node_resolver
from schema.users.types import User


@node_resolver("User")
async def user_nodes(info: Info, pks: list[int]) -> dict[int, User]:
    """Users are seen by signed-in callers (names and roles); contacts stay guarded."""
    if info.context.viewer.is_anonymous:
        return {}
    rows = await info.context.loaders["user"].load_many(pks)
    return {row.id: User.of(row) for row in rows if row is not None}


@strawberry.type
class UserQuery:
    @strawberry.field
    async def me(self, info: Info) -> User | None:
        viewer = info.context.viewer
        if viewer.user_id is None:
            return None
        row = await info.context.loaders["user"].load(viewer.user_id)
        return User.of(row) if row is not None else None
