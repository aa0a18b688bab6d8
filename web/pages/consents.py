"""A young person's consents to share their data with the network: the form that records
one — whom it covers (all actors, kinds of actors, or actors named from a search), who gave
it (their legal representative while they are a minor), when, until when, on what
evidence — and the step that withdraws one, which takes effect at once.

The consent form searches the actors in the same form: its search button sends what was
typed and shows it again with the actors found, the ones chosen kept, so that nothing
needs JavaScript and nothing typed is lost.
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from web.forms import Problems
from web.i18n import N_
from web.labels import consent_giver_names
from web.pages.agency import refused_fields, text
from web.pages.case import KINDS, managed, today
from web.pages.youths import typed_date
from web.visit import Refused, Visit, page

SCOPES = ("ALL", "KINDS", "ACTORS")
FIELDS = ("scope", "givenBy", "givenOn", "expiresOn", "evidence", "actorSearch", "idempotencyKey")

# the console's words for a field the API refused
CONSENT_FIELDS = {
    "allActors": ("scope", N_("Choose whom the consent covers")),
    "actorKinds": ("actorKinds", N_("Choose at least one kind of actor")),
    "actorIds": ("actorIds", N_("Choose at least one actor")),
    "givenBy": (
        "givenBy",
        N_("They are under 18: the consent is given by their legal representative"),
    ),
    "givenOn": ("givenOn", N_("Enter a real date")),
    "expiresOn": ("expiresOn", N_("Enter an end date after the date the consent was given")),
    "evidence": ("evidence", N_("Enter a reference of at most 200 characters")),
}
WITHDRAWN = N_("This consent was withdrawn already")
RESENT = N_(
    "This form already recorded a consent with other details. "
    "Check the details, then record again to add another consent"
)


def _consent(
    visit: Visit, youth_id: str, form: FormData, problems: Problems
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``recordConsent`` input from the posted form, and the form's values to show it
    again; what is missing in ``problems``."""
    _ = visit._
    values: dict[str, Any] = {name: text(form, name) for name in FIELDS}
    kinds = [kind for kind in form.getlist("actorKinds") if kind in KINDS]
    actors = list(dict.fromkeys(str(actor) for actor in form.getlist("actorIds") if actor))
    values |= {"actorKinds": kinds, "actorIds": actors}
    scope = values["scope"]
    if scope not in SCOPES:
        problems.add("scope", _("Choose whom the consent covers"))
    elif scope == "KINDS" and not kinds:
        problems.add("actorKinds", _("Choose at least one kind of actor"))
    elif scope == "ACTORS" and not actors:
        problems.add("actorIds", _("Choose at least one actor"))
    if values["givenBy"] not in consent_giver_names:
        problems.add("givenBy", _("Choose who gives the consent"))
    given_on = typed_date(form, "givenOn", problems, _("Enter the date it was given as a date"))
    if given_on is None and "givenOn" not in problems.codes():
        problems.add("givenOn", _("Enter the date the consent was given"))
    expires_on = typed_date(form, "expiresOn", problems, _("Enter the end date as a date"))
    consent = {
        "youthId": youth_id,
        "givenBy": values["givenBy"],
        "givenOn": given_on,
        "expiresOn": expires_on,
        "allActors": scope == "ALL",
        "actorKinds": kinds if scope == "KINDS" else [],
        "actorIds": actors if scope == "ACTORS" else [],
        "evidence": values["evidence"] or None,
        "idempotencyKey": values["idempotencyKey"] or None,
    }
    return consent, values


@page
async def new_consent(visit: Visit) -> Response:
    youth_id = visit.request.path_params["id"]
    problems = Problems()
    values: dict[str, Any] = {**dict.fromkeys(FIELDS, ""), "actorKinds": [], "actorIds": []}
    values["givenOn"] = today()
    values["idempotencyKey"] = uuid4().hex  # a form sent twice records one consent
    if visit.request.method == "POST":
        form = await visit.form()
        consent, values = _consent(visit, youth_id, form, problems)
        values["idempotencyKey"] = values["idempotencyKey"] or uuid4().hex
        if "find" in form:  # the search button: the form again, with the actors found
            problems = Problems()
        elif not problems:
            answer = (await visit.run("RecordConsent", input=consent))["recordConsent"]
            errors = answer["userErrors"]
            # a DUPLICATE of no field: the form's idempotency key was sent with other details
            resent = [e for e in errors if e["code"] == "DUPLICATE" and not e.get("field")]
            refused_fields(visit, problems, [e for e in errors if e not in resent], CONSENT_FIELDS)
            if resent:  # this form recorded a consent with other details: a fresh key
                problems.add("scope", visit._(RESENT))
                values["idempotencyKey"] = uuid4().hex
            if not problems:
                return visit.redirect(f"/youths/{youth_id}?done=consent#consents")
    data = await managed(
        visit,
        "ConsentChoices",
        search=values["actorSearch"] or None,
        kinds=KINDS,
        chosen=values["actorIds"],
    )
    youth = data["node"]
    if not values["givenBy"]:
        minor = youth["age"] is not None and youth["age"] < 18
        values["givenBy"] = "LEGAL_REPRESENTATIVE" if minor else "YOUTH"
    chosen = [actor for actor in data["chosen"] if actor and "id" in actor]
    found = [actor for actor in data["actors"]["nodes"] if actor["id"] not in values["actorIds"]]
    return await visit.form_page(
        "consent_new.html",
        problems,
        youth=youth,
        values=values,
        actors=chosen + found,
        found=data["actors"],
        kinds=KINDS,
    )


async def _withdrawal(visit: Visit) -> tuple[dict[str, Any], dict[str, Any]]:
    """The young person of the address and their consent named in it (else 404)."""
    youth = (await managed(visit, "ConsentWithdrawal"))["node"]
    wanted = visit.request.path_params["consent"]
    consent = next((c for c in youth["consents"] if c["id"] == wanted), None)
    if consent is None:
        raise Refused(404, visit._("This page does not exist."))
    return youth, consent


@page
async def withdraw_consent(visit: Visit) -> Response:
    """A confirmation step (GET), then the withdrawal (POST), which redirects to the young
    person's page."""
    youth, consent = await _withdrawal(visit)
    problems = Problems()
    if visit.request.method == "POST":
        await visit.form()
        answer = (await visit.run("WithdrawConsent", id=consent["id"]))["withdrawConsent"]
        errors = answer["userErrors"]
        if not errors:
            return visit.redirect(f"/youths/{youth['id']}?done=withdrawn#consents")
        if any(e["code"] == "INVALID_TRANSITION" for e in errors):
            problems.add("withdraw", visit._(WITHDRAWN))
            youth, consent = await _withdrawal(visit)
        else:
            refused_fields(visit, problems, errors, {})
    return await visit.form_page(
        "consent_withdraw.html", problems, youth=youth, consent=consent, today=today()
    )


routes = [
    Route("/youths/{id}/consents/new", new_consent, methods=["GET", "POST"]),
    Route("/youths/{id}/consents/{consent}/withdraw", withdraw_consent, methods=["GET", "POST"]),
]
