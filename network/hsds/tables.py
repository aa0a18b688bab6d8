"""The HSDS 3.0 tables Jisr writes and reads: their files and the fields used of each.

Field names and CSV paths are HSDS's own (``schema/compiled/tabular.json``); Jisr uses a
subset of the fields. ``Tables`` is the one in-memory form that the exporter produces,
the writers serialise (JSON or data package) and the importer reads back, each row
knowing where it came from so that an error can name its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Value = str | int | float | None


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"
    format: str | None = None
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    fields: tuple[Field, ...]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _id(required: bool = True) -> Field:
    return Field("id", format="uuid", required=required)


def _ref(name: str) -> Field:
    return Field(name, format="uuid")


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "organization",
            "organizations.csv",
            (
                _id(),
                Field("name", required=True),
                Field("alternate_name"),
                Field("description", required=True),
                Field("email", format="email"),
                Field("website", format="uri"),
                _ref("parent_organization_id"),
            ),
        ),
        Table(
            "service",
            "services.csv",
            (
                _id(),
                _ref("organization_id"),
                Field("name", required=True),
                Field("alternate_name"),
                Field("description"),
                Field("status", required=True),
                Field("eligibility_description"),
                Field("minimum_age", "number"),
                Field("maximum_age", "number"),
                Field("assured_date"),
                Field("last_modified", format="date-time"),
            ),
        ),
        Table(
            "location",
            "locations.csv",
            (
                _id(),
                Field("location_type", required=True),
                _ref("organization_id"),
                Field("name"),
                Field("latitude", "number"),
                Field("longitude", "number"),
                Field("external_identifier"),
                Field("external_identifier_type"),
            ),
        ),
        Table(
            "address",
            "addresses.csv",
            (
                _id(),
                _ref("location_id"),
                Field("address_1", required=True),
                Field("city", required=True),
                Field("region"),
                Field("state_province", required=True),
                Field("postal_code", required=True),
                Field("country", required=True),
                Field("address_type", required=True),
            ),
        ),
        Table(
            "service_at_location",
            "service_at_locations.csv",
            (_id(), _ref("service_id"), _ref("location_id")),
        ),
        Table(
            "service_area",
            "service_areas.csv",
            (_id(), _ref("service_id"), Field("name"), Field("uri")),
        ),
        Table(
            "phone",
            "phones.csv",
            (
                _id(),
                _ref("organization_id"),
                _ref("contact_id"),
                Field("number", required=True),
                Field("type"),
            ),
        ),
        Table(
            "contact",
            "contacts.csv",
            (_id(), _ref("organization_id"), Field("name"), Field("email", format="email")),
        ),
        Table(
            "language",
            "languages.csv",
            (_id(), _ref("service_id"), _ref("location_id"), Field("name"), Field("code")),
        ),
        Table(
            "service_capacity",
            "service_capacities.csv",
            (
                _id(),
                _ref("service_id"),
                _ref("unit_id"),
                Field("available", "number", required=True),
                Field("maximum", "number"),
                Field("description"),
                Field("updated", format="date-time", required=True),
            ),
        ),
        Table(
            "unit",
            "units.csv",
            (_id(), Field("name", required=True), Field("scheme"), Field("identifier")),
        ),
        Table(
            "taxonomy",
            "taxonomies.csv",
            (
                _id(),
                Field("name", required=True),
                Field("description", required=True),
                Field("uri", format="uri"),
                Field("version"),
            ),
        ),
        Table(
            "taxonomy_term",
            "taxonomy_terms.csv",
            (
                _id(),
                Field("code"),
                Field("name", required=True),
                Field("description", required=True),
                _ref("parent_id"),
                _ref("taxonomy_id"),
                Field("language"),
            ),
        ),
        Table(
            "attribute",
            "attributes.csv",
            (
                _id(),
                _ref("link_id"),
                _ref("taxonomy_term_id"),
                Field("link_type"),
                Field("link_entity"),
                Field("value"),
            ),
        ),
    )
}


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
        self.rows[table].append(Row(values))

    def __getitem__(self, table: str) -> list[Row]:
        return self.rows[table]

    def sorted(self) -> Tables:
        """Every table ordered by id: the same data always serialises the same way."""
        return Tables(
            {name: sorted(rows, key=lambda r: str(r.get("id"))) for name, rows in self.rows.items()}
        )
