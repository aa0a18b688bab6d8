"""Our profile: the agency's staff keep their own actor current — its names, contacts,
place on the map, languages, whether it takes referrals — and confirm in one click that
it is still right when the re-verification reminder asks them to."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from web.forms import Problems
from web.i18n import CASABLANCA, N_
from web.labels import language_names
from web.visit import Refused, Visit, page

LANGUAGE_VALUES = list(language_names)  # the languages the form offers, as labelled
NAME_FIELDS = {"ar": "nameAr", "fr": "nameFr", "en": "nameEn"}


# the console's words for a field the API refused (its own words are English): the
# names, as an actor and a service have them, then each one's own fields
NAME_PROBLEMS = {
    "names": ("nameAr", N_("Enter the name in Arabic or in French")),
    "names.ar": ("nameAr", N_("Enter the Arabic name without control characters")),
    "names.fr": ("nameFr", N_("Enter the French name without control characters")),
    "names.en": ("nameEn", N_("Enter the English name without control characters")),
}
ACTOR_FIELDS = {
    **NAME_PROBLEMS,
    "phone": ("phone", N_("Enter a phone number of at most 40 characters")),
    "email": ("email", N_("Enter an email address like name@example.ma")),
    "website": ("website", N_("Enter a website address starting with https://")),
    "address": ("address", N_("Enter an address of at most 400 characters")),
    "postalCode": ("postalCode", N_("Enter a postal code of five digits")),
    "location": (
        "latitude",
        N_("Pick a place inside the province or prefecture where your organisation is"),
    ),
    "location.latitude": ("latitude", N_("Enter a latitude between -90 and 90")),
    "location.longitude": ("longitude", N_("Enter a longitude between -180 and 180")),
}


def require_staff(visit: Visit) -> None:
    """Staff of an actor only (AGENCY_STAFF or MEDIATOR bound to one), else 403."""
    visit.require()
    if not visit.viewer.is_actor_staff:
        raise Refused(403, visit._("This page is for the staff of an organisation."))


def text(form: FormData, name: str) -> str:
    return str(form.get(name, "")).strip()


def number(
    form: FormData, name: str, problems: Problems, message: str, *, whole: bool = True
) -> Any:
    """The number typed in field ``name``; None when blank; a problem when not a number."""
    raw = text(form, name).replace(",", ".") if not whole else text(form, name)
    if not raw:
        return None
    try:
        return int(raw) if whole else float(raw)
    except ValueError:
        problems.add(name, message)
        return None


def refused_fields(
    visit: Visit,
    problems: Problems,
    errors: Iterable[Mapping[str, Any]],
    fields: Mapping[str, tuple[str, str]],
) -> None:
    """The API's userErrors in the error summary, each linked to the form's field."""
    worded = []
    for error in errors:
        path = [str(p) for p in (error.get("field") or []) if p != "input"]
        known = fields.get(".".join(path))
        if known and error.get("code") == "INVALID_INPUT":
            worded.append({**error, "field": [known[0]], "message": visit._(known[1])})
        else:
            worded.append({**error, "field": [known[0]] if known else []})
    names = {name for name, _message in fields.values()}
    problems.from_user_errors(worded, visit.speech, fields=names)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def due_for_verification(verified_at: str | None, months: int) -> bool:
    """As the reminder counts: never confirmed, or confirmed ``months`` or more ago."""
    if not verified_at:
        return True
    confirmed = datetime.fromisoformat(verified_at).astimezone(CASABLANCA).date()
    return add_months(confirmed, months) <= datetime.now(CASABLANCA).date()


async def own_actor(visit: Visit) -> dict[str, Any]:
    require_staff(visit)
    me = (await visit.run("AgencyProfile"))["me"]
    if not me or not me["actor"]:
        raise Refused(403, visit._("This page is for the staff of an organisation."))
    actor: dict[str, Any] = me["actor"]
    return actor


@page
async def agency(visit: Visit) -> Response:
    actor = await own_actor(visit)
    query = visit.request.query_params
    return await visit.form_page(
        "agency.html",
        Problems(),
        actor=actor,
        due=due_for_verification(actor["verifiedAt"], visit.settings.actor_stale_months),
        verified=query.get("verified") == "1",
        saved=query.get("saved") == "1",
    )


@page
async def verify(visit: Visit) -> Response:
    actor = await own_actor(visit)
    await visit.form()
    data = await visit.run("VerifyAgency", id=actor["id"])
    problems = Problems()
    refused_fields(visit, problems, data["verifyActor"]["userErrors"], {})
    if not problems:
        return visit.redirect("/agency?verified=1")
    return await visit.form_page(
        "agency.html", problems, actor=actor, due=True, verified=False, saved=False
    )


def _values_of(actor: Mapping[str, Any]) -> dict[str, Any]:
    names = actor["names"] or {}
    location = actor["location"] or {}
    return {
        **{field: names.get(lang) or "" for lang, field in NAME_FIELDS.items()},
        "phone": actor["phone"] or "",
        "email": actor["email"] or "",
        "website": actor["website"] or "",
        "address": actor["address"] or "",
        "postalCode": actor["postalCode"] or "",
        "latitude": location.get("latitude", ""),
        "longitude": location.get("longitude", ""),
        "languages": list(actor["languages"]),
        "acceptsReferrals": "yes" if actor["acceptsReferrals"] else "no",
    }


def _input_of(
    visit: Visit, actor: Mapping[str, Any], form: FormData, problems: Problems
) -> dict[str, Any]:
    _t = visit._
    latitude = number(form, "latitude", problems, _t("Enter the latitude as a number"), whole=False)
    longitude = number(
        form, "longitude", problems, _t("Enter the longitude as a number"), whole=False
    )
    if (latitude is None) != (longitude is None) and not problems:
        blank = "latitude" if latitude is None else "longitude"
        problems.add(blank, _t("Enter both the latitude and the longitude, or neither"))
    location = None
    if latitude is not None and longitude is not None:
        location = {"latitude": latitude, "longitude": longitude}
    return {
        "id": actor["id"],
        "names": {lang: text(form, field) or None for lang, field in NAME_FIELDS.items()},
        "phone": text(form, "phone") or None,
        "email": text(form, "email") or None,
        "website": text(form, "website") or None,
        "address": text(form, "address") or None,
        "postalCode": text(form, "postalCode") or None,
        "location": location,
        "languages": [v for v in LANGUAGE_VALUES if v in form.getlist("languages")],
        "acceptsReferrals": form.get("acceptsReferrals") != "no",
    }


@page
async def edit(visit: Visit) -> Response:
    actor = await own_actor(visit)
    problems = Problems()
    values = _values_of(actor)
    if visit.request.method == "POST":
        form = await visit.form()
        update = _input_of(visit, actor, form, problems)
        values = {
            **{name: text(form, name) for name in values if name != "languages"},
            "languages": update["languages"],
        }
        if not problems:
            data = await visit.run("UpdateAgency", input=update)
            refused_fields(visit, problems, data["updateActor"]["userErrors"], ACTOR_FIELDS)
            if not problems:
                return visit.redirect("/agency?saved=1")
    shapes = (await visit.run("AgencyMap"))["me"]["actor"]["territory"]
    return await visit.form_page(
        "agency_edit.html",
        problems,
        actor=actor,
        values=values,
        shapes=shapes,
        tiles=visit.settings.map_tiles_url,
    )


routes = [
    Route("/agency", agency),
    Route("/agency/verify", verify, methods=["POST"]),
    Route("/agency/edit", edit, methods=["GET", "POST"]),
]
