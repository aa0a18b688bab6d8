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
from schema.relay import decode_cursor, encode_cursor, node_resolver, page_size


@node_resolver("Actor")
async def actor_nodes(info: Info, pks: list[int]) -> dict[int, Actor]:
    """Active actors for everyone; inactive ones for their staff and ADMIN."""
    async with info.context.sessions() as session:
        rows = await repository.get_visible(session, pks, info.context.viewer)
    return {pk: Actor.of(row) for pk, row in rows.items()}


LANG = (
    "The language of the NAME order (its collation: Arabic, or French for FR and EN); "
    "default: the request's (Accept-Language, else the user's, else Arabic)."
)


@strawberry.type
class ActorQuery:
    @strawberry.field(description="The actor map: visible actors, filtered and ordered.")
    async def actors(
        self,
        info: Info,
        filter: ActorFilter | None = None,
        order_by: ActorOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        lang: Annotated[Language | None, strawberry.argument(description=LANG)] = None,
    ) -> ActorConnection:
        context = info.context
        viewer = context.viewer
        size = page_size(first)
        where = filter.to_domain(context.reference) if filter else filters.ActorFilter()
        keyset = filters.Keyset.of(
            order_by or filters.ActorOrder.CREATED,
            language=lang or viewer.language,
            near=where.near,
        )
        position = decode_cursor(after, arity=keyset.arity)
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
            page_info=page_info(cursors, has_next=page.has_next, has_previous=after is not None),
            count=count,
        )
