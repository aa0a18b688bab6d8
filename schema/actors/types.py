from __future__ import annotations

import strawberry

from network.actors.fields import LOCALIZED, PLAIN
from network.actors.models import Actor as ActorRow
from schema.actors.loaders import actor_axes_loader, actor_loader, actor_units_loader
from schema.common import GeoPoint
from schema.connections import Connection, Edge, loaded_connection
from schema.context import Info
from schema.enums import ServiceAxis
from schema.fields import plain_outputs
from schema.list_size import list_size
from schema.relay import Node, Paging, from_row, node_type, paged
from schema.services.loaders import actor_service_count_loader, actor_services_loader
from schema.services.types import Service, ServiceConnection
from schema.territories.types import Territory
from schema.webhooks.loaders import actor_webhooks_loader
from schema.webhooks.types import Webhook


@node_type
@strawberry.type(name="Actor")
@plain_outputs(PLAIN, LOCALIZED)
class Actor(Node):
    """Its plain and localized fields (acronym, kind, name, description…) come from
    network.actors.fields."""

    row: strawberry.Private[ActorRow]

    @classmethod
    def of(cls, row: ActorRow) -> Actor:
        return from_row(cls, row, row=row)

    @strawberry.field
    def territory(self, info: Info) -> Territory:
        return Territory.of_pk(info, self.row.territory_id)

    @strawberry.field
    def location(self) -> GeoPoint | None:
        if self.row.latitude is None or self.row.longitude is None:
            return None
        return GeoPoint(latitude=self.row.latitude, longitude=self.row.longitude)

    @strawberry.field
    async def parent(self, info: Info) -> Actor | None:
        if self.row.parent_id is None:
            return None
        return Actor.of(await actor_loader(info.context).load(self.row.parent_id))

    @strawberry.field(metadata=list_size(20))
    async def units(self, info: Info) -> list[Actor]:
        return [Actor.of(row) for row in await actor_units_loader(info.context).load(self.row.id)]

    @strawberry.field
    async def axes(self, info: Info) -> list[ServiceAxis]:
        return await actor_axes_loader(info.context).load(self.row.id)

    @strawberry.field
    @paged
    async def services(
        self, info: Info, axis: ServiceAxis | None = None, *, paging: Paging
    ) -> ServiceConnection:
        """Active services; inactive ones too for the actor's staff and ADMIN."""
        context = info.context
        actor_id = self.row.id
        return await loaded_connection(
            lambda size, after_id: actor_services_loader(context).load(
                (actor_id, axis, size, after_id)
            ),
            Service.of,
            paging,
            count=lambda: actor_service_count_loader(context).load((actor_id, axis)),
        )

    @strawberry.field(description="Its staff and ADMIN only; empty for others.")
    async def webhooks(self, info: Info) -> list[Webhook]:
        rows = await actor_webhooks_loader(info.context).load(self.row.id)
        return [Webhook.of(row) for row in rows]


@strawberry.type(name="ActorEdge")
class ActorEdge(Edge[Actor]):
    distance_km: float | None = None


@strawberry.type(name="ActorConnection")
class ActorConnection(Connection[Actor]):
    edges: list[ActorEdge]  # type: ignore[assignment]
