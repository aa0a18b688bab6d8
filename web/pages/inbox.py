"""The inbox of the agency's workspace: the open referrals received by the viewer's
actor in sections — overdue, due soon, new, in progress — live through htmx (the list
part is fetched again when a referral event arrives), a plain reload without JS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.visit import Visit, page

PAGE_SIZE = 100  # the API's largest page: one query for the whole inbox of most actors
DUE_SOON = timedelta(days=2)
SECTIONS = ("overdue", "due-soon", "new", "in-progress")


def section_of(referral: dict[str, Any], now: datetime) -> str:
    if referral["status"] != "SENT":
        return "in-progress"
    if referral["overdue"]:
        return "overdue"
    due = referral.get("respondBy")
    if due is not None and datetime.fromisoformat(str(due)) - now <= DUE_SOON:
        return "due-soon"
    return "new"


def sections(referrals: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """The inbox's sections, most urgent first, each in the API's order (oldest first)."""
    rows: dict[str, list[dict[str, Any]]] = {key: [] for key in SECTIONS}
    for referral in referrals:
        rows[section_of(referral, now)].append(referral)
    return [{"key": key, "rows": rows[key]} for key in SECTIONS]


async def _inbox(visit: Visit) -> dict[str, Any]:
    visit.require(Role.AGENCY_STAFF, Role.MEDIATOR)
    after = visit.request.query_params.get("after") or None
    data = await visit.run("Inbox", first=PAGE_SIZE, after=after)
    received = data["referrals"]
    info = received["pageInfo"]
    return {
        "actor": (data["me"] or {}).get("actor"),
        "sections": sections(received["nodes"], datetime.now(UTC)),
        "total": received["totalCount"],
        "shown": len(received["nodes"]),
        "more": visit.url("/inbox", after=info["endCursor"]) if info["hasNextPage"] else None,
        "list_url": visit.url("/inbox/list", after=after),
        "paged": after is not None,
    }


@page
async def inbox(visit: Visit) -> Response:
    return await visit.page("inbox.html", **await _inbox(visit))


@page
async def inbox_list(visit: Visit) -> Response:
    """The list part of the inbox, fetched again by htmx when a referral changes."""
    return visit.fragment("_inbox_list.html", **await _inbox(visit))


routes = [Route("/inbox", inbox), Route("/inbox/list", inbox_list)]
