"""The tabular data package: the official ``datapackage.json`` with the profile's tables
added, and one CSV file per table (every official table, even empty, as the official
descriptor lists them)."""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import orjson

from network.hsds.tables import (
    PROFILE_TABLES,
    TABLES,
    Row,
    Tables,
    official_descriptor,
    profile_schema,
)
from network.hsds.vocabulary import HSDS_PROFILE

_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
_FORMATS = {"date-time": "datetime", "date": "date", "time": "time"}


class PackageError(Exception):
    """The package cannot be read at all (no descriptor, unreadable file)."""


def profile_resource(name: str) -> dict[str, Any]:
    """The data package resource of one of the profile's tables, as its schema defines it."""
    schema = profile_schema(name)
    fields = []
    for prop in schema["properties"].values():
        entry: dict[str, Any] = {
            "name": prop["name"],
            "type": _FORMATS.get(prop.get("format", ""), _TYPES[prop["type"]]),
            "title": prop["title"],
            "description": prop["description"],
        }
        if prop.get("format") in ("uuid", "uri", "email"):
            entry["format"] = prop["format"]
        constraints: dict[str, Any] = {"required": prop["name"] in schema["required"]}
        if prop["name"] == "id":
            constraints["unique"] = True
        if "enum" in prop:
            constraints["enum"] = prop["enum"]
        entry["constraints"] = constraints
        fields.append(entry)
    return {
        "name": schema["name"],
        "path": schema["path"],
        "description": schema["description"],
        "format": "csv",
        "mediatype": "text/csv",
        "profile": "tabular-data-resource",
        "schema": {"primaryKey": "id", "fields": fields},
    }


def descriptor(lang: str | None = None) -> dict[str, Any]:
    """The official descriptor, naming Jisr's profile, with the profile's tables added."""
    package = copy.deepcopy(official_descriptor())
    package["hsds_profile"] = HSDS_PROFILE
    if lang is not None:
        package["language"] = lang
    package["resources"] += [profile_resource(name) for name in PROFILE_TABLES]
    return package


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
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


def resource_file(directory: Path, resource: dict[str, Any]) -> Path | None:
    """The CSV file of a resource of the package in ``directory`` (None: no file).

    Every path the import reads goes through here, and so through ``inside``."""
    path = resource.get("path")
    if path is None:
        return None
    file = inside(directory, path)
    return file if file.is_file() else None


def read_package(path: Path) -> tuple[Tables, str | None]:
    """The tables of the package at ``path`` (its folder or its ``datapackage.json``),
    every one of them, and its language if it says one. Each row's source is
    ``file:line``."""
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
        if not isinstance(resource, dict):
            continue
        name = str(resource.get("name"))
        file = resource_file(directory, resource)
        if file is None:
            continue
        rows = tables.rows.setdefault(name, [])
        with file.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for values in reader:
                rows.append(Row(dict(values), f"{file.name}:{reader.line_num}"))
    language = package.get("language")
    return tables, str(language) if language else None
