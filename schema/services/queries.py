from __future__ import annotations

import strawberry

from network.services import filters, repository
from schema.connections import session_connection
from schema.context import Info
from schema.relay import node_resolver
from schema.services.filters import ServiceFilter
from schema.services.types import Service, ServiceConnection


@node_resolver("Service")
async def service_nodes(info: Info, pks: list[int]) -> dict[int, Service]:
    """Active services of active actors for everyone; more for the actor's staff and ADMIN."""
    async with info.context.sessions() as session:
        rows = await repository.get_visible(session, pks, info.context.viewer)
    return {pk: Service.of(row) for pk, row in rows.items()}


@strawberry.type
class ServiceQuery:
    @strawberry.field(description="Visible services of visible actors, in creation order.")
    async def services(
        self,
        info: Info,
        filter: ServiceFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ServiceConnection:
        context = info.context
        viewer = context.viewer
        where = filter.to_domain(context.reference) if filter else filters.ServiceFilter()
        return await session_connection(
            context.sessions,
            Service.of,
            first=first,
            after=after,
            fetch=lambda session, size, after_id: repository.search(
                session, where=where, first=size, after_id=after_id, viewer=viewer
            ),
            count=lambda session: repository.count(session, where=where, viewer=viewer),
        )
