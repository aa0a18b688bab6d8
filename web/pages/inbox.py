"""The inbox of the agency's workspace: referrals received by the viewer's actor, in
sections — overdue, due soon, new, in progress — live through htmx, a reload without JS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.visit import Visit, page

PAGE_SIZE = 50
DUE_SOON = timedelta(days=2)
# the query string's names of the three lists the API pages on its own
CURSORS = {"waiting": "afterSent", "overdue": "afterOverdue", "open": "afterOpen"}


def _due_soon(referral: dict[str, Any], now: datetime) -> bool:
    due = referral.get("respondBy")
    return due is not None and datetime.fromisoformat(str(due)) - now <= DUE_SOON


def sections(data: dict[str, Any], now: datetime) -> list[dict[str, Any]]:
    """The inbox's sections, most urgent first; each names the list it pages on."""
    waiting = data["waiting"]["nodes"]
    soon = [r for r in waiting if _due_soon(r, now)]
    new = [r for r in waiting if not _due_soon(r, now)]
    return [
        {
            "key": "overdue",
            "rows": data["overdue"]["nodes"],
            "count": data["overdue"]["totalCount"],
        },
        {"key": "due-soon", "rows": soon, "count": len(soon)},
        {"key": "new", "rows": new, "count": data["waiting"]["totalCount"] - len(soon)},
        {"key": "in-progress", "rows": data["open"]["nodes"], "count": data["open"]["totalCount"]},
    ]


async def _inbox(visit: Visit) -> dict[str, Any]:
    visit.require(Role.AGENCY_STAFF, Role.MEDIATOR)
    query = visit.request.query_params
    after = {name: query.get(key) or None for key, name in CURSORS.items()}
    data = await visit.run("Inbox", first=PAGE_SIZE, **after)
    kept = {key: query.get(key) for key in CURSORS}
    return {
        "actor": (data["me"] or {}).get("actor"),
        "sections": sections(data, datetime.now(UTC)),
        "more_links": {
            "overdue": _more(visit, kept, "overdue", data["overdue"]),
            "new": _more(visit, kept, "waiting", data["waiting"]),
            "in-progress": _more(visit, kept, "open", data["open"]),
        },
        "list_url": visit.url("/inbox/list", **kept),
        "paged": any(kept.values()),
    }


def _more(visit: Visit, kept: dict[str, Any], key: str, connection: dict[str, Any]) -> str | None:
    info = connection["pageInfo"]
    if not info["hasNextPage"]:
        return None
    return visit.url("/inbox", **{**kept, key: info["endCursor"]})


@page
async def inbox(visit: Visit) -> Response:
    return await visit.page("inbox.html", **await _inbox(visit))


@page
async def inbox_list(visit: Visit) -> Response:
    """The list part of the inbox, fetched again by htmx when a referral changes."""
    return visit.fragment("_inbox_list.html", **await _inbox(visit))


routes = [Route("/inbox", inbox), Route("/inbox/list", inbox_list)]
