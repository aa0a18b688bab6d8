"""A young person's integration plan: the active plan with its goals, actions, reviews and
agreement, the forms that change its goals and actions (each posts and redirects), and the
plan laid out to print on one or two A4 pages. The agreement and the reviews
(web.pages.plan_records), the assessment (web.pages.assessments) and the referral from an
action (web.pages.plan_referral) are pages of their own.

Every change of a plan carries the ``version`` the form was drawn with: when someone else
changed the plan first, the API answers STALE_VERSION and the form comes back with the plan
as it is now and a message, never an overwrite.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import uuid4

from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from network.enums import Role
from web.client import ConsoleError
from web.forms import Problems
from web.i18n import LANGUAGES, N_, Speech
from web.labels import (
    axis_names,
    plan_action_kind_names,
    plan_action_status_names,
    plan_goal_status_names,
)
from web.pages.agency import refused_fields, text
from web.pages.case import today
from web.pages.youths import typed_date
from web.visit import Refused, Visit, page

# the owners an action may be given here: a user of a partner is given by a referral
OWNERS = ("MEDIATOR", "YOUNG_PERSON")
OPEN_ACTIONS = ("PLANNED", "IN_PROGRESS")
STALE = N_(
    "Someone else changed the plan meanwhile. Here it is as it is now: check, then send again"
)

# the console's words for a field the API refused, per form
GOAL_FIELDS = {
    "goal.text": ("text", N_("Enter the goal in at most 2,000 characters")),
    "goals.0.text": ("text", N_("Enter the goal in at most 2,000 characters")),
    "goal.axis": ("axis", N_("Choose the axis of the goal")),
    "goals.0.axis": ("axis", N_("Choose the axis of the goal")),
}
ACTION_FIELDS = {
    "action.note": ("note", N_("Enter a note of at most 2,000 characters")),
    "action.kind": ("kind", N_("Choose what the action is")),
    "action.owner": ("owner", N_("Choose who does it")),
}


async def plan_of(visit: Visit, youth_id: str) -> dict[str, Any]:
    """The young person (if the viewer may see their plan), their active plan or None, the
    latest assessment or None, and how many earlier plans are kept."""
    missing = Refused(404, visit._("This page does not exist."))
    try:
        data = await visit.run("PlanPage", id=youth_id)
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:  # not an id at all
            raise missing from error
        raise
    youth = data["node"]
    if not youth or "code" not in youth or youth["firstName"] is None:
        raise missing  # the plan is read as the identity is (docs/access.md)
    plans = data["integrationPlans"]
    active = next((p for p in plans if p["status"] == "ACTIVE"), None)
    return {
        "youth": youth,
        "plan": await plan_detail(visit, active),
        "assessment": data["assessments"][0] if data["assessments"] else None,
        "earlier": len(plans) - (active is not None),
    }


async def plan_detail(visit: Visit, active: dict[str, Any] | None) -> dict[str, Any] | None:
    """The whole of the ``active`` plan (read on its own: see PlanDetail), or None."""
    if active is None:
        return None
    plan: dict[str, Any] | None = (await visit.run("PlanDetail", id=active["id"]))["node"]
    return plan


def goal_of(visit: Visit, plan: dict[str, Any] | None, goal_id: str) -> dict[str, Any]:
    goals: list[dict[str, Any]] = (plan or {}).get("goals", [])
    goal = next((g for g in goals if g["id"] == goal_id), None)
    if goal is None:
        raise Refused(404, visit._("This goal is not in the plan."))
    return goal


def action_of(visit: Visit, plan: dict[str, Any] | None, action_id: str) -> dict[str, Any]:
    """The action and, under ``goal``, the goal it serves."""
    for goal in (plan or {}).get("goals", []):
        for action in goal["actions"]:
            if action["id"] == action_id:
                return {**action, "goal": goal}
    raise Refused(404, visit._("This action is not in the plan."))


def answered(
    visit: Visit,
    problems: Problems,
    errors: list[dict[str, Any]],
    fields: Mapping[str, tuple[str, str]],
    first: str,
) -> None:
    """The API's userErrors in ``problems``: a stale version linked to the form's
    ``first`` field in the console's words, the others to their fields."""
    stale = [e for e in errors if e["code"] == "STALE_VERSION"]
    if stale:
        problems.add(first, visit._(STALE))
    refused_fields(visit, problems, [e for e in errors if e not in stale], fields)


def version_of(form: FormData) -> int:
    raw = text(form, "version")
    return int(raw) if raw.isdigit() else 0  # no version is stale, never a guess


@page
async def plan_page(visit: Visit) -> Response:
    visit.require()
    return await _show(visit, visit.request.path_params["id"])


async def _show(
    visit: Visit,
    youth_id: str,
    problems: Problems | None = None,
    values: Mapping[str, str] | None = None,
) -> Response:
    found = await plan_of(visit, youth_id)
    return await visit.form_page(
        "plan.html",
        problems or Problems(),
        **found,
        editor=visit.has(Role.MEDIATOR, Role.ADMIN),
        done=visit.request.query_params.get("done"),
        values=values or {},
        print_languages=[lang for lang in LANGUAGES if lang != "en"],
    )


@page
async def print_plan(visit: Visit) -> Response:
    """The plan as one page to print, without the console's navigation; in the language
    asked (``?language=``, which leaves the console's own language as it is), else the
    viewer's. The API keeps no language of the young person, so the mediator chooses theirs."""
    visit.require()
    asked = visit.request.query_params.get("language", "").lower()
    if asked in LANGUAGES and asked != visit.speech.lang:
        visit.speech = Speech(asked)
        visit.context = await visit.console.context(visit.request, visit.viewer, asked)
    found = await plan_of(visit, visit.request.path_params["id"])
    if found["plan"] is None:
        raise Refused(404, visit._("This young person has no plan yet."))
    html = visit.render("plan_print.html", **found, printed_on=today())
    return visit.respond(HTMLResponse(html))


def _goal_input(
    visit: Visit, form: FormData, values: dict[str, str], problems: Problems
) -> dict[str, Any]:
    _ = visit._
    if values["axis"] not in axis_names:
        problems.add("axis", _("Choose the axis of the goal"))
    if not values["text"]:
        problems.add("text", _("Enter the goal"))
    target = typed_date(form, "targetDate", problems, _("Enter the target date as a real date"))
    return {"axis": values["axis"], "text": values["text"], "targetDate": target}


@page
async def new_goal(visit: Visit) -> Response:
    """A goal added to the plan; when there is no plan yet, the plan created with it."""
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id = visit.request.path_params["id"]
    found = await plan_of(visit, youth_id)
    plan = found["plan"]
    problems = Problems()
    query = visit.request.query_params
    values = {"axis": query.get("axis", ""), "text": "", "targetDate": ""}
    key = uuid4().hex
    if visit.request.method == "POST":
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        goal = _goal_input(visit, form, values, problems)
        key = text(form, "idempotencyKey") or key
        if not problems:
            if plan is None:
                created = {"youthId": youth_id, "goals": [goal], "idempotencyKey": key}
                answer = await visit.run("CreateIntegrationPlan", input=created)
                payload = answer["createIntegrationPlan"]
            else:
                added = {"planId": plan["id"], "version": version_of(form), "goal": goal}
                payload = (await visit.run("AddPlanGoal", input=added))["addPlanGoal"]
            answered(visit, problems, payload["userErrors"], GOAL_FIELDS, "axis")
            if not problems:
                done = "created" if plan is None else "goal"
                return visit.redirect(f"/youths/{youth_id}/plan?done={done}")
            found = await plan_of(visit, youth_id)
    return await visit.form_page("plan_goal.html", problems, **found, values=values, key=key)


@page
async def new_action(visit: Visit) -> Response:
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id, goal_id = visit.request.path_params["id"], visit.request.path_params["goal"]
    found = await plan_of(visit, youth_id)
    goal = goal_of(visit, found["plan"], goal_id)
    problems = Problems()
    values = {"kind": "", "owner": "MEDIATOR", "dueDate": "", "note": ""}
    if visit.request.method == "POST":
        _ = visit._
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        if values["kind"] not in plan_action_kind_names:
            problems.add("kind", _("Choose what the action is"))
        if values["owner"] not in OWNERS:
            problems.add("owner", _("Choose who does it"))
        due = typed_date(form, "dueDate", problems, _("Enter the due date as a real date"))
        if not problems:
            action = {
                "kind": values["kind"],
                "owner": values["owner"],
                "dueDate": due,
                "note": values["note"] or None,
            }
            added = {
                "planId": found["plan"]["id"],
                "version": version_of(form),
                "goalId": goal_id,
                "action": action,
            }
            payload = (await visit.run("AddPlanAction", input=added))["addPlanAction"]
            answered(visit, problems, payload["userErrors"], ACTION_FIELDS, "kind")
            if not problems:
                return visit.redirect(f"/youths/{youth_id}/plan?done=action#goal-{goal_id}")
            found = await plan_of(visit, youth_id)
            goal = goal_of(visit, found["plan"], goal_id)
    return await visit.form_page(
        "plan_action.html", problems, **found, goal=goal, values=values, owners=OWNERS
    )


@page
async def goal_status(visit: Visit) -> Response:
    """A goal achieved, dropped (with a reason) or opened again, from the plan page."""
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id, goal_id = visit.request.path_params["id"], visit.request.path_params["goal"]
    found = await plan_of(visit, youth_id)
    goal_of(visit, found["plan"], goal_id)
    form = await visit.form()
    status, reason = text(form, "status"), text(form, "reason")
    field = f"goal-{goal_id}-status"
    problems = Problems()
    if status not in plan_goal_status_names:
        problems.add(field, visit._("Choose where the goal stands"))
    elif status == "DROPPED" and not reason:
        problems.add(f"goal-{goal_id}-reason", visit._("Enter why the goal is dropped"))
    if not problems:
        given = {
            "planId": found["plan"]["id"],
            "version": version_of(form),
            "goalId": goal_id,
            "status": status,
            "reason": reason or None,
        }
        payload = (await visit.run("SetPlanGoalStatus", input=given))["setPlanGoalStatus"]
        fields = {"reason": (f"goal-{goal_id}-reason", N_("Enter why the goal is dropped"))}
        answered(visit, problems, payload["userErrors"], fields, field)
        if not problems:
            return visit.redirect(f"/youths/{youth_id}/plan?done=goal-status#goal-{goal_id}")
    values = {f"goal-{goal_id}-status": status, f"goal-{goal_id}-reason": reason}
    return await _show(visit, youth_id, problems, values)


@page
async def action_status(visit: Visit) -> Response:
    """An action marked in progress, done, not done or cancelled, from the plan page."""
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id, action_id = visit.request.path_params["id"], visit.request.path_params["action"]
    found = await plan_of(visit, youth_id)
    action_of(visit, found["plan"], action_id)
    form = await visit.form()
    status = text(form, "status")
    field = f"action-{action_id}-status"
    problems = Problems()
    if status not in plan_action_status_names:
        problems.add(field, visit._("Choose where the action stands"))
    else:
        given = {"actionId": action_id, "status": status}
        payload = (await visit.run("SetPlanActionStatus", input=given))["setPlanActionStatus"]
        if not payload["userErrors"]:
            return visit.redirect(f"/youths/{youth_id}/plan?done=action-status#action-{action_id}")
        problems.add(field, visit._("This action cannot be moved to this status now"))
    return await _show(visit, youth_id, problems, {field: status})


routes = [
    Route("/youths/{id}/plan", plan_page),
    Route("/youths/{id}/plan/print", print_plan),
    Route("/youths/{id}/plan/goals/new", new_goal, methods=["GET", "POST"]),
    Route("/youths/{id}/plan/goals/{goal}/actions/new", new_action, methods=["GET", "POST"]),
    Route("/youths/{id}/plan/goals/{goal}/status", goal_status, methods=["POST"]),
    Route("/youths/{id}/plan/actions/{action}/status", action_status, methods=["POST"]),
]
