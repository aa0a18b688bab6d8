"""Placing actors in the commune their coordinates fall in.

An actor's territory may be its province (or region) or its commune; with coordinates,
the commune is computed from them, and the province (or region) the actor names must
hold it, or the write is refused. Without coordinates the actor keeps its territory.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.database import Base
from network.enums import TerritoryLevel
from network.errors import InvalidInput
from network.territories import geometry
from network.territories.models import Territory


@dataclass(frozen=True)
class Place:
    id: int
    level: TerritoryLevel
    parent_id: int | None
    path: str
    name: str


def _place(territory: Territory) -> Place:
    name = territory.names.get("fr") or territory.code
    return Place(territory.id, territory.level, territory.parent_id, territory.path, name)


def _anchor(territory: Place, by_id: dict[int, Place]) -> Place:
    """The province a commune lies in; a province or region is its own anchor."""
    if territory.level == TerritoryLevel.COMMUNE and territory.parent_id in by_id:
        return by_id[territory.parent_id]
    return territory


def placed(territory: Place, commune: Place | None, by_id: dict[int, Place]) -> Place | None:
    """The commune when ``territory``'s province (or region) holds it; None when it does
    not; ``territory`` itself when the point is in no commune."""
    if commune is None:
        return territory
    return commune if commune.path.startswith(_anchor(territory, by_id).path) else None


async def commune_for(
    session: AsyncSession, territory_id: int, latitude: float, longitude: float
) -> int:
    """The territory an actor at the point, naming ``territory_id``, is stored under."""
    code = geometry.commune_at(latitude, longitude)
    codes = [code] if code else []
    rows = await session.scalars(
        select(Territory).where(
            (Territory.id == territory_id)
            | Territory.code.in_(codes)
            | Territory.id.in_(select(Territory.parent_id).where(Territory.id == territory_id))
        )
    )
    by_id = {t.id: _place(t) for t in rows}
    commune = next((p for p in by_id.values() if code and p.path.endswith(f"/{code}/")), None)
    result = placed(by_id[territory_id], commune, by_id)
    if result is None:
        assert commune is not None
        anchor = _anchor(by_id[territory_id], by_id)
        raise InvalidInput(
            f"the location lies in {commune.name}, outside {anchor.name}; "
            "correct the location or the territory",
            field=["location"],
        )
    return result.id


async def place_actors(session: AsyncSession) -> tuple[int, int]:
    """Move every actor with coordinates to its commune (``jisr db upgrade`` runs it);
    those whose province contradicts their coordinates keep their territory. Returns
    (moved, contradicting)."""
    by_id = {t.id: _place(t) for t in (await session.scalars(select(Territory))).all()}
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
