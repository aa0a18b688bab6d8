"""The case of one young person, as their page and the forms of their record share it:
whether the viewer manages the record, what the current consents cover, and the young
person as a form heads them.

docs/access.md: their mediator, a MEDIATOR of their institution and ADMIN record consents
and milestones, change and export the record. The API decides; the page only offers the
actions to those it would allow, and turns its refusals into 403 and 404 pages.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from network.enums import Role
from web.client import ConsoleError
from web.i18n import CASABLANCA, N_
from web.labels import actor_kind_names
from web.visit import Refused, Visit

# what the young person's page says after a form of their case redirected to it
DONE = {
    "consent": N_("The consent is recorded."),
    "withdrawn": N_("The consent is withdrawn: it no longer covers anyone."),
    "milestone": N_("The milestone is recorded."),
    "updated": N_("Your changes are saved."),
}
NOT_YOURS = N_("Only their mediator or a mediator of their institution may do this.")
# the kinds a consent may name: international partners receive no personal data
KINDS = [kind for kind in actor_kind_names if kind != "INTERNATIONAL_PARTNER"]


def today() -> str:
    """Today in Morocco, as a date input and the API write it."""
    return datetime.now(CASABLANCA).date().isoformat()


def may_manage(visit: Visit, me: dict[str, Any] | None, youth: dict[str, Any]) -> bool:
    """Whether the API lets the viewer (``me``) change ``youth``'s record: ADMIN, their
    mediator, or a MEDIATOR of their institution (or of the actor it is a unit of)."""
    if visit.has(Role.ADMIN):
        return True
    if not me:
        return False
    if (youth.get("mediator") or {}).get("id") == me["id"]:
        return True
    actor = me.get("actor")
    if not actor or not visit.has(Role.MEDIATOR):
        return False
    return youth["institution"]["id"] in {actor["id"], *(unit["id"] for unit in actor["units"])}


def coverage(consents: list[dict[str, Any]]) -> dict[str, Any]:
    """Whom the current consents cover together: all actors, kinds of actors (in the
    labels' order), named actors (each once, in the order the consents name them)."""
    current = [consent for consent in consents if consent["active"]]
    kinds = {kind for consent in current for kind in consent["actorKinds"]}
    actors = {actor["id"]: actor for consent in current for actor in consent["actors"]}
    return {
        "all": any(consent["allActors"] for consent in current),
        "kinds": [kind for kind in actor_kind_names if kind in kinds],
        "actors": list(actors.values()),
        "any": bool(current),
    }


def case_of(visit: Visit, me: dict[str, Any] | None, youth: dict[str, Any]) -> dict[str, Any]:
    """What the young person's page shows of their case besides who they are."""
    done = DONE.get(visit.request.query_params.get("done", ""))
    return {
        "manage": may_manage(visit, me, youth),
        "covered": coverage(youth["consents"]),
        "done": visit._(done) if done else None,
        "today": today(),
    }


async def managed(visit: Visit, operation: str, **variables: Any) -> dict[str, Any]:
    """The data of ``operation``, whose ``node`` is the young person of the page's address:
    404 when the viewer may not see them, 403 when they may not change their record."""
    visit.require()
    youth_id = visit.request.path_params["id"]
    try:
        data = await visit.run(operation, id=youth_id, **variables)
    except ConsoleError as error:
        if "INVALID_INPUT" in error.codes:  # not an id at all
            raise Refused(404, visit._("This page does not exist.")) from error
        raise
    youth = data["node"]
    if not youth or "code" not in youth:
        raise Refused(404, visit._("This page does not exist."))
    if not may_manage(visit, data["me"], youth):
        raise Refused(403, visit._(NOT_YOURS))
    return data
