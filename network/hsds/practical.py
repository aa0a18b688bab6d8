"""What a young person needs to know before going to a service, out of HSDS and into
it: opening hours (``schedules``), fees (``fees_description``, ``cost_options``),
documents to bring (``required_documents``) and accessibility (``accessibility`` of
its locations, or the profile's ``jisr_service_detail.accessibility``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from network.hsds.tables import Row, Tables
from network.hsds.vocabulary import hsds_id, in_language

# field of the service -> name of the text in HSDS and in jisr_translation
FIELDS = {
    "schedule": "schedule",
    "fees": "fees_description",
    "documents": "required_documents",
    "accessibility": "accessibility",
}
Texts = Callable[[str, str, str | None], dict[str, str]]


def _by(rows: list[Row], key: str) -> dict[Any, list[Row]]:
    index: dict[Any, list[Row]] = defaultdict(list)
    for row in rows:
        index[row.get(key)].append(row)
    return index


def _schedule_line(row: Row) -> str | None:
    if row.text("description"):
        return row.text("description")
    hours = "–".join(t for t in (row.text("opens_at"), row.text("closes_at")) if t)
    return " ".join(t for t in (row.text("byday"), hours) if t) or None


def _cost_line(row: Row) -> str | None:
    amount = " ".join(str(v) for v in (row.get("amount"), row.text("currency")) if v is not None)
    return ": ".join(t for t in (row.text("option"), amount) if t) or None


class PracticalReader:
    """The four texts of each imported service, in every language the package has."""

    def __init__(self, tables: Tables) -> None:
        self.schedules = _by(tables["schedule"], "service_id")
        self.link_schedules = _by(tables["schedule"], "service_at_location_id")
        self.costs = _by(tables["cost_option"], "service_id")
        self.documents = _by(tables["required_document"], "service_id")
        self.links = _by(tables["service_at_location"], "service_id")
        self.access = _by(tables["accessibility"], "location_id")

    def values(
        self, row: Row, svc_id: str, detail: Row | None, texts: Texts
    ) -> dict[str, dict[str, str] | None]:
        links = self.links.get(svc_id, [])
        schedules = self.schedules.get(svc_id, []) + [
            s for link in links for s in self.link_schedules.get(link.get("id"), [])
        ]
        access = [a for link in links for a in self.access.get(link.get("location_id"), [])]
        found = {
            "schedule": [_schedule_line(s) for s in schedules],
            "fees": [row.text("fees_description")]
            if row.text("fees_description")
            else [_cost_line(c) for c in self.costs.get(svc_id, [])],
            "documents": [d.text("document") for d in self.documents.get(svc_id, [])],
            "accessibility": [detail.text("accessibility")]
            if detail is not None and detail.text("accessibility")
            else [
                " — ".join(t for t in (a.text("description"), a.text("details")) if t)
                for a in access
            ],
        }
        # A text the source does not give is left as it is (a nested copy of a service,
        # as in an organization, often leaves them out).
        given = {key: "\n".join(line for line in lines if line) for key, lines in found.items()}
        return {key: texts(svc_id, FIELDS[key], text) for key, text in given.items() if text}


def add_practical(
    tables: Tables, lang: str, svc_id: str, texts: dict[str, dict[str, str] | None]
) -> dict[str, str | None]:
    """Schedule and required document rows of a service; its fees and accessibility
    texts in ``lang`` (for the service and profile rows)."""
    schedule = in_language(texts["schedule"], lang)
    if schedule:
        tables.add(
            "schedule", id=hsds_id("schedule", svc_id), service_id=svc_id, description=schedule
        )
    documents = in_language(texts["documents"], lang) or ""
    for index, document in enumerate(line for line in documents.splitlines() if line.strip()):
        tables.add(
            "required_document",
            id=hsds_id("required_document", svc_id, index),
            service_id=svc_id,
            document=document.strip(),
        )
    return {
        "fees": in_language(texts["fees"], lang),
        "accessibility": in_language(texts["accessibility"], lang),
    }
