from __future__ import annotations

import strawberry

from network.audit import repository
from network.audit.repository import AuditCriteria
from schema.audit.filters import AuditFilter
from schema.audit.types import AuditEntry, AuditEntryConnection
from schema.auth import require_admin
from schema.connections import connection
from schema.context import Info
from schema.listing import Listing, listed
from schema.relay import node_resolver


@node_resolver("AuditEntry")
async def audit_nodes(info: Info, pks: list[int]) -> dict[int, AuditEntry]:
    """Entries are seen by ADMIN only."""
    if not info.context.viewer.is_admin:
        return {}
    async with info.context.sessions() as session:
        rows = await repository.get_many(session, pks)
    return {pk: AuditEntry.of(row) for pk, row in rows.items()}


@strawberry.type
class AuditQuery:
    @listed(description="ADMIN only. In the order the entries were written.")
    async def audit_log(self, info: Info, listing: Listing[AuditFilter]) -> AuditEntryConnection:
        context = info.context
        require_admin(context.viewer)
        size, after_id = listing.paging.size(), listing.paging.after_id()
        where = listing.filter.criteria() if listing.filter else AuditCriteria()
        async with context.sessions() as session:
            rows, has_next = await repository.page(
                session, where=where, first=size, after_id=after_id
            )

        async def count() -> int:
            async with context.sessions() as session:
                return await repository.count(session, where=where)

        return connection(rows, AuditEntry.of, after_id=after_id, has_next=has_next, count=count)
