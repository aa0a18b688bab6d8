"""Exporting to, and importing from, a folder, a file or an HSDS API: the composition of
the HSDS pieces."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from sqlalchemy import select

from network.database import create_engine, session_factory
from network.enums import ServiceAxis
from network.hsds.export import export_tables
from network.hsds.importer import ImportReport, Progress, import_tables
from network.hsds.json_source import read_api, read_json_file
from network.hsds.mapping import Mapping
from network.hsds.nest import write_json
from network.hsds.package import PackageError, read_package, write_package
from network.hsds.placing import Options
from network.hsds.tables import Tables
from network.settings import Settings
from network.taxonomy.models import TaxonomyTerm

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


def is_url(source: Path | str) -> bool:
    return isinstance(source, str) and source.startswith(("http://", "https://"))


async def read_source(source: Path | str) -> tuple[Tables, str | None]:
    """The tables of a data package (its folder or ``datapackage.json``), an HSDS JSON
    file (services or organizations) or an HSDS API (its base URL), and the language
    the source says its texts are in (only a package can say it)."""
    if is_url(source):
        return await read_api(str(source)), None
    return _read_local(Path(source))


def _read_local(path: Path) -> tuple[Tables, str | None]:
    if path.is_file() and path.name != "datapackage.json" and path.suffix == ".json":
        return read_json_file(path), None
    return read_package(path)


async def import_directory(
    settings: Settings,
    source: Path | str,
    *,
    dry_run: bool,
    progress: Progress | None = None,
    lang: str | None = None,
    strict: bool = True,
    mapping: Path | None = None,
    province: str | None = None,
) -> ImportReport:
    """Import ``source`` (see ``read_source``) in ``lang``, else the language it says."""
    tables, said = await read_source(source)
    language = lang or said
    if language is None:
        raise PackageError(f"{source}: it does not say the language of its texts: give --lang")
    engine = create_engine(settings.database_url, null_pool=True)
    try:
        sessions = session_factory(engine)
        loaded = None
        if mapping is not None:
            async with sessions() as session:
                codes = set(await session.scalars(select(TaxonomyTerm.code)))
            loaded = Mapping.load(mapping, codes | set(ServiceAxis.__members__))
        return await import_tables(
            sessions,
            tables,
            lang=language,
            dry_run=dry_run,
            default_response_days=settings.default_response_days,
            progress=progress,
            strict=strict,
            options=Options(loaded, province),
        )
    finally:
        await engine.dispose()
