"""Keeping a young person's record: the form that changes their details (names, where
they stand, dates, schooling, where they live), the form that records a milestone they
reached, and the download of everything held about them (their right of access, law
09-08) — each for those who manage the record, as the API decides."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from web.forms import Problems
from web.i18n import N_
from web.labels import (
    education_level_names,
    milestone_kind_names,
    vocational_level_names,
    youth_status_names,
)
from web.pages.agency import refused_fields, text
from web.pages.case import NOT_YOURS, managed
from web.pages.youths import YOUTH_FIELDS, typed_date
from web.visit import Refused, Visit, page

EDIT_FIELDS = (
    "firstName",
    "lastName",
    "status",
    "expectedLeavingDate",
    "leftCareOn",
    "residenceTerritoryId",
    "educationLevel",
    "vocationalLevel",
)
# the console's words for a field the API refused
UPDATE_FIELDS = {
    **{name: YOUTH_FIELDS[name] for name in ("firstName", "lastName", "expectedLeavingDate")},
    "status": ("status", N_("Choose where they stand")),
    "leftCareOn": ("leftCareOn", N_("Enter the date they left care: today or before")),
    "residenceTerritoryId": ("residenceTerritoryId", N_("Choose a province or prefecture")),
}
MILESTONE_FIELDS = {
    "kind": ("kind", N_("Choose the milestone")),
    "achievedOn": ("achievedOn", N_("Enter the date it was reached: today or before")),
    "note": ("note", N_("Write a note of at most 2,000 characters")),
}


def _changes(visit: Visit, form: FormData, problems: Problems) -> dict[str, Any]:
    """The ``updateYouth`` fields from the posted form: every field is sent, a blank one
    clears what can be cleared; what is missing in ``problems``."""
    _ = visit._
    values = {name: text(form, name) for name in EDIT_FIELDS}
    if not values["firstName"]:
        problems.add("firstName", _("Enter the first name"))
    if not values["lastName"]:
        problems.add("lastName", _("Enter the last name"))
    if values["status"] not in youth_status_names:
        problems.add("status", _("Choose where they stand"))
    leaving = typed_date(
        form, "expectedLeavingDate", problems, _("Enter the leaving date as a date")
    )
    left = typed_date(form, "leftCareOn", problems, _("Enter the date they left care as a date"))
    return {
        **values,
        "expectedLeavingDate": leaving,
        "leftCareOn": left,
        "residenceTerritoryId": values["residenceTerritoryId"] or None,
        "educationLevel": values["educationLevel"]
        if values["educationLevel"] in education_level_names
        else None,
        "vocationalLevel": values["vocationalLevel"]
        if values["vocationalLevel"] in vocational_level_names
        else None,
    }


def _shown(youth: dict[str, Any]) -> dict[str, str]:
    """The edit form's fields as the young person's record has them now."""
    return {
        "firstName": youth["firstName"] or "",
        "lastName": youth["lastName"] or "",
        "status": youth["status"],
        "expectedLeavingDate": youth["expectedLeavingDate"] or "",
        "leftCareOn": youth["leftCareOn"] or "",
        "residenceTerritoryId": (youth["residenceTerritory"] or {}).get("id", ""),
        "educationLevel": youth["educationLevel"] or "",
        "vocationalLevel": youth["vocationalLevel"] or "",
    }


@page
async def edit_youth(visit: Visit) -> Response:
    data = await managed(visit, "YouthEdit")
    youth = data["node"]
    problems = Problems()
    values = _shown(youth)
    if visit.request.method == "POST":
        form = await visit.form()
        values = {name: text(form, name) for name in EDIT_FIELDS}
        changes = _changes(visit, form, problems)
        if not problems:
            answer = (await visit.run("UpdateYouth", input={"id": youth["id"], **changes}))[
                "updateYouth"
            ]
            refused_fields(visit, problems, answer["userErrors"], UPDATE_FIELDS)
            if not problems:
                return visit.redirect(f"/youths/{youth['id']}?done=updated")
    return await visit.form_page(
        "youth_edit.html", problems, youth=youth, values=values, provinces=data["provinces"]
    )


@page
async def new_milestone(visit: Visit) -> Response:
    youth = (await managed(visit, "YouthCase"))["node"]
    problems = Problems()
    values = {"kind": "", "achievedOn": "", "note": ""}
    if visit.request.method == "POST":
        _ = visit._
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        if values["kind"] not in milestone_kind_names:
            problems.add("kind", _("Choose the milestone"))
        reached = typed_date(form, "achievedOn", problems, _("Enter the date as a real date"))
        if reached is None and "achievedOn" not in problems.codes():
            problems.add("achievedOn", _("Enter the date it was reached"))
        if not problems:
            milestone = {
                "youthId": youth["id"],
                "kind": values["kind"],
                "achievedOn": reached,
                "note": values["note"] or None,
            }
            answer = (await visit.run("RecordMilestone", input=milestone))["recordMilestone"]
            refused_fields(visit, problems, answer["userErrors"], MILESTONE_FIELDS)
            if not problems:
                return visit.redirect(f"/youths/{youth['id']}?done=milestone#milestones")
    return await visit.form_page("milestone_new.html", problems, youth=youth, values=values)


@page
async def export_youth(visit: Visit) -> Response:
    """The young person's data as a JSON file to save (POST: the export is written in the
    audit log, and is no link to follow or prefetch)."""
    youth_id = visit.request.path_params["id"]
    if visit.request.method == "GET":  # a language link of a page answering a post
        return visit.redirect(f"/youths/{youth_id}")
    visit.require()
    await visit.form()
    answer = (await visit.run("ExportYouthData", youthId=youth_id))["exportYouthData"]
    codes = {error["code"] for error in answer["userErrors"]}
    if "PERMISSION_DENIED" in codes:
        raise Refused(403, visit._(NOT_YOURS))
    if codes or answer["json"] is None:
        raise Refused(404, visit._("This page does not exist."))
    code = orjson.loads(answer["json"])["youth"]["code"]
    headers = {
        "Content-Disposition": f'attachment; filename="jisr-{code}.json"',
        "Cache-Control": "no-store",
    }
    return visit.respond(Response(answer["json"], media_type="application/json", headers=headers))


routes = [
    Route("/youths/{id}/edit", edit_youth, methods=["GET", "POST"]),
    Route("/youths/{id}/milestones/new", new_milestone, methods=["GET", "POST"]),
    Route("/youths/{id}/export", export_youth, methods=["GET", "POST"]),
]
