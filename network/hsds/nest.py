"""HSDS JSON: the tables nested as ``schema/compiled/*.json`` defines organizations,
services and taxonomy terms (children lose the key that points at their parent), and
the profile's tables as lists of records beside them."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from network.hsds.tables import PROFILE_TABLES, TABLES, Row, Tables

Json = dict[str, Any]


class Nester:
    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._index: dict[tuple[str, str], dict[Any, list[Row]]] = {}
        self.terms = {r.get("id"): r for r in tables["taxonomy_term"]}
        self.taxonomies = {r.get("id"): r for r in tables["taxonomy"]}
        self.locations = {r.get("id"): r for r in tables["location"]}
        self.organizations = {r.get("id"): r for r in tables["organization"]}

    def children(self, table: str, key: str, parent_id: Any) -> list[Json]:
        index = self._index.get((table, key))
        if index is None:
            index = defaultdict(list)
            for row in self.tables[table]:
                index[row.get(key)].append(row)
            self._index[(table, key)] = index
        return [plain(row, drop=key) for row in index.get(parent_id, [])]

    def attributes(self, link_id: str) -> list[Json]:
        result = []
        for attribute in self.children("attribute", "link_id", link_id):
            term = self.terms.get(attribute["taxonomy_term_id"])
            if term is not None:
                attribute["taxonomy_term"] = self.taxonomy_term(term)
            result.append(attribute)
        return result

    def taxonomy_term(self, row: Row) -> Json:
        term = plain(row)
        taxonomy = self.taxonomies.get(row.get("taxonomy_id"))
        if taxonomy is not None:
            term["taxonomy_detail"] = plain(taxonomy)
        return term

    def location(self, row: Row) -> Json:
        location = plain(row)
        _put(location, "addresses", self.children("address", "location_id", row.get("id")))
        _put(location, "languages", self.children("language", "location_id", row.get("id")))
        return location

    def organization(self, row: Row) -> Json:
        org_id = row.get("id")
        organization = plain(row)
        _put(organization, "phones", self.children("phone", "organization_id", org_id))
        _put(organization, "contacts", self.children("contact", "organization_id", org_id))
        _put(
            organization,
            "locations",
            [
                self.location(self.locations[loc["id"]])
                for loc in self.children("location", "organization_id", org_id)
            ],
        )
        _put(organization, "attributes", self.attributes(org_id))
        return organization

    def service(self, row: Row) -> Json:
        svc_id = row.get("id")
        service = plain(row)
        org = self.organizations.get(row.get("organization_id"))
        if org is not None:
            service["organization"] = plain(org)
        links = self.children("service_at_location", "service_id", svc_id)
        for link in links:
            location = self.locations.get(link.pop("location_id"))
            if location is not None:
                link["location"] = self.location(location)
        _put(service, "service_at_locations", links)
        _put(service, "service_areas", self.children("service_area", "service_id", svc_id))
        _put(service, "languages", self.children("language", "service_id", svc_id))
        _put(service, "schedules", self.children("schedule", "service_id", svc_id))
        docs = self.children("required_document", "service_id", svc_id)
        _put(service, "required_documents", docs)
        _put(service, "attributes", self.attributes(svc_id))
        return service


def plain(row: Row, drop: str | None = None) -> Json:
    return {k: v for k, v in row.values.items() if k != drop and v not in (None, "")}


def _put(record: Json, key: str, values: list[Json]) -> None:
    """A list of related records, left out when there is none."""
    if values:
        record[key] = values


def profile_records(tables: Tables, name: str) -> list[Json]:
    return [plain(row) for row in tables[name]]


def write_json(tables: Tables, directory: Path) -> None:
    """``organizations.json``, ``services.json``, ``taxonomies.json``, ``taxonomy_terms.json``,
    and the profile's ``jisr_service_details.json`` and ``jisr_translations.json``."""
    directory.mkdir(parents=True, exist_ok=True)
    nester = Nester(tables)
    documents = {
        "organizations.json": [nester.organization(r) for r in tables["organization"]],
        "services.json": [nester.service(r) for r in tables["service"]],
        "taxonomies.json": [plain(r) for r in tables["taxonomy"]],
        "taxonomy_terms.json": [nester.taxonomy_term(r) for r in tables["taxonomy_term"]],
    }
    for name in PROFILE_TABLES:
        documents[TABLES[name].path.replace(".csv", ".json")] = profile_records(tables, name)
    for name, document in documents.items():
        (directory / name).write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
