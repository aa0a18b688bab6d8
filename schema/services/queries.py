from __future__ import annotations

import strawberry

from network.services import filters, repository
from schema.connections import session_connection
from schema.context import Info
from schema.listing import Listing, listed
from schema.relay import visible_nodes
from schema.services.filters import ServiceFilter
from schema.services.types import Service, ServiceConnection

# Active services of active actors for everyone; more for the actor's staff and ADMIN.
service_nodes = visible_nodes("Service", repository.get_visible, Service.of)


@strawberry.type
class ServiceQuery:
    @listed(description="Visible services of visible actors, in creation order.")
    async def services(self, info: Info, listing: Listing[ServiceFilter]) -> ServiceConnection:
        context = info.context
        viewer = context.viewer
        given = listing.filter
        where = given.to_domain(context.reference) if given else filters.ServiceFilter()
        return await session_connection(
            context.sessions,
            Service.of,
            listing.paging,
            fetch=lambda session, size, after_id: repository.search(
                session, where=where, first=size, after_id=after_id, viewer=viewer
            ),
            count=lambda session: repository.count(session, where=where, viewer=viewer),
        )
