"""The network of actors in a territory: who refers to whom, who is left out, who brokers.

Nodes are the active actors lying in the territory. A link is an ordered pair of them
with at least one referral of the scope from the first to the second; density is links
over the ``n × (n − 1)`` possible ones. Isolated: active actors accepting referrals that
neither sent nor received a referral of the scope. Brokers: actors of the territory with
their partners (distinct actors they exchanged referrals of the scope with, anywhere)
and the referrals they redirected onward; most redirected first, then most partners.
"""

from __future__ import annotations

from sqlalchemy import Integer, Select, Table, distinct, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.metrics.figures import MAX_LISTED, Centrality, NetworkFigures
from network.metrics.scope import Scope, actors_in


def _active_actors(scope: Scope) -> Select[int]:
    return actors_in(scope.territory_path).where(Actor.active.is_(True))


async def network_figures(session: AsyncSession, scoped: Table, scope: Scope) -> NetworkFigures:
    c = scoped.c
    nodes = _active_actors(scope)
    actors = int(await session.scalar(select(func.count()).select_from(nodes.subquery())) or 0)
    pairs = (
        select(c.from_actor_id, c.to_actor_id)
        .where(
            c.from_actor_id != c.to_actor_id,
            c.from_actor_id.in_(nodes),
            c.to_actor_id.in_(nodes),
        )
        .distinct()
        .subquery("pairs")
    )
    links = int(await session.scalar(select(func.count()).select_from(pairs)) or 0)

    involved = union_all(
        select(c.from_actor_id.label("actor_id")), select(c.to_actor_id.label("actor_id"))
    )
    isolated = await session.scalars(
        _active_actors(scope)
        .where(Actor.accepts_referrals.is_(True), Actor.id.not_in(involved))
        .order_by(Actor.id)
        .limit(MAX_LISTED)
    )
    possible = actors * (actors - 1)
    return NetworkFigures(
        actors=actors,
        active_links=links,
        density=links / possible if possible else None,
        isolated_actor_ids=list(isolated),
        top_brokers=await _brokers(session, scoped, scope),
    )


async def _brokers(session: AsyncSession, scoped: Table, scope: Scope) -> list[Centrality]:
    c = scoped.c
    exchanges = union_all(
        select(
            c.from_actor_id.label("actor_id"),
            c.to_actor_id.label("partner_id"),
            literal(0, Integer).label("brokered"),
        ),
        select(c.to_actor_id, c.from_actor_id, c.redirected),
    ).subquery("exchanges")
    e = exchanges.c
    partners = func.count(distinct(e.partner_id))
    brokered = func.sum(e.brokered)
    statement = (
        select(e.actor_id, partners.label("partners"), brokered.label("brokered"))
        .where(e.actor_id != e.partner_id)
        .group_by(e.actor_id)
    )
    if scope.territory_path is not None:
        statement = statement.where(e.actor_id.in_(actors_in(scope.territory_path)))
    rows = await session.execute(
        statement.order_by(brokered.desc(), partners.desc(), e.actor_id).limit(MAX_LISTED)
    )
    return [
        Centrality(actor_id=row.actor_id, partners=row.partners, referrals_brokered=row.brokered)
        for row in rows
    ]
