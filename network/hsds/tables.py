"""The HSDS 3.0 tables Jisr writes and reads, and Jisr's profile tables beside them.

The core tables are the official ``datapackage.json``'s (shipped in ``official/``):
their names, CSV files and fields in the official order. The profile's tables
(``profile/*.json``, HSDS-style schemas) hold what HSDS 3.0 has no field for.
``Tables`` is the one in-memory form that the exporter produces, the writers
serialise (JSON or data package) and the importer reads back, each row knowing where
it came from so that an error can name its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson

OFFICIAL = Path(__file__).parent / "official"
PROFILE = Path(__file__).parent / "profile"
PROFILE_TABLES = ("jisr_service_detail", "jisr_translation")


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    fields: tuple[str, ...]
    profile: bool = False

    @property
    def field_names(self) -> list[str]:
        return list(self.fields)


@cache
def official_descriptor() -> dict[str, Any]:
    """The official ``datapackage.json`` of HSDS 3.0."""
    return orjson.loads((OFFICIAL / "datapackage.json").read_bytes())  # type: ignore[no-any-return]


@cache
def profile_schema(name: str) -> dict[str, Any]:
    """One of the profile's schemas (``profile/NAME.json``)."""
    return orjson.loads((PROFILE / f"{name}.json").read_bytes())  # type: ignore[no-any-return]


def _tables() -> dict[str, Table]:
    tables = {
        r["name"]: Table(r["name"], r["path"], tuple(f["name"] for f in r["schema"]["fields"]))
        for r in official_descriptor()["resources"]
    }
    for name in PROFILE_TABLES:
        schema = profile_schema(name)
        tables[name] = Table(name, schema["path"], tuple(schema["properties"]), profile=True)
    return tables


TABLES: dict[str, Table] = _tables()


@dataclass
class Row:
    """One record of one table, and where it was read from (file and line), if read."""

    values: dict[str, Any]
    source: str | None = None

    def get(self, name: str) -> Any:
        value = self.values.get(name)
        return None if value == "" else value

    def text(self, name: str) -> str | None:
        value = self.get(name)
        return None if value is None else str(value).strip() or None


@dataclass
class Tables:
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLES})

    def add(self, table: str, **values: Any) -> None:
        """A row; None and empty values are left out (HSDS omits what it does not know)."""
        self.rows[table].append(Row({k: v for k, v in values.items() if v not in (None, "")}))

    def __getitem__(self, table: str) -> list[Row]:
        return self.rows[table]

    def sorted(self) -> Tables:
        """Every table ordered by id (a service's documents by service, in their order):
        the same data always serialises the same way."""
        return Tables({name: _ordered(name, rows) for name, rows in self.rows.items()})


_SORT_KEYS = {"required_document": "service_id"}


def _ordered(table: str, rows: list[Row]) -> list[Row]:
    key = _SORT_KEYS.get(table, "id")
    return sorted(rows, key=lambda row: str(row.get(key)))
