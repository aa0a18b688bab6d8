"""The query parameters of the HSDS read API, as the official ``openapi.json`` defines
them: each one read and checked, a bad value a ``BadRequest`` (a 400 naming it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from starlette.requests import Request

from network.hsds.repository import Near, PageRequest, ServiceQuery

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50
FORMATS = ("json", "ndjson")


class BadRequest(Exception):
    pass


def lang(request: Request) -> str:
    value = request.query_params.get("lang", "fr")
    if value not in ("fr", "ar", "en"):
        raise BadRequest("lang: one of fr, ar, en")
    return value


def integer(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name}: not a whole number") from None
    if not low <= value <= high:
        raise BadRequest(f"{name}: must be between {low} and {high}")
    return value


def flag(request: Request, name: str) -> bool:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return False
    if raw not in ("true", "false"):
        raise BadRequest(f"{name}: true or false")
    return raw == "true"


def page_request(request: Request) -> PageRequest:
    return PageRequest(
        page=integer(request, "page", 1, 1, 1_000_000),
        per_page=integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    )


def output_format(request: Request) -> str:
    """``json`` (pages) or ``ndjson`` (every result, one per line, no pages)."""
    value = request.query_params.get("format") or "json"
    if value not in FORMATS:
        raise BadRequest("format: json or ndjson")
    return value


def modified_after(request: Request) -> datetime | None:
    raw = request.query_params.get("modified_after")
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest("modified_after: not an ISO 8601 date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def near(request: Request) -> Near | None:
    postcode = request.query_params.get("postcode") or None
    proximity = request.query_params.get("proximity") or None
    if postcode is None:
        if proximity is not None:
            raise BadRequest("proximity: needs a postcode (meters from its centroid)")
        return None
    if not re.fullmatch(r"[0-9]{5}", postcode):
        raise BadRequest("postcode: a Moroccan postal code, five digits")
    if proximity is None:
        return Near(postcode)
    try:
        meters = float(proximity)
    except ValueError:
        raise BadRequest("proximity: a distance in meters") from None
    if not 0 <= meters <= 2_000_000:
        raise BadRequest("proximity: between 0 and 2000000 meters")
    return Near(postcode, meters)


def service_query(request: Request, *, places: bool = False) -> ServiceQuery:
    """The filters of ``/services`` (and, with ``places``, of ``/service_at_locations``)."""
    params = request.query_params
    return ServiceQuery(
        search=params.get("search") or None,
        taxonomy_term_id=params.get("taxonomy_term_id") or None,
        taxonomy_id=params.get("taxonomy_id") or None,
        organization_id=params.get("organization_id") or None,
        modified_after=modified_after(request),
        near=near(request) if places else None,
    )
