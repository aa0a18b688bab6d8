"""Referring from a plan action: the services on the axis of the action's goal, near the
young person, each with its response time; those the young person may not be referred to
are shown greyed with the reason and cannot be chosen. Sending creates the referral linked
to the action (``referFromPlanAction``), which is then in progress.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import uuid4

from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.forms import Problems
from web.i18n import N_
from web.labels import axis_names
from web.pages.agency import refused_fields, text
from web.pages.plans import OPEN_ACTIONS, action_of, plan_detail
from web.visit import Refused, Visit, page

ONLY_FOR = {"FEMALE": N_("Only for young women"), "MALE": N_("Only for young men")}
REFER_FIELDS = {
    "referral.reason": ("reason", N_("Enter the reason in at most 2,000 characters")),
    "referral.serviceId": ("serviceId", N_("Choose a service from the list")),
}


def lineage(actor: dict[str, Any]) -> list[str]:
    """The actor's id and its parents' (as far as the document asks: three levels)."""
    ids: list[str] = []
    found: dict[str, Any] | None = actor
    while found:
        ids.append(found["id"])
        found = found.get("parent")
    return ids


def covers(consents: Iterable[dict[str, Any]], actor: dict[str, Any]) -> bool:
    """Whether a consent of the young person covers ``actor`` as docs/access.md defines a
    covering consent: active (the API says so: not withdrawn, given, not expired) and naming
    all actors, the actor's kind, or the actor or one of its parents."""
    ids = set(lineage(actor))
    return any(
        consent["active"]
        and (
            consent["allActors"]
            or actor["kind"] in consent["actorKinds"]
            or ids & {named["id"] for named in consent["actors"]}
        )
        for consent in consents
    )


def ages(visit: Visit, low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return visit._("ages %(low)s to %(high)s", low=low, high=high)
    if low is not None:
        return visit._("ages %(low)s and over", low=low)
    return visit._("ages up to %(high)s", high=high)


def refusals(visit: Visit, service: dict[str, Any], youth: dict[str, Any]) -> list[str]:
    """Why the young person may not be referred to ``service``, in words; none when they may.

    The API keeps no eligibility per young person, so the console compares what it returns:
    the service's age range and genders with the young person's age and gender (a service
    without them is for everyone; a young person whose age or gender is not known is not
    refused on it), and the consents the young person's record exposes with the service's
    actor (``covers``). Sending would be refused without consent anyway (CONSENT_REQUIRED);
    eligibility the API does not check, so the list is where it is kept.
    """
    _ = visit._
    reasons = []
    rules = service["eligibility"]
    low, high, age = rules["minAge"], rules["maxAge"], youth["age"]
    if age is not None and ((low is not None and age < low) or (high is not None and age > high)):
        reasons.append(
            _("Not for their age (%(age)s): %(ages)s", age=age, ages=ages(visit, low, high))
        )
    genders, gender = rules["genders"], youth["gender"]
    if gender is not None and genders and gender not in genders:
        reasons.append(_(ONLY_FOR[genders[0]]))
    if not covers(youth["consents"], service["actor"]):
        reasons.append(_("No consent of theirs covers %(actor)s", actor=service["actor"]["name"]))
    return reasons


async def _choices(
    visit: Visit, youth_id: str, action_id: str
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]], bool, dict[str, Any]]:
    """The young person, the action, the services (each with its ``refusals``), whether
    there were more than a page of them, and the territory they were looked for in."""
    data = await visit.run("ReferAction", id=youth_id)
    youth = data["node"]
    if not youth or "code" not in youth or youth["firstName"] is None:
        raise Refused(404, visit._("This page does not exist."))
    active = next((p for p in data["integrationPlans"] if p["status"] == "ACTIVE"), None)
    action = action_of(visit, await plan_detail(visit, active), action_id)
    if action["referral"] is not None or action["status"] not in OPEN_ACTIONS:
        raise Refused(409, visit._("This action already has its referral, or is closed."))
    territory = youth["residenceTerritory"] or youth["institution"]["territory"]
    found = (
        await visit.run("ReferServices", axis=action["goal"]["axis"], territoryId=territory["id"])
    )["services"]
    ours = (data["me"] or {}).get("actor") or {}
    services = [
        {**service, "refusals": refusals(visit, service, youth)}
        for service in found["nodes"]
        if service["actor"]["id"] != ours.get("id")  # no referral from an actor to itself
    ]
    services.sort(key=lambda s: bool(s["refusals"]))  # the ones to choose from first
    return youth, action, services, found["totalCount"] > len(found["nodes"]), territory


@page
async def refer(visit: Visit) -> Response:
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id, action_id = visit.request.path_params["id"], visit.request.path_params["action"]
    youth, action, services, partial, territory = await _choices(visit, youth_id, action_id)
    problems = Problems()
    values = {"serviceId": "", "reason": action["goal"]["text"] or "", "key": uuid4().hex}
    if visit.request.method == "POST":
        _ = visit._
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        chosen = next((s for s in services if s["id"] == values["serviceId"]), None)
        if chosen is None or chosen["refusals"]:
            problems.add("serviceId", _("Choose a service the young person may be referred to"))
        if not values["reason"]:
            problems.add("reason", _("Enter the reason for the referral"))
        if not problems:
            referral = {
                "youthId": youth_id,
                "serviceId": values["serviceId"],
                "reason": values["reason"],
                "idempotencyKey": values["key"] or None,
            }
            given = {"actionId": action_id, "referral": referral}
            payload = (await visit.run("ReferFromPlanAction", input=given))["referFromPlanAction"]
            errors = payload["userErrors"]
            if any(e["code"] == "CONSENT_REQUIRED" for e in errors):
                problems.add("serviceId", _("No consent of theirs covers this organisation"))
            else:
                refused_fields(visit, problems, errors, REFER_FIELDS)
            if not problems:
                return visit.redirect(f"/youths/{youth_id}/plan?done=referral#action-{action_id}")
    return await visit.form_page(
        "plan_refer.html",
        problems,
        youth=youth,
        action=action,
        axis=axis_names[action["goal"]["axis"]],
        services=services,
        partial=partial,
        territory=territory,
        values=values,
    )


routes = [Route("/youths/{id}/plan/actions/{action}/refer", refer, methods=["GET", "POST"])]
