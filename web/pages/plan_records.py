"""The records of a young person's integration plan: their agreement to it (or, while a
minor, their legal representative's) and its reviews, each a form that posts and redirects,
carrying the plan's version as every change of the plan does (web.pages.plans)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.forms import Problems
from web.i18n import N_
from web.labels import plan_agreed_by_names
from web.pages.agency import text
from web.pages.case import today
from web.pages.plans import answered, plan_of, version_of
from web.pages.youths import typed_date
from web.visit import Refused, Visit, page

# the console's words for a field the API refused, per form
AGREEMENT_FIELDS = {
    "agreedOn": ("agreedOn", N_("Enter the date of the agreement, today or before")),
    "agreedBy": ("agreedBy", N_("Choose who agreed to the plan")),
    "evidence": ("evidence", N_("Enter where the signed plan is kept in at most 2,000 characters")),
}
REVIEW_FIELDS = {
    "reviewedOn": ("reviewedOn", N_("Enter the date of the review, today or before")),
    "nextReviewOn": ("nextReviewOn", N_("Enter a next review date after the review")),
    "changes": ("changes", N_("Enter what changed in at most 2,000 characters")),
}


def _plan_required(visit: Visit, found: dict[str, Any]) -> dict[str, Any]:
    if found["plan"] is None:
        raise Refused(404, visit._("This young person has no plan yet."))
    plan: dict[str, Any] = found["plan"]
    return plan


@page
async def agreement(visit: Visit) -> Response:
    """The young person's agreement to the plan (or, while a minor, their legal
    representative's), as a consent is recorded: who, when, where the signed plan is."""
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id = visit.request.path_params["id"]
    found = await plan_of(visit, youth_id)
    plan = _plan_required(visit, found)
    problems = Problems()
    values = {"agreedBy": "YOUTH", "agreedOn": today(), "evidence": ""}
    if visit.request.method == "POST":
        _ = visit._
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        if values["agreedBy"] not in plan_agreed_by_names:
            problems.add("agreedBy", _("Choose who agreed to the plan"))
        agreed = typed_date(
            form, "agreedOn", problems, _("Enter the date of the agreement as a date")
        )
        if agreed is None and "agreedOn" not in problems.codes():
            problems.add("agreedOn", _("Enter the date of the agreement"))
        if not problems:
            given = {
                "planId": plan["id"],
                "version": version_of(form),
                "agreedBy": values["agreedBy"],
                "agreedOn": agreed,
                "evidence": values["evidence"] or None,
            }
            payload = (await visit.run("RecordPlanAgreement", input=given))["recordPlanAgreement"]
            answered(visit, problems, payload["userErrors"], AGREEMENT_FIELDS, "agreedBy")
            if not problems:
                return visit.redirect(f"/youths/{youth_id}/plan?done=agreement")
            found = await plan_of(visit, youth_id)
    return await visit.form_page("plan_agreement.html", problems, **found, values=values)


@page
async def review(visit: Visit) -> Response:
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id = visit.request.path_params["id"]
    found = await plan_of(visit, youth_id)
    plan = _plan_required(visit, found)
    problems = Problems()
    values = {"reviewedOn": today(), "changes": "", "nextReviewOn": ""}
    if visit.request.method == "POST":
        _ = visit._
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        on = typed_date(form, "reviewedOn", problems, _("Enter the date of the review as a date"))
        if on is None and "reviewedOn" not in problems.codes():
            problems.add("reviewedOn", _("Enter the date of the review"))
        following = typed_date(form, "nextReviewOn", problems, _("Enter the next review as a date"))
        if not problems:
            given = {
                "planId": plan["id"],
                "version": version_of(form),
                "reviewedOn": on,
                "changes": values["changes"] or None,
                "nextReviewOn": following,
            }
            payload = (await visit.run("RecordPlanReview", input=given))["recordPlanReview"]
            answered(visit, problems, payload["userErrors"], REVIEW_FIELDS, "reviewedOn")
            if not problems:
                return visit.redirect(f"/youths/{youth_id}/plan?done=review")
            found = await plan_of(visit, youth_id)
    return await visit.form_page("plan_review.html", problems, **found, values=values)


routes = [
    Route("/youths/{id}/plan/agreement", agreement, methods=["GET", "POST"]),
    Route("/youths/{id}/plan/review", review, methods=["GET", "POST"]),
]
