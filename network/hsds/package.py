"""The tabular data package: ``datapackage.json`` and one CSV file per HSDS table."""

from __future__ import annotations

import csv
import io
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import orjson

from network.hsds.tables import TABLES, Row, Table, Tables
from network.hsds.vocabulary import HSDS_PROFILE, HSDS_VERSION


class PackageError(Exception):
    """The package cannot be read at all (no descriptor, unreadable file)."""


def descriptor(lang: str) -> dict[str, Any]:
    return {
        "name": "jisr-directory",
        "title": "Jisr directory (HSDS)",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "homepage": HSDS_PROFILE,
        "language": lang,
        "resources": [_resource(table) for table in TABLES.values()],
    }


def _resource(table: Table) -> dict[str, Any]:
    fields = []
    for field in table.fields:
        entry: dict[str, Any] = {"name": field.name, "type": field.type}
        if field.format:
            entry["format"] = field.format
        if field.required:
            entry["constraints"] = {"required": True}
        fields.append(entry)
    return {
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": fields, "primaryKey": "id"},
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_package(tables: Tables, directory: Path, *, lang: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "datapackage.json").write_bytes(
        orjson.dumps(descriptor(lang), option=orjson.OPT_INDENT_2) + b"\n"
    )
    for table in TABLES.values():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(table.field_names)
        for row in tables[table.name]:
            writer.writerow([_cell(row.values.get(name)) for name in table.field_names])
        (directory / table.path).write_text(buffer.getvalue(), encoding="utf-8")


def inside(directory: Path, given: object) -> Path:
    """The file a resource's ``path`` names, when it lies inside the package's folder: a
    relative path without ``..``, and no symbolic link leading out of the folder."""
    if not isinstance(given, str) or not given or "\x00" in given:
        raise PackageError(f"resource path {given!r}: a relative file path is expected")
    relative = PurePosixPath(given)
    if (
        relative.is_absolute()
        or PureWindowsPath(given).is_absolute()
        or PureWindowsPath(given).drive
        or ".." in relative.parts
        or "\\" in given
        or ":" in given
    ):
        raise PackageError(f"resource path {given!r}: must stay inside the package")
    file = directory / relative
    if file.is_symlink() or not file.resolve().is_relative_to(directory):
        raise PackageError(f"resource path {given!r}: must stay inside the package")
    return file


def read_package(path: Path) -> tuple[Tables, str]:
    """The tables of the package at ``path`` (its folder or its ``datapackage.json``)
    and the language of its texts. Each row's source is ``file:line``."""
    descriptor_path = path / "datapackage.json" if path.is_dir() else path
    try:
        package = orjson.loads(descriptor_path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        raise PackageError(f"{descriptor_path}: {error}") from None
    if not isinstance(package, dict):
        raise PackageError(f"{descriptor_path}: not a data package descriptor")
    directory = descriptor_path.parent.resolve()
    tables = Tables()
    for resource in package.get("resources", []):
        name = resource.get("name") if isinstance(resource, dict) else None
        if name not in TABLES:
            continue
        file = inside(directory, resource.get("path", TABLES[name].path))
        if not file.exists():
            continue
        with file.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for values in reader:
                tables[name].append(Row(dict(values), f"{file.name}:{reader.line_num}"))
    return tables, str(package.get("language") or "fr")
