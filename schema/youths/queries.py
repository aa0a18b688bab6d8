from __future__ import annotations

import strawberry

from network import clock
from network.errors import RateLimited
from network.viewer import Viewer
from network.youths import repository
from schema.audit_reads import record_identity_reads, record_name_search
from schema.auth import require_user
from schema.connections import connection
from schema.context import Context, Info
from schema.listing import Listing, listed
from schema.relay import node_resolver
from schema.youths.filters import YouthFilter
from schema.youths.loaders import youth_loader
from schema.youths.types import Youth, YouthConnection


@node_resolver("Youth")
async def youth_nodes(info: Info, pks: list[int]) -> dict[int, Youth]:
    seen = await youth_loader(info.context).load_many(pks)
    cipher = info.context.cipher
    return {pk: Youth.of(one, cipher) for pk, one in zip(pks, seen, strict=True) if one}


async def _allow_search(context: Context, viewer: Viewer) -> None:
    """Searches by name are rate limited per user (``JISR_NAME_SEARCHES_PER_MINUTE``)."""
    if context.searches is None:
        return
    taken = await context.searches.take(f"search:user:{viewer.user_id}", 1)
    if not taken.allowed:
        raise RateLimited(f"too many searches: retry in {taken.retry_after} s")


@strawberry.type
class YouthQuery:
    @listed(description="Young people the caller may see, in creation order.")
    async def youths(self, info: Info, listing: Listing[YouthFilter]) -> YouthConnection:
        context = info.context
        viewer = require_user(context.viewer)
        size, after_id = listing.paging.size(), listing.paging.after_id()
        cipher = info.context.cipher
        given = listing.filter
        where = given.to_domain(cipher) if given else repository.YouthFilter()
        now = clock.now()
        searched = where.searches
        if searched:
            await _allow_search(context, viewer)
        async with context.sessions() as session:
            rows = await repository.page(
                session, viewer, where, after_id=after_id, limit=size, now=now
            )
            matched = await repository.count(session, viewer, where, now=now) if searched else None
        shown = rows[:size]
        if matched is not None:
            await record_name_search(context, matched)
        await record_identity_reads(context, (s.youth.id for s in shown if s.identity))

        async def count() -> int:
            if matched is not None:
                return matched
            async with context.sessions() as session:
                return await repository.count(session, viewer, where, now=now)

        return connection(
            shown,
            lambda seen: Youth.of(seen, cipher),
            after_id=after_id,
            has_next=len(rows) > size,
            count=count,
            key=lambda seen: [seen.youth.id],
        )
