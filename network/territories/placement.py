"""Placing actors in the commune their coordinates fall in.

An actor's territory may be its province (or region) or its commune; with coordinates,
the commune is computed from them, and the province (or region) the actor names must
hold it, or the write is refused. Without coordinates the actor keeps its territory.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

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


def place_of(territory: Territory) -> Place:
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
    by_id = {t.id: place_of(t) for t in rows}
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
