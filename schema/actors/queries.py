from __future__ import annotations

from typing import Annotated

import strawberry

from network.actors import repository
from network.directory import actor_filters as filters
from network.directory import actor_map
from schema.actors.filters import ActorFilter, ActorOrder
from schema.actors.types import Actor, ActorConnection, ActorEdge
from schema.connections import page_info
from schema.context import Info
from schema.enums import Language
from schema.relay import Paging, decode_cursor, encode_cursor, paged, visible_nodes

# Active actors for everyone; inactive ones for their staff and ADMIN.
actor_nodes = visible_nodes("Actor", repository.get_visible, Actor.of)


LANG = (
    "The language of the NAME order (its collation: Arabic, or French for FR and EN); "
    "default: the request's (Accept-Language, else the user's, else Arabic)."
)


@strawberry.type
class ActorQuery:
    @strawberry.field(description="The actor map: visible actors, filtered and ordered.")
    @paged
    async def actors(
        self,
        info: Info,
        filter: ActorFilter | None = None,
        order_by: ActorOrder | None = None,
        *,
        paging: Paging,
        lang: Annotated[Language | None, strawberry.argument(description=LANG)] = None,
    ) -> ActorConnection:
        context = info.context
        viewer = context.viewer
        size = paging.size()
        where = filter.to_domain(context.reference) if filter else filters.ActorFilter()
        keyset = filters.Keyset.of(
            order_by or filters.ActorOrder.CREATED,
            language=lang or viewer.language,
            near=where.near,
        )
        position = decode_cursor(paging.after, arity=keyset.arity)
        async with context.sessions() as session:
            page = await actor_map.search(
                session, where=where, keyset=keyset, first=size, after=position, viewer=viewer
            )

        async def count() -> int:
            async with context.sessions() as session:
                return await actor_map.count(session, where=where, viewer=viewer)

        cursors = [encode_cursor(position) for position in page.positions]
        return ActorConnection(
            edges=[
                ActorEdge(cursor=cursor, node=Actor.of(row), distance_km=distance)
                for cursor, row, distance in zip(cursors, page.rows, page.distances, strict=True)
            ],
            page_info=page_info(
                cursors, has_next=page.has_next, has_previous=paging.after is not None
            ),
            count=count,
        )
