from __future__ import annotations

import strawberry

from network.ids import pk_of
from network.users import repository, tokens
from schema.auth import require_admin, require_user
from schema.connections import connection
from schema.context import Info
from schema.relay import Paging, node_resolver, paged
from schema.users.loaders import user_loader
from schema.users.types import ApiToken, User, UserConnection


@node_resolver("User")
async def user_nodes(info: Info, pks: list[int]) -> dict[int, User]:
    """Users are seen by signed-in callers (names and roles); contacts stay guarded."""
    if info.context.viewer.is_anonymous:
        return {}
    rows = await user_loader(info.context).load_many(pks)
    return {row.id: User.of(row) for row in rows if row is not None}


@strawberry.type
class UserQuery:
    @strawberry.field
    async def me(self, info: Info) -> User | None:
        viewer = info.context.viewer
        if viewer.user_id is None:
            return None
        row = await user_loader(info.context).load(viewer.user_id)
        return User.of(row) if row is not None else None

    @strawberry.field(
        description="Integration tokens: one's own; ADMIN sees anyone's (userId) or all."
    )
    async def api_tokens(self, info: Info, user_id: strawberry.ID | None = None) -> list[ApiToken]:
        viewer = require_user(info.context.viewer)
        pk = pk_of(user_id, "User", field="userId") if user_id is not None else None
        async with info.context.sessions() as session:
            rows = await tokens.visible_integration_tokens(session, viewer=viewer, user_id=pk)
        return [ApiToken.of(row) for row in rows]

    @strawberry.field(
        description="ADMIN only. Every user, in the order they were created; search "
        "matches a part of their email or display name."
    )
    @paged
    async def users(self, info: Info, paging: Paging, search: str | None = None) -> UserConnection:
        context = info.context
        require_admin(context.viewer)
        size, after_id = paging.size(), paging.after_id()
        async with context.sessions() as session:
            rows, has_next = await repository.page(
                session, search=search, first=size, after_id=after_id
            )

        async def count() -> int:
            async with context.sessions() as session:
                return await repository.count(session, search=search)

        return connection(rows, User.of, after_id=after_id, has_next=has_next, count=count)
