"""The demo network exported, imported into an empty database and exported again."""

from __future__ import annotations

import csv
import filecmp
import io
import re
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import create_async_engine

from network.actors.models import Actor
from network.hsds.files import export_directory, import_directory
from network.migrate import upgrade
from tests.api import test_settings as settings_for
from tests.databases import Databases
from tests.demo_data import ACTIVE_ACTORS, PUBLIC_SERVICES


def same_files(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    return comparison.diff_files + comparison.left_only + comparison.right_only


async def test_export_import_export_gives_the_same_package(
    databases: Databases, db_url: str, tmp_path: Path
) -> None:
    # given the demo network exported, and an empty database
    demo = settings_for(db_url, tmp_path / "var")
    await export_directory(demo, tmp_path / "first", fmt="datapackage", lang="fr")
    empty_url = await databases.create_empty()
    await upgrade(empty_url)
    empty = settings_for(empty_url, tmp_path / "var")

    # when the package is imported there, twice, and exported again
    first = await import_directory(empty, tmp_path / "first", dry_run=False)
    second = await import_directory(empty, tmp_path / "first" / "datapackage.json", dry_run=False)
    await export_directory(empty, tmp_path / "second", fmt="datapackage", lang="fr")

    # then the first import created every public actor and service, the second changed
    # nothing, and both exports hold the same bytes
    assert first.errors == []
    assert (first.created["organization"], first.created["service"]) == (
        len(ACTIVE_ACTORS),
        len(PUBLIC_SERVICES),
    )
    assert not second.changed_anything
    assert second.unchanged == first.created
    assert same_files(tmp_path / "first", tmp_path / "second") == []


async def test_the_demo_export_imported_into_the_demo_changes_nothing(
    db_url: str, tmp_path: Path
) -> None:
    # given the demo network's own export
    settings = settings_for(db_url, tmp_path / "var")
    await export_directory(settings, tmp_path / "out", fmt="datapackage", lang="ar")

    # when it is imported back (a dry run, so it reports what it would do)
    report = await import_directory(settings, tmp_path / "out", dry_run=True)

    # then every record is recognised by its published id and nothing would change
    assert report.errors == []
    assert report.changes == []
    assert report.unchanged["service"] == len(PUBLIC_SERVICES)


async def test_locations_name_their_province_by_its_iso_code_and_its_region(
    db_url: str, tmp_path: Path
) -> None:
    # given the demo network, whose actors sit in communes, exported
    settings = settings_for(db_url, tmp_path / "var")
    await export_directory(settings, tmp_path / "out", fmt="datapackage", lang="fr")
    locations = list(
        csv.DictReader(io.StringIO((tmp_path / "out" / "locations.csv").read_text("utf-8")))
    )
    addresses = list(
        csv.DictReader(io.StringIO((tmp_path / "out" / "addresses.csv").read_text("utf-8")))
    )

    # then each location's identifier is a province's ISO 3166-2 code (MA-FES, not a commune)
    codes = {row["external_identifier"] for row in locations}
    assert len(locations) == 75
    assert all(re.fullmatch(r"MA-[A-Z]{3}", code) for code in codes), sorted(codes)[:5]
    assert {row["external_identifier_type"] for row in locations} == {"ISO 3166-2"}
    # and an address names the province and its region, as the reference data does
    fes = [row for row in addresses if row["state_province"] == "Fès"]
    assert fes and {row["region"] for row in fes} == {"Fès-Meknès"}


async def test_a_legal_status_goes_out_and_comes_back(
    databases: Databases, db_url: str, tmp_path: Path
) -> None:
    # given a demo actor with a legal status, exported as a package
    engine = create_async_engine(db_url)
    async with engine.begin() as connection:
        await connection.execute(
            update(Actor).where(Actor.id == 1).values(legal_status="Coopérative")
        )
    await engine.dispose()
    demo = settings_for(db_url, tmp_path / "var")
    await export_directory(demo, tmp_path / "out", fmt="datapackage", lang="fr")
    empty_url = await databases.create_empty()
    await upgrade(empty_url)

    # when the package is imported into an empty database
    report = await import_directory(
        settings_for(empty_url, tmp_path / "var"), tmp_path / "out", dry_run=False
    )

    # then the organization kept it, and HSDS has nothing of it left unkept
    engine = create_async_engine(empty_url)
    async with engine.connect() as connection:
        statuses = list(
            await connection.scalars(
                select(Actor.legal_status).where(Actor.legal_status.is_not(None))
            )
        )
    await engine.dispose()
    assert report.errors == []
    assert statuses == ["Coopérative"]
    assert not any("legal_status" in line for line in report.not_kept)
