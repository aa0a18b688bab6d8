"""What an administrator reads: the audit log filtered by who, which record, which
operation and when (the filters are the page's address, so a filtered log can be linked
to); the outbox's counts by channel and state and its dead messages, each sent again on
demand; the latest jobs."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.routing import Route

from web.client import ConsoleError
from web.forms import Problems
from web.i18n import CASABLANCA
from web.labels import outbox_state_names
from web.pages.admin import require_admin
from web.pages.agency import refused_fields
from web.visit import Visit, page

PAGE_SIZE = 50
AUDIT_FIELDS = ("who", "record", "operation", "from", "to")
STATES = list(outbox_state_names)


def _midnight(day: date) -> str:
    """The start of ``day`` in Morocco, as the API reads a moment."""
    return datetime.combine(day, time(), CASABLANCA).isoformat()


def _day(visit: Visit, query: QueryParams, name: str, problems: Problems) -> date | None:
    raw = query.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        problems.add(name, visit._("Enter a real date"))
        return None


async def _user_of(visit: Visit, email: str, problems: Problems) -> str | None:
    """The id of the user of this email address; a problem when nobody has it."""
    found = (await visit.run("FindUser", search=email))["users"]["nodes"]
    match = [user for user in found if (user["email"] or "").lower() == email.lower()]
    if not match:
        problems.add("who", visit._("No user has this email address"))
        return None
    user_id: str = match[0]["id"]
    return user_id


async def _audit_filter(visit: Visit, problems: Problems) -> dict[str, Any]:
    query = visit.request.query_params
    where: dict[str, Any] = {}
    who = query.get("who", "").strip()
    if who:
        where["userId"] = await _user_of(visit, who, problems)
    for name, key in (("record", "recordId"), ("operation", "operation")):
        if query.get(name, "").strip():
            where[key] = query[name].strip()
    start, end = _day(visit, query, "from", problems), _day(visit, query, "to", problems)
    if start and end and end < start:
        problems.add("to", visit._("Enter an end date on or after the start date"))
    if start:
        where["after"] = _midnight(start)
    if end:
        where["before"] = _midnight(end + timedelta(days=1))
    return where


@page
async def audit(visit: Visit) -> Response:
    require_admin(visit)
    query = visit.request.query_params
    values = {name: query.get(name, "").strip() for name in AUDIT_FIELDS}
    problems = Problems()
    where = await _audit_filter(visit, problems)
    entries = None
    more = None
    if not problems:
        after = query.get("after") or None
        try:
            data = await visit.run("AuditLog", filter=where or None, first=PAGE_SIZE, after=after)
        except ConsoleError as error:
            if "INVALID_INPUT" not in error.codes or "recordId" not in where:
                raise
            problems.add("record", visit._("Enter a record id as the audit log shows it"))
        else:
            entries = data["auditLog"]
            if entries["pageInfo"]["hasNextPage"]:
                more = visit.url("/admin/audit", **values, after=entries["pageInfo"]["endCursor"])
    return await visit.form_page(
        "admin_audit.html",
        problems,
        values=values,
        entries=entries,
        more=more,
        filtered=any(values.values()),
    )


def _counts(status: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per channel: its count in each state (0 when it has none)."""
    rows: dict[str, dict[str, int]] = {}
    for count in status:
        rows.setdefault(count["channel"], dict.fromkeys(STATES, 0))[count["state"]] = count["count"]
    return [{"channel": channel, "counts": counts} for channel, counts in rows.items()]


async def _outbox_page(visit: Visit, problems: Problems) -> Response:
    data = await visit.run("Outbox")
    return await visit.form_page(
        "admin_outbox.html",
        problems,
        rows=_counts(data["outboxStatus"]),
        states=STATES,
        dead=data["outboxDeadMessages"],
        retried=visit.request.query_params.get("retried") == "1",
    )


@page
async def outbox(visit: Visit) -> Response:
    require_admin(visit)
    return await _outbox_page(visit, Problems())


@page
async def retry(visit: Visit) -> Response:
    require_admin(visit)
    await visit.form()
    answer = await visit.run("RetryOutboxMessage", id=visit.request.path_params["id"])
    problems = Problems()
    errors = answer["retryOutboxMessage"]["userErrors"]
    if any(e["code"] == "INVALID_TRANSITION" for e in errors):
        problems.add("error-summary", visit._("This message is no longer given up"))
    else:
        refused_fields(visit, problems, errors, {})
    if not problems:
        return visit.redirect("/admin/outbox?retried=1")
    return await _outbox_page(visit, problems)


@page
async def jobs(visit: Visit) -> Response:
    require_admin(visit)
    return await visit.page("admin_jobs.html", jobs=(await visit.run("Jobs"))["jobs"])


routes = [
    Route("/admin/audit", audit),
    Route("/admin/outbox", outbox),
    Route("/admin/outbox/{id}/retry", retry, methods=["POST"]),
    Route("/admin/jobs", jobs),
]
