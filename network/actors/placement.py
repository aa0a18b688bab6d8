"""Actors moved to the commune their coordinates lie in."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.database import Base
from network.territories import geometry
from network.territories.models import Territory
from network.territories.placement import place_of, placed


async def place_actors(session: AsyncSession) -> tuple[int, int]:
    """Move every actor with coordinates to its commune (``jisr db upgrade`` runs it);
    those whose province contradicts their coordinates keep their territory. Returns
    (moved, contradicting)."""
    by_id = {t.id: place_of(t) for t in (await session.scalars(select(Territory))).all()}
    by_code = {p.path.rstrip("/").rsplit("/", 1)[-1]: p for p in by_id.values()}
    rows = await session.execute(
        select(Actor.id, Actor.territory_id, Actor.latitude, Actor.longitude).where(
            Actor.latitude.is_not(None), Actor.longitude.is_not(None)
        )
    )
    moves: list[dict[str, int]] = []
    contradicting = 0
    for actor_id, territory_id, latitude, longitude in rows.all():
        code = geometry.commune_at(latitude or 0.0, longitude or 0.0)
        result = placed(by_id[territory_id], by_code.get(code) if code else None, by_id)
        if result is None:
            contradicting += 1
        elif result.id != territory_id:
            moves.append({"moved_id": actor_id, "commune_id": result.id})
    if moves:  # a placement, not an edit: updated_at stays
        table = Base.metadata.tables["actors"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("moved_id"))
            .values(territory_id=bindparam("commune_id"), updated_at=table.c.updated_at)
        )
        await session.execute(statement, moves)
    return len(moves), contradicting
