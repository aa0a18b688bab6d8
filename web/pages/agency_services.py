"""Our services: the agency's basket, its inactive services too (only its staff see those),
and the form that creates or changes one — names, category of its axis, who it is for,
places, response time, area served, whether it is open."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from web.forms import Problems
from web.i18n import N_
from web.labels import axis_names, gender_names
from web.pages.agency import (
    NAME_FIELDS,
    NAME_PROBLEMS,
    number,
    own_actor,
    refused_fields,
    require_staff,
    text,
)
from web.visit import Refused, Visit, page

# the form offers each axis and gender the labels word
AXES = list(axis_names)
GENDERS = list(gender_names)
NUMBERS = ("minAge", "maxAge", "capacityAvailable", "capacityTotal", "responseDays")


SERVICE_FIELDS = {
    **NAME_PROBLEMS,
    "categoryCode": ("categoryCode", N_("Choose a category of this axis")),
    "eligibility.minAge": ("minAge", N_("Enter a lowest age from 0 to 120, not above the highest")),
    "eligibility.maxAge": ("maxAge", N_("Enter a highest age from 0 to 120")),
    "capacity.available": (
        "capacityAvailable",
        N_("Enter the places available: zero or more, not above the total"),
    ),
    "capacity.total": ("capacityTotal", N_("Enter the total places: zero or more")),
    "responseDays": ("responseDays", N_("Enter a number of days from 0 to 365")),
    "serviceAreaIds": ("serviceAreaIds", N_("Choose at most 100 territories")),
    "axis": ("axis", N_("Choose an axis")),
}


@page
async def services(visit: Visit) -> Response:
    require_staff(visit)
    after = visit.request.query_params.get("after") or None
    actor = (await visit.run("AgencyServices", after=after))["me"]["actor"]
    return await visit.page(
        "agency_services.html",
        actor=actor,
        services=actor["services"],
        created=visit.request.query_params.get("created") == "1",
        saved=visit.request.query_params.get("saved") == "1",
    )


def _values_of(service: Mapping[str, Any]) -> dict[str, Any]:
    names = service["names"] or {}
    eligibility = service["eligibility"] or {}
    capacity = service["capacity"] or {}
    return {
        **{field: names.get(lang) or "" for lang, field in NAME_FIELDS.items()},
        "categoryCode": (service["category"] or {}).get("code") or "",
        "minAge": eligibility.get("minAge"),
        "maxAge": eligibility.get("maxAge"),
        "genders": list(eligibility.get("genders") or []),
        "capacityAvailable": capacity.get("available"),
        "capacityTotal": capacity.get("total"),
        "responseDays": service["responseDays"],
        "serviceAreaIds": [t["id"] for t in service["serviceArea"]],
        "acceptsReferrals": "yes" if service["acceptsReferrals"] else "no",
        "active": "yes" if service["active"] else "no",
    }


def _posted(form: FormData) -> dict[str, Any]:
    return {
        **{name: text(form, name) for name in (*NAME_FIELDS.values(), "categoryCode")},
        **{name: text(form, name) for name in NUMBERS},
        "genders": [g for g in GENDERS if g in form.getlist("genders")],
        "serviceAreaIds": [str(v) for v in form.getlist("serviceAreaIds")],
        "acceptsReferrals": "no" if form.get("acceptsReferrals") == "no" else "yes",
        "active": "no" if form.get("active") == "no" else "yes",
    }


def _fields_of(visit: Visit, form: FormData, problems: Problems) -> dict[str, Any]:
    """The input fields both mutations share, from the posted form."""
    _t = visit._
    ages = {
        name: number(form, name, problems, _t("Enter the age as a whole number"))
        for name in ("minAge", "maxAge")
    }
    places = {
        name: number(form, name, problems, _t("Enter the number of places as a whole number"))
        for name in ("capacityAvailable", "capacityTotal")
    }
    days = number(form, "responseDays", problems, _t("Enter the number of days as a whole number"))
    if days is None and "responseDays" not in problems.codes():
        problems.add("responseDays", _t("Enter the number of days you take to answer"))
    posted = _posted(form)
    return {
        "names": {lang: posted[field] or None for lang, field in NAME_FIELDS.items()},
        "categoryCode": posted["categoryCode"] or None,
        "eligibility": {**ages, "genders": posted["genders"]},
        "capacity": {"available": places["capacityAvailable"], "total": places["capacityTotal"]},
        "responseDays": days,
        "serviceAreaIds": posted["serviceAreaIds"],
        "acceptsReferrals": posted["acceptsReferrals"] == "yes",
    }


async def _form_page(
    visit: Visit,
    *,
    axis: str,
    home: Mapping[str, Any] | None,
    service: Mapping[str, Any] | None,
    values: Mapping[str, Any],
    problems: Problems,
) -> Response:
    choices = await visit.run("ServiceChoices", axis=axis)
    territories = choices["territories"]
    chain, ids = home, []
    while chain:
        ids.append(chain["id"])
        chain = chain.get("parent")
    # the region of the actor first: where its services most often serve
    regions = sorted(
        (t for t in territories if t["level"] == "REGION"), key=lambda t: t["id"] not in ids
    )
    known = {t["id"] for t in territories}
    others = [t for t in (service or {}).get("serviceArea", []) if t["id"] not in known]
    return await visit.form_page(
        "service_edit.html",
        problems,
        choose_axis=False,
        service=service,
        axis=axis,
        values=values,
        categories=choices["taxonomy"],
        regions=regions,
        provinces=[t for t in territories if t["level"] == "PROVINCE"],
        others=others,
    )


@page
async def edit_service(visit: Visit) -> Response:
    require_staff(visit)
    data = await visit.run("AgencyService", id=visit.request.path_params["id"])
    service = data["node"]
    if not service or "axis" not in service:
        raise Refused(404, visit._("This page does not exist."))
    if data["me"]["actor"] is None or service["actor"]["id"] != data["me"]["actor"]["id"]:
        raise Refused(403, visit._("Only the staff of its organisation may change this service."))
    problems = Problems()
    values = _values_of(service)
    if visit.request.method == "POST":
        form = await visit.form()
        fields = _fields_of(visit, form, problems)
        values = _posted(form)
        if not problems:
            current = service["capacity"] or {}
            if fields["capacity"] == {k: current.get(k) for k in ("available", "total")}:
                del fields["capacity"]  # unchanged: keep the time the places were last counted
            update = {**fields, "id": service["id"], "active": values["active"] == "yes"}
            answer = (await visit.run("UpdateService", input=update))["updateService"]
            refused_fields(visit, problems, answer["userErrors"], SERVICE_FIELDS)
            if not problems:
                return visit.redirect("/agency/services?saved=1")
    return await _form_page(
        visit,
        axis=service["axis"],
        home=service["actor"]["territory"],
        service=service,
        values=values,
        problems=problems,
    )


@page
async def new_service(visit: Visit) -> Response:
    actor = await own_actor(visit)
    axis = visit.request.query_params.get("axis", "")
    if visit.request.method == "GET" and axis not in AXES:
        problems = Problems()
        if "axis" in visit.request.query_params:
            problems.add("axis", visit._("Choose an axis"))
        return await visit.form_page("service_edit.html", problems, choose_axis=True)
    problems = Problems()
    values: dict[str, Any] = {
        **dict.fromkeys([*NAME_FIELDS.values(), "categoryCode", *NUMBERS], ""),
        "responseDays": 5,
        "genders": [],
        "serviceAreaIds": [],
        "acceptsReferrals": "yes",
        "active": "yes",
    }
    if visit.request.method == "POST":
        form = await visit.form()
        axis = str(form.get("axis", ""))
        if axis not in AXES:
            raise Refused(400, visit._("Choose an axis"))
        fields = _fields_of(visit, form, problems)
        values = _posted(form)
        if not problems:
            if fields["capacity"] == {"available": None, "total": None}:
                del fields["capacity"]
            create = {**fields, "actorId": actor["id"], "axis": axis}
            answer = (await visit.run("CreateService", input=create))["createService"]
            refused_fields(visit, problems, answer["userErrors"], SERVICE_FIELDS)
            if not problems:
                return visit.redirect("/agency/services?created=1")
    return await _form_page(
        visit, axis=axis, home=actor["territory"], service=None, values=values, problems=problems
    )


routes = [
    Route("/agency/services", services),
    Route("/agency/services/new", new_service, methods=["GET", "POST"]),
    Route("/agency/services/{id}", edit_service, methods=["GET", "POST"]),
]
