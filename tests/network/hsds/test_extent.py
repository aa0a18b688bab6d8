"""A service area's HSDS ``extent``: its territory's boundary as GeoJSON, down to a commune."""

from __future__ import annotations

from pathlib import Path

import orjson
from shapely.geometry import Point, shape
from sqlalchemy import insert, select

from network.actors.models import Actor
from network.database import create_engine, session_factory
from network.hsds.files import export_directory, import_directory
from network.services.models import Service, service_areas
from network.territories.geometry import centroid
from network.territories.models import Territory
from tests.api import test_settings as settings_for
from tests.network.hsds.official import errors, official

JNAN_EL_OUARD = "MA-FES-001-009"


async def serve_in_commune(url: str, code: str) -> str:
    """Give an active service of a Fès actor the commune ``code`` as its area; its name."""
    engine = create_engine(url, null_pool=True)
    async with session_factory(engine)() as session, session.begin():
        commune = await session.scalar(select(Territory).where(Territory.code == code))
        assert commune is not None
        service = await session.scalar(
            select(Service)
            .join(Actor, Actor.id == Service.actor_id)
            .where(Service.active, Actor.active, Actor.territory_id == commune.id)
            .order_by(Service.id)
            .limit(1)
        )
        assert service is not None
        await session.execute(
            insert(service_areas).values(service_id=service.id, territory_id=commune.id)
        )
        name = service.names["fr"]
    await engine.dispose()
    return name


async def test_a_service_area_in_a_commune_exports_the_commune_s_boundary(
    db_url: str, tmp_path: Path
) -> None:
    # given a Fès service whose area is the arrondissement of Jnan El Ouard
    name = await serve_in_commune(db_url, JNAN_EL_OUARD)
    settings = settings_for(db_url, tmp_path / "var")

    # when the directory is exported as HSDS JSON
    await export_directory(settings, tmp_path / "out", fmt="json", lang="fr")
    services = orjson.loads((tmp_path / "out" / "services.json").read_bytes())

    # then that area's extent is GeoJSON text holding the commune's centroid, and the
    # records still pass the official schema strictly
    ((service, area),) = [
        (s, a)
        for s in services
        for a in s.get("service_areas", [])
        if a["uri"].endswith(JNAN_EL_OUARD)
    ]
    assert service["name"] == name
    assert area["extent_type"] == "geojson"
    assert isinstance(area["extent"], str)
    polygon = shape(orjson.loads(area["extent"]))
    point = centroid(JNAN_EL_OUARD)
    assert point is not None
    assert polygon.is_valid and polygon.contains(Point(point[1], point[0]))
    assert not polygon.contains(Point(-6.84, 34.02))  # Rabat
    assert errors(official("service"), services)[:5] == []


async def test_an_exported_extent_is_derived_again_on_import_so_nothing_is_reported(
    db_url: str, tmp_path: Path
) -> None:
    # given the demo exported as a data package, with a commune among its service areas
    await serve_in_commune(db_url, JNAN_EL_OUARD)
    settings = settings_for(db_url, tmp_path / "var")
    await export_directory(settings, tmp_path / "out", fmt="datapackage", lang="fr")

    # when it is imported back (a dry run)
    report = await import_directory(settings, tmp_path / "out", dry_run=True)

    # then the extents of Jisr's own territories are derived again, so neither a change
    # nor a field not kept is reported
    assert report.errors == [] and report.changes == []
    assert [line for line in report.not_kept if "service_area" in line] == []
