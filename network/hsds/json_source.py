"""HSDS 3.0 JSON (the canonical serialisation) read into tables: a file or an API.

A document is a list of records, one record, or a page of the read API (its
``contents``); records are services or organizations, nested as the compiled schemas
nest them. Each nested record becomes a row of its table, given the key to its
parent that nesting leaves out. An API base URL is read page by page (``/services``
and ``/organizations``, ``full=true``) until its last page.
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from network.hsds.package import PackageError
from network.hsds.tables import Row, Tables

# key in a record -> the table of the records nested there; each points back at the record
# by the field "<record's table>_id"
_CHILDREN: dict[str, dict[str, str]] = {
    "organization": {
        "phones": "phone",
        "contacts": "contact",
        "locations": "location",
        "programs": "program",
        "funding": "funding",
        "organization_identifiers": "organization_identifier",
        "services": "service",
    },
    "service": {
        "phones": "phone",
        "schedules": "schedule",
        "service_areas": "service_area",
        "service_at_locations": "service_at_location",
        "languages": "language",
        "funding": "funding",
        "cost_options": "cost_option",
        "required_documents": "required_document",
        "contacts": "contact",
    },
    "service_at_location": {"contacts": "contact", "phones": "phone", "schedules": "schedule"},
    "location": {
        "languages": "language",
        "addresses": "address",
        "contacts": "contact",
        "accessibility": "accessibility",
        "phones": "phone",
        "schedules": "schedule",
    },
    "contact": {"phones": "phone"},
    "phone": {"languages": "language"},
}
# key in a record -> (the table of the one record nested there, the record's field naming it)
_REFERENCED: dict[str, dict[str, tuple[str, str]]] = {
    "service": {
        "organization": ("organization", "organization_id"),
        "program": ("program", "program_id"),
    },
    "service_at_location": {
        "location": ("location", "location_id"),
        "service": ("service", "service_id"),
    },
    "attribute": {"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")},
    "taxonomy_term": {"taxonomy_detail": ("taxonomy", "taxonomy_id")},
}


def _nesting(table: str, key: str) -> tuple[str, str | None, str | None]:
    """Where the records under ``key`` of a ``table`` record go: their table, their field
    pointing back at the record, and the record's field pointing at them."""
    if key == "attributes":
        return "attribute", "link_id", None
    if key == "metadata":
        return "metadata", "resource_id", None
    if key in _CHILDREN.get(table, {}):
        return _CHILDREN[table][key], f"{table}_id", None
    if key in _REFERENCED.get(table, {}):
        referenced, link = _REFERENCED[table][key]
        return referenced, None, link
    return key, None, None


class Flattener:
    def __init__(self, tables: Tables, source: str) -> None:
        self.tables = tables
        self.source = source
        self.seen: dict[tuple[str, str], Row] = {}

    def add(self, table: str, record: dict[str, Any], where: str) -> None:
        values: dict[str, Any] = {}
        nested: list[tuple[str, Any]] = []
        for key, value in record.items():
            if isinstance(value, dict | list) and key not in ("extent",):
                nested.append((key, value))
            else:
                values[key] = value
        for key, value in nested:
            child_table, back, link = _nesting(table, key)
            children = value if isinstance(value, list) else [value]
            for index, child in enumerate(children):
                if not isinstance(child, dict):
                    continue
                if back is not None and record.get("id") is not None:
                    child = {back: record["id"], **child}
                if link and child.get("id") is not None:
                    values.setdefault(link, child["id"])
                self.add(child_table, child, f"{where}.{key}[{index}]")
        identity = (table, str(values.get("id")))
        known = self.seen.get(identity) if values.get("id") is not None else None
        if known is not None:
            for key, value in values.items():
                known.values.setdefault(key, value)
            return
        row = Row(values, f"{self.source}:{where}")
        self.seen[identity] = row
        self.tables.rows.setdefault(table, []).append(row)


def _records(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        document = document["contents"]
    if isinstance(document, dict):
        document = [document]
    if not isinstance(document, list) or not all(isinstance(r, dict) for r in document):
        raise PackageError("not HSDS JSON: a record, a list of records or a page of them")
    return document


def _table_of(record: dict[str, Any]) -> str:
    """A service has a status; an organization has none (and may hold services)."""
    return "service" if "status" in record or "service_at_locations" in record else "organization"


def flatten(document: Any, source: str, flattener: Flattener | None = None) -> Tables:
    """The records of ``document`` as rows (added to ``flattener``'s tables, where a
    record met again completes the one met first)."""
    flattener = flattener or Flattener(Tables(), source)
    flattener.source = source
    for index, record in enumerate(_records(document)):
        flattener.add(_table_of(record), record, f"[{index}]")
    return flattener.tables


def read_json_file(path: Any) -> Tables:
    try:
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        raise PackageError(f"{path}: {error}") from None
    return flatten(document, path.name)


async def read_api(base_url: str, *, per_page: int = 50) -> Tables:
    """Every service and organization an HSDS read API publishes, page by page."""
    flattener = Flattener(Tables(), base_url)
    base = base_url.rstrip("/")
    async with httpx.AsyncClient(timeout=30) as client:
        for path in ("organizations", "services"):
            page = 1
            while True:
                url = f"{base}/{path}"
                params: dict[str, str | int] = {"page": page, "per_page": per_page, "full": "true"}
                try:
                    response = await client.get(url, params=params)
                    response.raise_for_status()
                    document = response.json()
                except (httpx.HTTPError, ValueError) as error:
                    raise PackageError(f"{url}?page={page}: {error}") from None
                flatten(document, f"{path}?page={page}", flattener)
                if not isinstance(document, dict) or document.get("last_page", True):
                    break
                if not document.get("contents"):
                    break
                page += 1
    return flattener.tables
