"""A referral's page: the young person as far as the viewer may see, the reason, the
timeline; the receiving side's answers as forms that post and redirect.

Each form carries the referral's ``version``: when someone else answered first the API
refuses with STALE_VERSION (or INVALID_TRANSITION when the status moved on), and the page
comes back with the fresh state and a banner, never an overwrite.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.client import ConsoleError
from web.forms import Problems
from web.i18n import CASABLANCA
from web.labels import decline_reason_names, outcome_names
from web.visit import Refused, Visit, page

# the forms offer each reason and outcome the labels word
DECLINE_REASONS = list(decline_reason_names)
OUTCOMES = list(outcome_names)
# what the receiving side may do in each status
ANSWERS = {
    "SENT": ("accept", "decline", "redirect"),
    "ACCEPTED": ("start", "decline", "redirect"),
    "IN_PROGRESS": ("complete",),
}
# what the sending side may do while the referral is open
SENDER_ACTIONS = ("follow-up", "cancel")
OPEN = {"DRAFT", "SENT", "ACCEPTED", "IN_PROGRESS"}
FOLLOW_UP_HOUR = time(9)  # a follow-up on a day is due in the morning, in Morocco
CONFLICTS = {"STALE_VERSION", "INVALID_TRANSITION"}
# the API's input field → the id of the field on the page, per form
FIELDS = {
    "decline": {"reason": "reason", "note": "decline-note"},
    "complete": {"outcome": "outcome", "note": "complete-note"},
    "redirect": {"serviceId": "serviceId", "toActorId": "serviceId", "note": "redirect-note"},
    "note": {"note": "note"},
    "accept": {},
    "start": {},
    "follow-up": {"at": "followUpOn"},
    "cancel": {"note": "cancel-note"},
}


async def _referral(visit: Visit, referral_id: str) -> tuple[dict[str, Any], bool, bool]:
    """The referral as the viewer sees it, whether they answer for its receiver, and
    whether they act for its sender (docs/access.md: the young person's mediator, staff
    of the sending actor, ADMIN)."""
    missing = Refused(404, visit._("This referral does not exist or is not yours to see."))
    try:
        data = await visit.run("ReferralPage", id=referral_id)
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:  # not an id at all
            raise missing from error
        raise
    referral = data["node"]
    if not referral or "status" not in referral:
        raise missing
    me = data["me"] or {}
    actor = me.get("actor") or {}
    ours = {actor.get("id"), *(unit["id"] for unit in actor.get("units") or [])} - {None}
    mediator = ((referral["youth"] or {}).get("mediator") or {}).get("id")
    sender = (
        visit.has(Role.ADMIN)
        or (mediator is not None and mediator == me.get("id"))
        or referral["fromActor"]["id"] in ours
    )
    return referral, referral["toActor"]["id"] in ours, sender


async def _show(
    visit: Visit,
    referral_id: str,
    *,
    problems: Problems | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    referral, receiver, sender = await _referral(visit, referral_id)
    answers = ANSWERS.get(referral["status"], ()) if receiver else ()
    follows = SENDER_ACTIONS if sender and referral["status"] in OPEN else ()
    choices: list[dict[str, Any]] = []
    if "redirect" in answers:
        data = await visit.run(
            "RedirectChoices",
            axis=referral["axis"],
            territoryId=referral["toActor"]["territory"]["id"],
        )
        here = referral["toActor"]["id"]
        choices = [s for s in data["services"]["nodes"] if s["actor"]["id"] != here]
    query = visit.request.query_params
    answered = query.get("answered")
    return await visit.form_page(
        "referral.html",
        problems or Problems(),
        referral=referral,
        answers=answers,
        follows=follows,
        receiver=receiver,
        tomorrow=date.fromordinal(datetime.now(CASABLANCA).date().toordinal() + 1).isoformat(),
        may_note=referral["reason"] is not None,
        choices=choices,
        conflict=answered is not None and answered != str(referral["version"]),
        refused=answered is not None and answered == str(referral["version"]),
        done=query.get("done"),
        values=values or {},
    )


@page
async def referral(visit: Visit) -> Response:
    visit.require()
    return await _show(visit, visit.request.path_params["id"])


@page
async def referral_now(visit: Visit) -> Response:
    """Where the referral stands, fetched again by htmx when a referral changes."""
    visit.require()
    try:
        data = await visit.run("ReferralNow", id=visit.request.path_params["id"])
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:
            raise Refused(404, visit._("This page does not exist.")) from error
        raise
    node = data["node"]
    if not node or "status" not in node:
        raise Refused(404, visit._("This page does not exist."))
    return visit.fragment("_referral_now.html", referral=node)


def _follow_up(visit: Visit, form: FormData, problems: Problems) -> str | None:
    """The follow-up's moment (the morning of the day typed, in Morocco), or a problem."""
    raw = str(form.get("followUpOn", "")).strip()
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        day = None
    if day is None:
        problems.add("followUpOn", visit._("Enter the date of the follow-up as a real date"))
        return None
    if day <= datetime.now(CASABLANCA).date():
        problems.add("followUpOn", visit._("Enter a date of follow-up after today"))
        return None
    return datetime.combine(day, FOLLOW_UP_HOUR, CASABLANCA).isoformat()


def _text(form: FormData, name: str) -> str | None:
    return str(form.get(name, "")).strip() or None


def _input(
    visit: Visit, action: str, form: FormData, base: dict[str, Any], problems: Problems
) -> tuple[str, dict[str, Any]]:
    """The operation and its input for ``action``; what is missing goes to ``problems``."""
    _ = visit._
    if action == "accept":
        return "AcceptReferral", base
    if action == "start":
        return "StartReferral", base
    if action == "decline":
        reason = str(form.get("reason", ""))
        if reason not in DECLINE_REASONS:
            problems.add("reason", _("Choose why you decline this referral"))
        return "DeclineReferral", {**base, "reason": reason, "note": _text(form, "decline-note")}
    if action == "complete":
        outcome = str(form.get("outcome", ""))
        if outcome not in OUTCOMES:
            problems.add("outcome", _("Choose the outcome of this referral"))
        return "CompleteReferral", {
            **base,
            "outcome": outcome,
            "note": _text(form, "complete-note"),
        }
    if action == "redirect":
        service = _text(form, "serviceId")
        if not service:
            problems.add("serviceId", _("Choose the service to send this referral to"))
        return "RedirectReferral", {
            **base,
            "serviceId": service,
            "note": _text(form, "redirect-note"),
        }
    if action == "follow-up":
        follow_up: dict[str, Any] = {"id": base["id"], "at": _follow_up(visit, form, problems)}
        return "ScheduleFollowUp", follow_up
    if action == "cancel":
        why = _text(form, "cancel-note")
        if not why:
            problems.add("cancel-note", _("Say why you cancel this referral"))
        return "CancelReferral", {**base, "note": why or ""}
    note = _text(form, "note")
    if not note:
        problems.add("note", _("Write the note"))
    return "AddReferralNote", {"id": base["id"], "note": note or ""}


@page
async def answer(visit: Visit) -> Response:
    visit.require()
    referral_id = visit.request.path_params["id"]
    action = visit.request.path_params["action"]
    if action not in FIELDS:
        raise Refused(404, visit._("This page does not exist."))
    if visit.request.method == "GET":  # a language link of a page answering a post
        return visit.redirect(visit.url(f"/referrals/{referral_id}", **visit.request.query_params))
    form = await visit.form()
    version = str(form.get("version", ""))
    known = version.isdigit() and len(version) < 10  # a GraphQL Int
    base: dict[str, Any] = {"id": referral_id, "version": int(version) if known else 0}
    problems = Problems()
    operation, variables = _input(visit, action, form, base, problems)
    values = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    if not problems:
        data = await visit.run(operation, input=variables)
        errors = next(iter(data.values()))["userErrors"]
        if any(e["code"] in CONFLICTS for e in errors):
            return visit.redirect(visit.url(f"/referrals/{referral_id}", answered=version))
        fields = FIELDS[action]
        renamed = [
            {**e, "field": [fields[e["field"][-1]]]}
            if e.get("field") and e["field"][-1] in fields
            else e
            for e in errors
        ]
        problems.from_user_errors(renamed, visit.speech, fields=set(fields.values()))
        if not problems:
            anchor = "#timeline" if action == "note" else ""
            return visit.redirect(visit.url(f"/referrals/{referral_id}", done=action) + anchor)
    return await _show(visit, referral_id, problems=problems, values=values)


routes = [
    Route("/referrals/{id}", referral),
    Route("/referrals/{id}/now", referral_now),
    Route("/referrals/{id}/{action}", answer, methods=["GET", "POST"]),
]
