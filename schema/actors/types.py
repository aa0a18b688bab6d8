from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry

from network.actors.fields import PLAIN
from network.actors.models import Actor as ActorRow
from network.enums import Language
from network.ids import to_global_id
from network.localized import pick
from schema.common import GeoPoint, LocalizedText, PageInfo
from schema.connections import cursors_of, page_info
from schema.context import Info
from schema.enums import ServiceAxis
from schema.fields import plain_outputs
from schema.relay import Node, decode_id_cursor, page_size
from schema.services.types import Service, ServiceConnection, ServiceEdge
from schema.territories.types import Territory
from schema.webhooks.types import Webhook


@strawberry.type(name="Actor")
@plain_outputs(PLAIN)
class Actor(Node):
    """Its plain fields (acronym, kind, address…) come from network.actors.fields."""

    row: strawberry.Private[ActorRow]

    @classmethod
    def of(cls, row: ActorRow) -> Actor:
        return cls(id=strawberry.ID(to_global_id("Actor", row.id)), row=row)

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
    def territory(self, info: Info) -> Territory:
        return Territory.of(info.context.reference.territories[self.row.territory_id])

    @strawberry.field
    def location(self) -> GeoPoint | None:
        if self.row.latitude is None or self.row.longitude is None:
            return None
        return GeoPoint(latitude=self.row.latitude, longitude=self.row.longitude)

    @strawberry.field
    async def parent(self, info: Info) -> Actor | None:
        if self.row.parent_id is None:
            return None
        return Actor.of(await info.context.loaders["actor"].load(self.row.parent_id))

    @strawberry.field
    async def units(self, info: Info) -> list[Actor]:
        return [
            Actor.of(row) for row in await info.context.loaders["actor_units"].load(self.row.id)
        ]

    @strawberry.field
    async def axes(self, info: Info) -> list[ServiceAxis]:
        return await info.context.loaders["actor_axes"].load(self.row.id)  # type: ignore[no-any-return]

    @strawberry.field
    async def services(
        self,
        info: Info,
        axis: ServiceAxis | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ServiceConnection:
        """Active services; inactive ones too for the actor's staff and ADMIN."""
        size = page_size(first)
        after_id = decode_id_cursor(after)
        loaders = info.context.loaders
        page = await loaders["actor_services"].load((self.row.id, axis, size, after_id))
        rows = page.rows if page else []
        cursors = cursors_of(rows, lambda r: [r.id])
        actor_id = self.row.id

        async def count() -> int:
            return await loaders["actor_service_count"].load((actor_id, axis))  # type: ignore[no-any-return]

        return ServiceConnection(
            edges=[
                ServiceEdge(cursor=c, node=Service.of(r))
                for c, r in zip(cursors, rows, strict=True)
            ],
            page_info=page_info(
                cursors, has_next=bool(page and page.has_next), has_previous=after_id is not None
            ),
            count=count,
        )

    @strawberry.field(description="Its staff and ADMIN only; empty for others.")
    async def webhooks(self, info: Info) -> list[Webhook]:
        rows = await info.context.loaders["actor_webhooks"].load(self.row.id)
        return [Webhook.of(row) for row in rows]


@strawberry.type
class ActorEdge:
    cursor: str
    node: Actor
    distance_km: float | None = None


@strawberry.type
class ActorConnection:
    edges: list[ActorEdge]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[Actor]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()
