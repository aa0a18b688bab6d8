"""Exporting to, and importing from, a folder: the composition of the HSDS pieces."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from network.database import create_engine, session_factory
from network.hsds.export import export_tables
from network.hsds.importer import ImportReport, Progress, import_tables
from network.hsds.nest import write_json
from network.hsds.package import read_package, write_package
from network.settings import Settings

Format = Literal["json", "datapackage"]


async def export_directory(settings: Settings, directory: Path, *, fmt: Format, lang: str) -> int:
    """Write the public directory to ``directory``; the number of services written."""
    engine = create_engine(settings.database_url, null_pool=True)
    try:
        async with session_factory(engine)() as session:
            tables = await export_tables(session, lang=lang)
    finally:
        await engine.dispose()
    if fmt == "json":
        write_json(tables, directory)
    else:
        write_package(tables, directory, lang=lang)
    return len(tables["service"])


async def import_directory(
    settings: Settings, path: Path, *, dry_run: bool, progress: Progress | None = None
) -> ImportReport:
    """Import the data package at ``path`` (its folder or its ``datapackage.json``)."""
    tables, language = read_package(path)
    lang = language or "fr"
    engine = create_engine(settings.database_url, null_pool=True)
    try:
        return await import_tables(
            session_factory(engine),
            tables,
            lang=lang,
            dry_run=dry_run,
            default_response_days=settings.default_response_days,
            progress=progress,
        )
    finally:
        await engine.dispose()
