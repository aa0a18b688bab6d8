from __future__ import annotations

import strawberry

from network.services import filters, repository
from schema.connections import session_connection
from schema.context import Info
from schema.relay import Paging, paged, visible_nodes
from schema.services.filters import ServiceFilter
from schema.services.types import Service, ServiceConnection

# Active services of active actors for everyone; more for the actor's staff and ADMIN.
service_nodes = visible_nodes("Service", repository.get_visible, Service.of)


@strawberry.type
class ServiceQuery:
    @strawberry.field(description="Visible services of visible actors, in creation order.")
    @paged
    async def services(
        self, info: Info, filter: ServiceFilter | None = None, *, paging: Paging
    ) -> ServiceConnection:
        context = info.context
        viewer = context.viewer
        where = filter.to_domain(context.reference) if filter else filters.ServiceFilter()
        return await session_connection(
            context.sessions,
            Service.of,
            paging,
            fetch=lambda session, size, after_id: repository.search(
                session, where=where, first=size, after_id=after_id, viewer=viewer
            ),
            count=lambda session: repository.count(session, where=where, viewer=viewer),
        )
