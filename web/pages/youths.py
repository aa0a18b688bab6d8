"""The mediator's workspace: "My young people" grouped by where each stands (what needs
attention first above them; a name or case code and a status narrow them), the form that
registers a young person, and a young person's page with their referrals — each as far as
the viewer may see (the API leaves out the identity of whom they may not)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.client import ConsoleError
from web.forms import Problems
from web.i18n import N_
from web.labels import gender_names, youth_status_names
from web.pages.agency import refused_fields, text
from web.pages.case import case_of
from web.pages.youth_attention import SHOWN, counts, overdue_actions, rows
from web.visit import Refused, Visit, page

PAGE_SIZE = 100  # the API's largest page, as the inbox asks
STATUSES = list(youth_status_names)  # the sections' order
FIELDS = ("firstName", "lastName", "birthDate", "gender", "institutionId", "expectedLeavingDate")

# the console's words for a field the API refused
YOUTH_FIELDS = {
    "firstName": ("firstName", N_("Enter a first name of at most 100 characters")),
    "lastName": ("lastName", N_("Enter a last name of at most 100 characters")),
    "birthDate": ("birthDate", N_("Enter a birth date in the past, at most 40 years ago")),
    "institutionId": ("institutionId", N_("Choose an institution you work for")),
    "gender": ("gender", N_("Choose a gender")),
    "expectedLeavingDate": ("expectedLeavingDate", N_("Enter a real date")),
}

SEARCH_REFUSED = N_("Enter a full name or a case code of at most 200 characters")

RESENT = N_(
    "This form already registered a young person with other details. "
    "Check the details, then register again to add another young person"
)


def sections(youths: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each status's young people in the order of ``STATUSES``; those about to leave care
    soonest first, the others in the API's order (creation)."""
    rows: dict[str, list[dict[str, Any]]] = {status: [] for status in STATUSES}
    for youth in youths:
        rows[youth["status"]].append(youth)
    rows["PREPARING_TO_LEAVE"].sort(
        key=lambda y: (y["expectedLeavingDate"] is None, y["expectedLeavingDate"] or "")
    )
    return [{"status": status, "rows": rows[status]} for status in STATUSES]


def _filter(visit: Visit, problems: Problems) -> tuple[dict[str, str], dict[str, Any]]:
    """The filters as typed (kept in the URL) and the ``YouthFilter`` they ask for."""
    query = visit.request.query_params
    values = {"search": (query.get("search") or "").strip(), "status": query.get("status") or ""}
    where: dict[str, Any] = {}
    if values["search"]:
        where["search"] = values["search"]
    if values["status"] in STATUSES:
        where["statuses"] = [values["status"]]
    elif values["status"]:
        problems.add("status", visit._("Choose a status from the list"))
    return values, where


async def _found(
    visit: Visit, where: dict[str, Any], after: str | None, problems: Problems
) -> dict[str, Any] | None:
    """The page's data, or None when the API refused the search (said in ``problems``)."""
    try:
        return await visit.run("Youths", first=PAGE_SIZE, after=after, filter=where or None)
    except ConsoleError as error:
        if "search" not in where or not error.codes & {"INVALID_INPUT", "RATE_LIMITED"}:
            raise
        if "RATE_LIMITED" in error.codes:
            problems.add("search", visit._("Too many searches. Wait a minute, then try again"))
        else:
            problems.add("search", visit._(SEARCH_REFUSED))
        return None


@page
async def youths(visit: Visit) -> Response:
    visit.require(Role.MEDIATOR)
    problems = Problems()
    values, where = _filter(visit, problems)
    after = visit.request.query_params.get("after") or None
    data = None if problems else await _found(visit, where, after, problems)
    if data is None:
        return await visit.form_page("youths.html", problems, values=values, found=None)
    found, open_referrals = data["youths"], data["open"]
    nodes = found["nodes"]
    actions = await overdue_actions(visit, nodes)
    info = found["pageInfo"]
    more = None
    if info["hasNextPage"]:
        more = visit.url("/youths", **values, after=info["endCursor"])
    shown = {y["id"]: y for y in nodes}
    return await visit.form_page(
        "youths.html",
        problems,
        values=values,
        found=found,
        filtered=bool(where),
        sections=[s for s in sections(nodes) if s["rows"] or not where],
        attention=counts(open_referrals["nodes"]),
        actions={youth: len(late) for youth, late in actions.items()},
        first_rows=rows(shown, actions, open_referrals["nodes"], only_shown=bool(where)),
        shown_rows=SHOWN,
        counted=len(open_referrals["nodes"]),
        partial=open_referrals["totalCount"] > len(open_referrals["nodes"]),
        total=found["totalCount"],
        shown=len(nodes),
        more=more,
        first_page=visit.url("/youths", **values),
        paged=after is not None,
    )


def typed_date(form: FormData, name: str, problems: Problems, message: str) -> str | None:
    """The date typed in field ``name`` (ISO, as a date input sends it); None when blank."""
    raw = text(form, name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        problems.add(name, message)
        return None


def _registration(
    visit: Visit, form: FormData, values: dict[str, str], problems: Problems
) -> dict[str, Any]:
    """The ``registerYouth`` input from the posted form, whose fields as typed are
    ``values``; what is missing in ``problems``."""
    _ = visit._
    if not values["firstName"]:
        problems.add("firstName", _("Enter the first name"))
    if not values["lastName"]:
        problems.add("lastName", _("Enter the last name"))
    born = typed_date(form, "birthDate", problems, _("Enter the birth date as a real date"))
    if born is None and "birthDate" not in problems.codes():
        problems.add("birthDate", _("Enter the birth date"))
    if not values["institutionId"]:
        problems.add("institutionId", _("Choose the institution"))
    leaving = typed_date(
        form, "expectedLeavingDate", problems, _("Enter the leaving date as a date")
    )
    return {
        "firstName": values["firstName"],
        "lastName": values["lastName"],
        "birthDate": born,
        "institutionId": values["institutionId"],
        "gender": values["gender"] if values["gender"] in gender_names else None,
        "expectedLeavingDate": leaving,
        "idempotencyKey": text(form, "idempotencyKey") or None,
    }


@page
async def new_youth(visit: Visit) -> Response:
    visit.require(Role.MEDIATOR)
    me = (await visit.run("YouthChoices"))["me"]
    actor = me["actor"] if me else None
    if actor is None:
        raise Refused(403, visit._("This page is for the staff of an organisation."))
    institutions = [{"id": actor["id"], "name": actor["name"]}, *actor["units"]]
    problems = Problems()
    values: dict[str, Any] = {
        **dict.fromkeys(FIELDS, ""),
        "institutionId": actor["id"] if not actor["units"] else "",
        "idempotencyKey": uuid4().hex,
    }
    if visit.request.method == "POST":
        form = await visit.form()
        typed = {name: text(form, name) for name in FIELDS}
        registration = _registration(visit, form, typed, problems)
        values = {**typed, "idempotencyKey": registration["idempotencyKey"] or uuid4().hex}
        if not problems:
            registration["mediatorId"] = me["id"]
            answer = (await visit.run("RegisterYouth", input=registration))["registerYouth"]
            errors = answer["userErrors"]
            # a DUPLICATE of no field: the form's idempotency key was sent with other details
            resent = [e for e in errors if e["code"] == "DUPLICATE" and not e.get("field")]
            refused_fields(visit, problems, [e for e in errors if e not in resent], YOUTH_FIELDS)
            if resent:  # this form registered someone with other details: a fresh key
                problems.add("firstName", visit._(RESENT))
                values["idempotencyKey"] = uuid4().hex
            if not problems:
                return visit.redirect(f"/youths/{answer['youth']['id']}?registered=1")
    return await visit.form_page(
        "youth_new.html", problems, values=values, institutions=institutions
    )


@page
async def youth(visit: Visit) -> Response:
    visit.require()
    data = await visit.run("YouthPage", id=visit.request.path_params["id"])
    node = data["node"]
    if not node or "code" not in node:
        raise Refused(404, visit._("This page does not exist."))
    return await visit.page(
        "youth.html",
        youth=node,
        mediator=visit.has(Role.MEDIATOR),
        registered=visit.request.query_params.get("registered") == "1",
        **case_of(visit, data["me"], node),
    )


@page
async def youth_referrals(visit: Visit) -> Response:
    """The referrals of a young person's page, fetched again by htmx when one changes."""
    visit.require()
    try:
        data = await visit.run("YouthReferrals", id=visit.request.path_params["id"])
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:  # not an id at all
            raise Refused(404, visit._("This page does not exist.")) from error
        raise
    node = data["node"]
    if not node or "code" not in node:
        raise Refused(404, visit._("This page does not exist."))
    return visit.fragment("_youth_referrals.html", youth=node)


routes = [
    Route("/youths", youths),
    Route("/youths/new", new_youth, methods=["GET", "POST"]),
    Route("/youths/{id}", youth),
    Route("/youths/{id}/referrals", youth_referrals),
]
