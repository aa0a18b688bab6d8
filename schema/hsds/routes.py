"""``/hsds/``: Open Referral's read API over the public directory (HSDS 3.0 paging).

Lists answer ``page`` and ``per_page`` (1..100, default 50) with HSDS's page object:
``total_items``, ``total_pages``, ``page_number``, ``size``, ``first_page``,
``last_page``, ``empty`` and ``contents``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from network.errors import InvalidInput
from network.hsds import ids
from network.hsds.export import export_tables
from network.hsds.nest import Nester
from network.hsds.repository import (
    PageRequest,
    ServiceQuery,
    organization_page,
    public_record,
    service_page,
)
from network.hsds.tables import Tables
from network.hsds.vocabulary import HSDS_PROFILE, HSDS_VERSION
from network.services.models import Service
from network.text import fold

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50


class BadRequest(Exception):
    pass


def _json(content: Any, status: int = 200) -> Response:
    return JSONResponse(content, status_code=status)


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "fr")
    if lang not in ("fr", "ar", "en"):
        raise BadRequest("lang: one of fr, ar, en")
    return lang


def _integer(request: Request, name: str, default: int, low: int, high: int) -> int:
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


def _page_request(request: Request) -> PageRequest:
    return PageRequest(
        page=_integer(request, "page", 1, 1, 1_000_000),
        per_page=_integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    )


def _page(contents: Sequence[Any], total: int, page: PageRequest) -> dict[str, Any]:
    total_pages = math.ceil(total / page.per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page.page,
        "size": len(contents),
        "first_page": page.page == 1,
        "last_page": page.page >= total_pages,
        "empty": not contents,
        "contents": list(contents),
    }


def _modified_after(request: Request) -> datetime | None:
    raw = request.query_params.get("modified_after")
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest("modified_after: not an ISO 8601 date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _sessions(request: Request) -> Any:
    return request.app.state.jisr.sessions


async def _tables(
    session: AsyncSession,
    lang: str,
    *,
    actor_ids: Sequence[int],
    service_ids: Sequence[int] | None = None,
) -> Tables:
    return await export_tables(session, lang=lang, actor_ids=actor_ids, service_ids=service_ids)


def _handled(endpoint: Any) -> Any:
    async def handle(request: Request) -> Response:
        try:
            return await endpoint(request)  # type: ignore[no-any-return]
        except (BadRequest, InvalidInput) as error:
            return _json({"error": str(error)}, 400)

    return handle


async def about(_: Request) -> Response:
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE,
            "description": "Jisr: the actor map and basket of services of a leaving-care network.",
        }
    )


async def services(request: Request) -> Response:
    lang, page = _lang(request), _page_request(request)
    params = request.query_params
    query = ServiceQuery(
        search=params.get("search") or None,
        taxonomy_term_id=params.get("taxonomy_term_id") or None,
        organization_id=params.get("organization_id") or None,
        modified_after=_modified_after(request),
    )
    async with _sessions(request)() as session:
        service_ids, total = await service_page(session, query, page)
        tables = await _services_tables(session, lang, service_ids)
        published = await ids.published_ids(session, ids.SERVICE, service_ids)
    nester = Nester(tables)
    rows = {r.get("id"): r for r in tables["service"]}
    return _json(_page([nester.service(rows[published[i]]) for i in service_ids], total, page))


async def _services_tables(session: AsyncSession, lang: str, service_ids: list[int]) -> Tables:
    actor_ids = list(
        await session.scalars(
            select(Service.actor_id).where(Service.id.in_(service_ids)).distinct()
        )
    )
    return await _tables(session, lang, actor_ids=actor_ids, service_ids=service_ids)


async def service(request: Request) -> Response:
    lang = _lang(request)
    async with _sessions(request)() as session:
        record = await public_record(session, ids.SERVICE, request.path_params["id"])
        if record is None:
            return _json({"error": "no such service"}, 404)
        tables = await _services_tables(session, lang, [record])
    return _json(Nester(tables).service(tables["service"][0]))


async def organizations(request: Request) -> Response:
    lang, page = _lang(request), _page_request(request)
    async with _sessions(request)() as session:
        actor_ids, total = await organization_page(
            session, request.query_params.get("search") or None, page
        )
        tables = await _tables(session, lang, actor_ids=actor_ids, service_ids=[])
    nester = Nester(tables)
    return _json(_page([nester.organization(r) for r in tables["organization"]], total, page))


async def organization(request: Request) -> Response:
    lang = _lang(request)
    async with _sessions(request)() as session:
        record = await public_record(session, ids.ORGANIZATION, request.path_params["id"])
        if record is None:
            return _json({"error": "no such organization"}, 404)
        tables = await _tables(session, lang, actor_ids=[record])
    nester = Nester(tables)
    body = nester.organization(tables["organization"][0])
    body["services"] = [nester.service(r) for r in tables["service"]]
    return _json(body)


async def taxonomy_terms(request: Request) -> Response:
    lang, page = _lang(request), _page_request(request)
    params = request.query_params
    async with _sessions(request)() as session:
        tables = await _tables(session, lang, actor_ids=[])
    rows = tables["taxonomy_term"]
    if params.get("taxonomy_id"):
        rows = [r for r in rows if r.get("taxonomy_id") == params["taxonomy_id"]]
    if params.get("parent_id"):
        rows = [r for r in rows if r.get("parent_id") == params["parent_id"]]
    if params.get("top_only") == "true":
        rows = [r for r in rows if r.get("parent_id") is None]
    words = fold(params.get("search") or "").split()
    if words:
        rows = [
            r for r in rows if all(w in fold(f"{r.get('name')} {r.get('code')}") for w in words)
        ]
    nester = Nester(tables)
    chosen = rows[page.offset : page.offset + page.per_page]
    return _json(_page([nester.taxonomy_term(r) for r in chosen], len(rows), page))


routes = [
    Route("/hsds/", about),
    Route("/hsds/services", _handled(services)),
    Route("/hsds/services/{id}", _handled(service)),
    Route("/hsds/organizations", _handled(organizations)),
    Route("/hsds/organizations/{id}", _handled(organization)),
    Route("/hsds/taxonomy_terms", _handled(taxonomy_terms)),
]
