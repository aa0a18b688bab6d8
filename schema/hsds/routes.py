"""``/hsds/``: Open Referral's read API over the public directory, every path and
parameter of the official ``openapi.json`` (HSDS 3.0).

Lists answer ``page`` and ``per_page`` (1..100, default 50) with HSDS's page object:
``total_items``, ``total_pages``, ``page_number``, ``size``, ``first_page``,
``last_page``, ``empty`` and ``contents``; ``format=ndjson`` streams every result
instead, one JSON record a line. A list holds each record's own (one-to-one) fields;
``full=true`` nests the related records as ``/services/{id}`` does. Jisr adds ``lang``
(fr, ar, en). A parameter with a bad value is a 400 naming it.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from network.errors import InvalidInput
from network.hsds import ids
from network.hsds.export import export_tables
from network.hsds.nest import Json, Nester, plain
from network.hsds.repository import (
    PageRequest,
    ServiceQuery,
    organization_page,
    public_record,
    service_page,
)
from network.hsds.tables import Row, Tables
from network.hsds.vocabulary import hsds_id
from network.services.models import Service
from network.text import fold
from schema.hsds import documents
from schema.hsds import params as p

ALL = PageRequest(page=1, per_page=10**9)
Lister = Callable[[AsyncSession, PageRequest], Awaitable[tuple[list[Json], int]]]


def _json(content: Any, status: int = 200) -> Response:
    return JSONResponse(content, status_code=status)


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


def _sessions(request: Request) -> Any:
    return request.app.state.jisr.sessions


async def _listed(request: Request, lister: Lister) -> Response:
    """A page of the list, or all of it as NDJSON."""
    fmt, page = p.output_format(request), p.page_request(request)
    async with _sessions(request)() as session:
        contents, total = await lister(session, ALL if fmt == "ndjson" else page)
    if fmt == "ndjson":
        lines = b"".join(orjson.dumps(record) + b"\n" for record in contents)
        return Response(lines, media_type="application/x-ndjson")
    return _json(_page(contents, total, page))


def _handled(endpoint: Any) -> Any:
    async def handle(request: Request) -> Response:
        try:
            return await endpoint(request)  # type: ignore[no-any-return]
        except (p.BadRequest, InvalidInput) as error:
            return _json({"error": str(error)}, 400)

    return handle


async def _services_tables(session: AsyncSession, lang: str, service_ids: list[int]) -> Tables:
    actor_ids = list(
        await session.scalars(
            select(Service.actor_id).where(Service.id.in_(service_ids)).distinct()
        )
    )
    return await export_tables(session, lang=lang, actor_ids=actor_ids, service_ids=service_ids)


async def _service_rows(
    session: AsyncSession, lang: str, service_ids: list[int]
) -> tuple[Nester, list[Row]]:
    """The services in the order of ``service_ids``, and a nester over their tables."""
    tables = await _services_tables(session, lang, service_ids)
    published = await ids.published_ids(session, ids.SERVICE, service_ids)
    rows = {r.get("id"): r for r in tables["service"]}
    return Nester(tables), [rows[published[i]] for i in service_ids]


def _service_shape(request: Request) -> Callable[[Nester, Row], Json]:
    if p.flag(request, "minimal"):
        return lambda _, row: {k: row.values[k] for k in ("id", "last_modified")}
    if p.flag(request, "full"):
        return lambda nester, row: nester.service(row)
    return lambda _, row: plain(row)


async def services(request: Request) -> Response:
    lang, query, shape = p.lang(request), p.service_query(request), _service_shape(request)

    async def lister(session: AsyncSession, page: PageRequest) -> tuple[list[Json], int]:
        service_ids, total = await service_page(session, query, page)
        nester, rows = await _service_rows(session, lang, service_ids)
        return [shape(nester, row) for row in rows], total

    return await _listed(request, lister)


async def service(request: Request) -> Response:
    lang = p.lang(request)
    async with _sessions(request)() as session:
        record = await public_record(session, ids.SERVICE, request.path_params["id"])
        if record is None:
            return _json({"error": "no such service"}, 404)
        nester, rows = await _service_rows(session, lang, [record])
    return _json(nester.service(rows[0]))


def _link(nester: Nester, row: Row, *, full: bool) -> Json:
    link = next(
        plain(r)
        for r in nester.tables["service_at_location"]
        if r.get("service_id") == row.get("id")
    )
    if full:
        location = nester.locations.get(link["location_id"])
        if location is not None:
            link["location"] = nester.location(location)
        link["service"] = nester.service(row)
    return link


async def service_at_locations(request: Request) -> Response:
    lang, query = p.lang(request), p.service_query(request, places=True)
    full = p.flag(request, "full")

    async def lister(session: AsyncSession, page: PageRequest) -> tuple[list[Json], int]:
        service_ids, total = await service_page(session, query, page)
        nester, rows = await _service_rows(session, lang, service_ids)
        return [_link(nester, row, full=full) for row in rows], total

    return await _listed(request, lister)


async def service_at_location(request: Request) -> Response:
    lang, wanted = p.lang(request), request.path_params["id"]
    async with _sessions(request)() as session:
        public, _ = await service_page(session, ServiceQuery(), ALL)
        published = await ids.published_ids(session, ids.SERVICE, public)
        found = [i for i in public if hsds_id("service_at_location", published[i]) == wanted]
        if not found:
            return _json({"error": "no such service_at_location"}, 404)
        nester, rows = await _service_rows(session, lang, found)
    return _json(_link(nester, rows[0], full=True))


def _with_services(nester: Nester, organization: Json, *, full: bool) -> Json:
    mine = [r for r in nester.tables["service"] if r.get("organization_id") == organization["id"]]
    services = [nester.service(r) if full else plain(r) for r in mine]
    if services:
        organization["services"] = services
    return organization


async def organizations(request: Request) -> Response:
    lang, search = p.lang(request), request.query_params.get("search") or None
    full, full_service = p.flag(request, "full"), p.flag(request, "full_service")

    async def lister(session: AsyncSession, page: PageRequest) -> tuple[list[Json], int]:
        actor_ids, total = await organization_page(session, search, page)
        service_ids: list[int] | None = None if full_service else []
        tables = await export_tables(
            session, lang=lang, actor_ids=actor_ids, service_ids=service_ids
        )
        nester = Nester(tables)
        contents = [nester.organization(r) if full else plain(r) for r in tables["organization"]]
        if full_service:
            contents = [_with_services(nester, org, full=True) for org in contents]
        return contents, total

    return await _listed(request, lister)


async def organization(request: Request) -> Response:
    lang, full_service = p.lang(request), p.flag(request, "full_service")
    async with _sessions(request)() as session:
        record = await public_record(session, ids.ORGANIZATION, request.path_params["id"])
        if record is None:
            return _json({"error": "no such organization"}, 404)
        tables = await export_tables(session, lang=lang, actor_ids=[record])
    nester = Nester(tables)
    body = nester.organization(tables["organization"][0])
    return _json(_with_services(nester, body, full=full_service))


def _matching(rows: list[Row], search: str | None, *names: str) -> list[Row]:
    words = fold(search or "").split()
    return [
        r for r in rows if all(w in fold(" ".join(str(r.get(n)) for n in names)) for w in words)
    ]


async def _vocabulary(session: AsyncSession, lang: str) -> Tables:
    return await export_tables(session, lang=lang, actor_ids=[], service_ids=[])


async def taxonomies(request: Request) -> Response:
    lang, search = p.lang(request), request.query_params.get("search")

    async def lister(session: AsyncSession, page: PageRequest) -> tuple[list[Json], int]:
        rows = _matching((await _vocabulary(session, lang))["taxonomy"], search, "name", "uri")
        chosen = rows[page.offset : page.offset + page.per_page]
        return [plain(r) for r in chosen], len(rows)

    return await _listed(request, lister)


async def taxonomy(request: Request) -> Response:
    async with _sessions(request)() as session:
        tables = await _vocabulary(session, p.lang(request))
    found = [r for r in tables["taxonomy"] if r.get("id") == request.path_params["id"]]
    return _json(plain(found[0])) if found else _json({"error": "no such taxonomy"}, 404)


async def taxonomy_terms(request: Request) -> Response:
    lang, params = p.lang(request), request.query_params
    top_only = p.flag(request, "top_only")

    async def lister(session: AsyncSession, page: PageRequest) -> tuple[list[Json], int]:
        tables = await _vocabulary(session, lang)
        rows = tables["taxonomy_term"]
        if params.get("taxonomy_id"):
            rows = [r for r in rows if r.get("taxonomy_id") == params["taxonomy_id"]]
        if params.get("parent_id"):
            rows = [r for r in rows if r.get("parent_id") == params["parent_id"]]
        if top_only:
            rows = [r for r in rows if r.get("parent_id") is None]
        rows = _matching(rows, params.get("search"), "name", "code")
        nester = Nester(tables)
        chosen = rows[page.offset : page.offset + page.per_page]
        return [nester.taxonomy_term(r) for r in chosen], len(rows)

    return await _listed(request, lister)


async def taxonomy_term(request: Request) -> Response:
    async with _sessions(request)() as session:
        tables = await _vocabulary(session, p.lang(request))
    found = [r for r in tables["taxonomy_term"] if r.get("id") == request.path_params["id"]]
    if not found:
        return _json({"error": "no such taxonomy term"}, 404)
    return _json(Nester(tables).taxonomy_term(found[0]))


routes = [
    Route("/hsds/", documents.about),
    Route("/hsds/openapi.json", documents.openapi),
    Route("/hsds/profile/", documents.profile_index),
    Route("/hsds/profile/{name}.json", documents.profile_document),
    Route("/hsds/services", _handled(services)),
    Route("/hsds/services/{id}", _handled(service)),
    Route("/hsds/service_at_locations", _handled(service_at_locations)),
    Route("/hsds/service_at_locations/{id}", _handled(service_at_location)),
    Route("/hsds/organizations", _handled(organizations)),
    Route("/hsds/organizations/{id}", _handled(organization)),
    Route("/hsds/taxonomies", _handled(taxonomies)),
    Route("/hsds/taxonomies/{id}", _handled(taxonomy)),
    Route("/hsds/taxonomy_terms", _handled(taxonomy_terms)),
    Route("/hsds/taxonomy_terms/{id}", _handled(taxonomy_term)),
]
