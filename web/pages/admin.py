"""Administration, for ADMIN: the users (find, create with a temporary password shown once,
deactivate — which ends their sessions at once), the integration tokens and a new actor.
The records an administrator reads — audit log, outbox, jobs — are in ``admin_records``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.routing import Route

from network.enums import Role
from web.forms import Problems
from web.i18n import CASABLANCA, N_
from web.labels import actor_kind_names, role_names
from web.pages.agency import NAME_FIELDS, NAME_PROBLEMS, refused_fields, text
from web.visit import Refused, Visit, page

PAGE_SIZE = 50
ROLES = list(role_names)
ACTOR_ROLES = {"AGENCY_STAFF", "MEDIATOR"}
TOKEN_DAYS = 90  # the expiry the token form proposes

# the console's words for a field the API refused
USER_FIELDS = {
    "email": ("email", N_("Enter an email address like name@example.ma that no other user has")),
    "displayName": ("displayName", N_("Enter a name of at most 200 characters")),
    "roles": ("roles", N_("Choose at least one role")),
    "actorId": ("actorId", N_("Choose the organisation of a social mediator or agency staff")),
    "territoryId": ("territoryId", N_("Choose the territory of a coordinator, and only theirs")),
}
TOKEN_FIELDS = {
    "name": ("name", N_("Enter what the token is for, in at most 100 characters")),
    "expiresAt": ("expiresAt", N_("Choose a date in the future, at most a year ahead")),
}
ACTOR_FIELDS = {
    **NAME_PROBLEMS,
    "kind": ("kind", N_("Choose the kind of organisation")),
    "territoryId": ("territoryId", N_("Choose where the organisation is")),
}


def require_admin(visit: Visit) -> None:
    visit.require(Role.ADMIN)


def no_store(response: Response) -> Response:
    """A page showing a secret once: never kept by the browser or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    return response


@page
async def index(visit: Visit) -> Response:
    require_admin(visit)
    return await visit.page("admin.html")


@page
async def users(visit: Visit) -> Response:
    require_admin(visit)
    query = visit.request.query_params
    search = query.get("q", "").strip() or None
    after = query.get("after") or None
    data = await visit.run("AdminUsers", search=search, first=PAGE_SIZE, after=after)
    found, info = data["users"], data["users"]["pageInfo"]
    return await visit.page(
        "admin_users.html",
        users=found,
        me_id=data["me"]["id"],
        search=search or "",
        more=visit.url("/admin/users", q=search, after=info["endCursor"])
        if info["hasNextPage"]
        else None,
        deactivated=query.get("deactivated") == "1",
        changed=query.get("changed") == "1",
    )


def _territory_choices(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"label": N_("Regions"), "options": data["regions"]},
        {"label": N_("Provinces and prefectures"), "options": data["provinces"]},
    ]


def _belonging(visit: Visit, form: FormData, problems: Problems) -> dict[str, Any]:
    """The roles chosen, with the actor or territory they need (the other one dropped);
    what is missing in ``problems``."""
    _ = visit._
    roles = [role for role in ROLES if role in form.getlist("roles")]
    actor, territory = text(form, "actorId"), text(form, "territoryId")
    if not roles:
        problems.add("roles", _("Choose at least one role"))
    if ACTOR_ROLES & set(roles) and not actor:
        problems.add("actorId", _("Choose the organisation of a social mediator or agency staff"))
    if "COORDINATOR" in roles and not territory:
        problems.add("territoryId", _("Choose the territory of a coordinator"))
    return {
        "roles": roles,
        "actorId": actor if ACTOR_ROLES & set(roles) and actor else None,
        "territoryId": territory if "COORDINATOR" in roles and territory else None,
    }


def _new_user(visit: Visit, form: FormData, problems: Problems) -> dict[str, Any]:
    """The ``createUser`` input from the posted form; what is missing in ``problems``."""
    email, name = text(form, "email"), text(form, "displayName")
    if not email:
        problems.add("email", visit._("Enter the email address"))
    if not name:
        problems.add("displayName", visit._("Enter the name"))
    belonging = _belonging(visit, form, problems)
    language = text(form, "language")
    return {
        "email": email,
        "displayName": name,
        **belonging,
        "language": language if language in ("AR", "FR", "EN") else None,
    }


@page
async def new_user(visit: Visit) -> Response:
    require_admin(visit)
    problems = Problems()
    values: dict[str, Any] = {
        "email": "",
        "displayName": "",
        "roles": [],
        "actorId": "",
        "territoryId": "",
        "language": "FR",
    }
    if visit.request.method == "POST":
        form = await visit.form()
        wanted = _new_user(visit, form, problems)
        values = {
            **{name: text(form, name) for name in values if name != "roles"},
            "roles": wanted["roles"],
        }
        if not problems:
            answer = (await visit.run("CreateUser", input=wanted))["createUser"]
            refused_fields(visit, problems, answer["userErrors"], USER_FIELDS)
            if not problems:
                # the temporary password is shown on this answer only: no redirect to keep it
                response = await visit.form_page(
                    "admin_user_created.html",
                    Problems(),
                    user=answer["user"],
                    password=answer["temporaryPassword"],
                )
                return no_store(response)
    choices = await visit.run("UserChoices")
    return await visit.form_page(
        "admin_user_new.html",
        problems,
        values=values,
        roles=ROLES,
        actor_groups=[{"label": N_("Organisations"), "options": choices["actors"]["nodes"]}],
        territories=_territory_choices(choices),
    )


@page
async def roles(visit: Visit) -> Response:
    require_admin(visit)
    user_id = visit.request.path_params["id"]
    problems = Problems()
    user = (await visit.run("AdminUser", id=user_id))["node"]
    if not user or "email" not in user:
        raise Refused(404, visit._("This page does not exist."))
    values = {
        "roles": user["roles"],
        "actorId": (user["actor"] or {}).get("id", ""),
        "territoryId": (user["territory"] or {}).get("id", ""),
    }
    if visit.request.method == "POST":
        form = await visit.form()
        wanted = _belonging(visit, form, problems)
        values = {
            **wanted,
            "actorId": text(form, "actorId"),
            "territoryId": text(form, "territoryId"),
        }
        if not problems:
            answer = await visit.run("SetUserRoles", input={"id": user_id, **wanted})
            errors = answer["setUserRoles"]["userErrors"]
            if any(
                e["code"] == "INVALID_INPUT" and (e.get("field") or [])[-1:] == ["roles"]
                for e in errors
            ):
                problems.add(
                    "roles", visit._("Keep at least one role, and your own administrator role")
                )
            else:
                refused_fields(visit, problems, errors, USER_FIELDS)
            if not problems:
                return visit.redirect("/admin/users?changed=1")
    choices = await visit.run("UserChoices")
    return await visit.form_page(
        "admin_user_roles.html",
        problems,
        user=user,
        values=values,
        roles=ROLES,
        actor_groups=[{"label": N_("Organisations"), "options": choices["actors"]["nodes"]}],
        territories=_territory_choices(choices),
    )


@page
async def deactivate(visit: Visit) -> Response:
    require_admin(visit)
    user_id = visit.request.path_params["id"]
    problems = Problems()
    if visit.request.method == "POST":
        await visit.form()
        answer = (await visit.run("DeactivateUser", id=user_id))["deactivateUser"]
        errors = answer["userErrors"]
        yourself = [e for e in errors if e["code"] == "INVALID_INPUT"]
        if yourself:
            problems.add("error-summary", visit._("You cannot deactivate your own account"))
        refused_fields(visit, problems, [e for e in errors if e not in yourself], {})
        if not problems:
            return visit.redirect("/admin/users?deactivated=1")
    user = (await visit.run("AdminUser", id=user_id))["node"]
    if not user or "email" not in user:
        raise Refused(404, visit._("This page does not exist."))
    return await visit.form_page("admin_deactivate.html", problems, user=user)


@page
async def tokens(visit: Visit) -> Response:
    require_admin(visit)
    problems = Problems()
    values = {"name": "", "expiresAt": (date.today() + timedelta(days=TOKEN_DAYS)).isoformat()}
    if visit.request.method == "POST":
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        if not values["name"]:
            problems.add("name", visit._("Enter what the token is for"))
        ends = None
        try:
            day = date.fromisoformat(values["expiresAt"])
            # the token works to the end of that day, in Morocco
            ends = datetime.combine(day + timedelta(days=1), time(), CASABLANCA).isoformat()
        except ValueError:
            problems.add("expiresAt", visit._("Enter the date the token stops working"))
        if not problems:
            answer = (
                await visit.run("CreateApiToken", input={"name": values["name"], "expiresAt": ends})
            )["createApiToken"]
            refused_fields(visit, problems, answer["userErrors"], TOKEN_FIELDS)
            if not problems:
                response = await visit.form_page(
                    "admin_token_created.html",
                    Problems(),
                    token=answer["apiToken"],
                    secret=answer["token"],
                )
                return no_store(response)
    found = (await visit.run("AdminTokens"))["apiTokens"]
    return await visit.form_page(
        "admin_tokens.html",
        problems,
        tokens=found,
        values=values,
        revoked=visit.request.query_params.get("revoked") == "1",
    )


@page
async def revoke(visit: Visit) -> Response:
    require_admin(visit)
    await visit.form()
    answer = await visit.run("RevokeApiToken", id=visit.request.path_params["id"])
    problems = Problems()
    refused_fields(visit, problems, answer["revokeApiToken"]["userErrors"], {})
    if not problems:
        return visit.redirect("/admin/tokens?revoked=1")
    found = (await visit.run("AdminTokens"))["apiTokens"]
    values = {"name": "", "expiresAt": (date.today() + timedelta(days=TOKEN_DAYS)).isoformat()}
    return await visit.form_page(
        "admin_tokens.html", problems, tokens=found, values=values, revoked=False
    )


@page
async def new_actor(visit: Visit) -> Response:
    require_admin(visit)
    problems = Problems()
    values: dict[str, str] = {
        **dict.fromkeys(NAME_FIELDS.values(), ""),
        "kind": "",
        "territoryId": "",
    }
    if visit.request.method == "POST":
        form = await visit.form()
        values = {name: text(form, name) for name in values}
        if not values["nameAr"] and not values["nameFr"]:
            problems.add("nameAr", visit._("Enter the name in Arabic or in French"))
        if values["kind"] not in actor_kind_names:
            problems.add("kind", visit._("Choose the kind of organisation"))
        if not values["territoryId"]:
            problems.add("territoryId", visit._("Choose where the organisation is"))
        if not problems:
            created = {
                "names": {lang: values[field] or None for lang, field in NAME_FIELDS.items()},
                "kind": values["kind"],
                "territoryId": values["territoryId"],
            }
            answer = (await visit.run("CreateActor", input=created))["createActor"]
            refused_fields(visit, problems, answer["userErrors"], ACTOR_FIELDS)
            if not problems:
                return visit.redirect(f"/actors/{answer['actor']['id']}")
    choices = await visit.run("ActorChoices")
    return await visit.form_page(
        "admin_actor_new.html",
        problems,
        values=values,
        kinds=list(actor_kind_names),
        territories=_territory_choices(choices),
    )


routes = [
    Route("/admin", index),
    Route("/admin/users", users),
    Route("/admin/users/new", new_user, methods=["GET", "POST"]),
    Route("/admin/users/{id}/roles", roles, methods=["GET", "POST"]),
    Route("/admin/users/{id}/deactivate", deactivate, methods=["GET", "POST"]),
    Route("/admin/tokens", tokens, methods=["GET", "POST"]),
    Route("/admin/tokens/{id}/revoke", revoke, methods=["POST"]),
    Route("/admin/actors/new", new_actor, methods=["GET", "POST"]),
]
