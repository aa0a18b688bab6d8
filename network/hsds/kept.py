"""What of an HSDS publication Jisr keeps: every other table and field is named, with
its count of rows, in the import report, never dropped silently.

A service area's ``extent`` is not stored: a Jisr territory (named by its ISO 3166-2 URN)
derives its extent from the territory's boundary, so there it goes unreported; an
extent of any other area is reported as not kept."""

from __future__ import annotations

from network.actors.fields import PLAIN as ACTOR_FIELDS
from network.hsds.tables import Row, Tables
from network.hsds.vocabulary import TERRITORY_URN


def _plain(table: str) -> set[str]:
    """The properties of ``table`` that the actor's plain fields hold."""
    return {f.hsds[1] for f in ACTOR_FIELDS if f.hsds and f.hsds[0] == table}


KEPT: dict[str, set[str]] = {
    "organization": {"id", "name", "description", "parent_organization_id"}
    | _plain("organization"),
    "service": {"id", "organization_id", "name", "description", "status", "minimum_age"}
    | {"maximum_age", "eligibility_description", "assured_date", "last_modified"}
    | {"fees_description", "alternate_name"},
    "location": {"id", "organization_id", "location_type", "latitude", "longitude"}
    | {"external_identifier", "external_identifier_type", "name"},
    "address": {"id", "location_id", "address_1", "address_2", "city", "state_province"}
    | {"region", "country", "address_type"}
    | _plain("address"),
    "phone": {"id", "organization_id", "number"},
    "contact": {"id", "organization_id", "email"},
    "language": {"id", "service_id", "location_id", "code", "name"},
    "service_at_location": {"id", "service_id", "location_id"},
    "service_area": {"id", "service_id", "name", "uri"},
    "attribute": {"id", "link_id", "taxonomy_term_id", "link_type", "link_entity"},
    "taxonomy_term": {"id", "code", "name", "description", "parent_id", "taxonomy_id"}
    | {"language", "term_uri", "taxonomy"},
    "taxonomy": {"id", "name", "description", "uri", "version"},
    "schedule": {"id", "service_id", "service_at_location_id", "description", "byday"}
    | {"opens_at", "closes_at"},
    "cost_option": {"id", "service_id", "option", "amount", "currency"},
    "required_document": {"id", "service_id", "document"},
    "accessibility": {"id", "location_id", "description", "details"},
    "jisr_service_detail": {"id", "service_id", "axis", "category_code", "genders"}
    | {"accepts_referrals", "response_days", "capacity_available", "capacity_total"}
    | {"capacity_updated", "accessibility"},
    "jisr_translation": {"id", "link_id", "link_entity", "field_name", "language", "value"},
}


def derived(name: str, row: Row) -> set[str]:
    """Fields of ``row`` Jisr derives again on export rather than keeps."""
    if name == "service_area" and str(row.values.get("uri") or "").startswith(TERRITORY_URN):
        return {"extent", "extent_type"}
    return set()


def not_kept(tables: Tables) -> list[str]:
    """Each table Jisr does not keep, and each field with values in a table it keeps."""
    lines = []
    for name, rows in sorted(tables.rows.items()):
        if not rows:
            continue
        kept = KEPT.get(name)
        if kept is None:
            lines.append(f"table {name}: {len(rows)} rows not kept")
            continue
        fields: dict[str, int] = {}
        for row in rows:
            derived_here = derived(name, row)
            for key, value in row.values.items():
                if key not in kept and key not in derived_here and value not in (None, "", [], {}):
                    fields[key] = fields.get(key, 0) + 1
        lines += [f"field {name}.{key}: not kept ({n} rows)" for key, n in sorted(fields.items())]
    return lines
