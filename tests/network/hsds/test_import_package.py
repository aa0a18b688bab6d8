"""Importing data packages written by hand, as another HSDS tool would."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from network.actors.models import Actor
from network.database import create_engine, session_factory
from network.hsds.files import import_directory
from network.hsds.models import HsdsLink
from network.services.models import Service, service_areas
from tests.api import test_settings as settings_for

DATA = Path(__file__).parent / "data"


async def counts(url: str) -> tuple[int, ...]:
    engine = create_engine(url, null_pool=True)
    async with session_factory(engine)() as session:
        result = tuple(
            [
                (await session.execute(select(func.count()).select_from(table))).scalar_one()
                for table in (Actor, Service, HsdsLink, service_areas)
            ]
        )
    await engine.dispose()
    return result


async def test_a_valid_package_is_imported_once(db_url: str, tmp_path: Path) -> None:
    # given the demo network and a hand-written package of two actors and two services
    settings = settings_for(db_url, tmp_path / "var")
    before = await counts(db_url)

    # when it is dry-run, imported, then imported again
    dry = await import_directory(settings, DATA / "valid", dry_run=True)
    after_dry = await counts(db_url)
    first = await import_directory(settings, DATA / "valid", dry_run=False)
    second = await import_directory(settings, DATA / "valid", dry_run=False)

    # then the dry run told what the import then did, and the second import changed nothing
    assert dry.errors == [] and after_dry == before
    assert dry.changes == first.changes
    assert sorted(first.changes)[0].startswith("create organization a1000000")
    assert first.created == {"organization": 2, "service": 2}
    assert not second.changed_anything
    assert await counts(db_url) == (before[0] + 2, before[1] + 2, before[2] + 4, before[3] + 1)


async def test_imported_texts_and_places_land_where_jisr_keeps_them(
    db_url: str, tmp_path: Path
) -> None:
    # given the valid package imported
    settings = settings_for(db_url, tmp_path / "var")
    await import_directory(settings, DATA / "valid", dry_run=False)

    # when its records are read back
    engine = create_engine(db_url, null_pool=True)
    async with session_factory(engine)() as session:
        nour = await session.scalar(select(Actor).where(Actor.acronym == "ANR"))
        workshop = await session.scalar(
            select(Service).where(Service.sort_fr == "atelier de recherche d'emploi")
        )
    await engine.dispose()

    # then French names, the Arabic alternate name, the axis and ages are kept
    assert nour is not None and workshop is not None
    assert nour.names == {"fr": "Association Nour Rabat"}
    assert (nour.latitude, nour.longitude) == (34.02, -6.84)
    assert workshop.names == {"fr": "Atelier de recherche d'emploi", "ar": "ورشة البحث عن عمل"}
    assert (workshop.axis, workshop.min_age, workshop.max_age) == ("EMPLOYMENT", 18, 30)
    assert workshop.actor_id == nour.id


async def test_bad_rows_are_named_and_nothing_is_imported(db_url: str, tmp_path: Path) -> None:
    # given a package with one good actor and service, and bad rows
    settings = settings_for(db_url, tmp_path / "var")
    before = await counts(db_url)

    # when it is imported for real
    report = await import_directory(settings, DATA / "faulty", dry_run=False)

    # then each bad row is reported with its file and line, and the database is unchanged
    assert sorted(str(e) for e in report.errors) == [
        "organizations.csv:3: no Moroccan province: give the location an ISO 3166-2"
        " external_identifier, the address a province name or coordinates in Morocco,"
        " or the import a default province (--province)",
        "organizations.csv:4: email: not an email address",
        "service_areas.csv:2: service area 'Atlantide': no such territory",
        "services.csv:3: organization_id: no organization a2000000-0000-4000-8000-000000000009",
        "services.csv:4: no Jisr axis or category among its taxonomy terms: give the import"
        " a mapping file (--mapping) with the service's terms or a default",
        "services.csv:5: minimum_age: not a number ('dix-huit')",
    ]
    assert await counts(db_url) == before
