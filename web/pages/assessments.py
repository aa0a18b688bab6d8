"""Assessing a young person: an answer to each indicator of the five axes (the API derives
each axis's need level from them), and the mediator's own level for an axis, overruling
the derived one, with the reason. The form opens with the answers of the latest assessment;
the new one is shown on the plan page, beside the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import uuid4

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.forms import Problems
from web.i18n import N_
from web.labels import axis_names, indicator_answer_names, need_level_names
from web.pages.agency import refused_fields, text
from web.pages.plans import plan_of
from web.visit import Visit, page

AXES = list(axis_names)
NOTE_FIELDS = {"note": ("note", N_("Enter a note of at most 2,000 characters"))}


def field_id(code: str) -> str:
    """An indicator's code as the name of its field (its dots would need escaping)."""
    return "answer-" + code.replace(".", "-")


def by_axis(indicators: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The indicators of each axis in their order, the axes as the labels list them."""
    rows: dict[str, list[dict[str, Any]]] = {axis: [] for axis in AXES}
    for indicator in sorted(indicators, key=lambda i: i["position"]):
        rows[indicator["axis"]].append({**indicator, "field": field_id(indicator["code"])})
    return [{"axis": axis, "indicators": rows[axis]} for axis in AXES if rows[axis]]


def _assessment(
    visit: Visit, form: FormData, axes: list[dict[str, Any]], problems: Problems
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The answers and the overrules posted; what is wrong in ``problems``."""
    _ = visit._
    answers: list[dict[str, str]] = []
    for group in axes:
        for indicator in group["indicators"]:
            answer = text(form, indicator["field"])
            if answer in indicator_answer_names:
                answers.append({"indicator": indicator["code"], "answer": answer})
    overrules: list[dict[str, str]] = []
    for axis in AXES:
        level, reason = text(form, f"level-{axis}"), text(form, f"reason-{axis}")
        name = _(axis_names[axis])
        if level and level not in need_level_names:
            problems.add(f"level-{axis}", _("Choose a level for %(axis)s", axis=name))
        elif level and not reason:
            problems.add(
                f"reason-{axis}", _("Enter why you give %(axis)s another level", axis=name)
            )
        elif reason and not level:
            problems.add(f"level-{axis}", _("Choose the level you give %(axis)s", axis=name))
        elif level:
            overrules.append({"axis": axis, "level": level, "reason": reason})
    if not answers and not overrules and not problems:
        first = axes[0]["indicators"][0]["field"] if axes else "note"
        problems.add(first, _("Answer at least one question"))
    return answers, overrules


@page
async def new_assessment(visit: Visit) -> Response:
    visit.require(Role.MEDIATOR, Role.ADMIN)
    youth_id = visit.request.path_params["id"]
    data = await visit.run("AssessmentChoices", id=youth_id)
    found = await plan_of(visit, youth_id)  # the young person, as the plan page sees them
    axes = by_axis(data["assessmentIndicators"])
    latest = data["assessments"][0] if data["assessments"] else None
    values: dict[str, str] = {"note": "", "idempotencyKey": uuid4().hex}
    for answer in (latest or {}).get("answers", []):
        if answer["answer"]:
            values[field_id(answer["indicator"])] = answer["answer"]
    problems = Problems()
    if visit.request.method == "POST":
        form = await visit.form()
        values = {name: str(value).strip() for name, value in form.multi_items()}
        answers, overrules = _assessment(visit, form, axes, problems)
        if not problems:
            given = {
                "youthId": youth_id,
                "answers": answers,
                "overrules": overrules,
                "note": values.get("note") or None,
                "idempotencyKey": values.get("idempotencyKey") or None,
            }
            payload = (await visit.run("AssessYouth", input=given))["assessYouth"]
            refused_fields(visit, problems, payload["userErrors"], NOTE_FIELDS)
            if not problems:
                return visit.redirect(f"/youths/{youth_id}/plan?done=assessment")
    return await visit.form_page("assessment_new.html", problems, **found, axes=axes, values=values)


routes = [Route("/youths/{id}/assessment/new", new_assessment, methods=["GET", "POST"])]
