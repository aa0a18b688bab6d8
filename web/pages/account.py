"""My account: profile, notification preferences, password; my notifications."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from web.forms import Problems
from web.labels import channel_names, kind_names
from web.visit import Visit, page

# the form offers each kind of notification, and each channel, that the labels word
KINDS = list(kind_names)
CHANNELS = list(channel_names)
LANGUAGE_VALUES = ["AR", "FR", "EN"]
PAGE_SIZE = 20


@page
async def account(visit: Visit) -> Response:
    visit.require()
    problems = Problems()
    saved = visit.request.query_params.get("saved") == "1"
    if visit.request.method == "POST":
        form = await visit.form()
        preferences = [
            {"kind": kind, "channels": [c for c in CHANNELS if form.get(f"{kind}:{c}")]}
            for kind in KINDS
        ]
        name = str(form.get("displayName", "")).strip()
        language = str(form.get("language", ""))
        if not name:
            problems.add("displayName", visit._("Enter your name"))
        if language not in LANGUAGE_VALUES:
            problems.add("language", visit._("Choose a language"))
        if not problems:
            data = await visit.run(
                "UpdateMyProfile",
                input={
                    "displayName": name,
                    "phone": str(form.get("phone", "")).strip() or None,
                    "language": language,
                    "preferences": preferences,
                },
            )
            errors = data["updateMyProfile"]["userErrors"]
            problems.from_user_errors(
                errors, visit.speech, fields={"displayName", "phone", "language"}
            )
            if not problems:
                return visit.redirect("/account?saved=1")
    me = (await visit.run("MyAccount"))["me"]
    chosen = {p["kind"]: set(p["channels"]) for p in me["preferences"]}
    return await visit.form_page(
        "account.html", problems, me=me, chosen=chosen, saved=saved, languages=LANGUAGE_VALUES
    )


@page
async def password(visit: Visit) -> Response:
    visit.require()
    problems = Problems()
    if visit.request.method == "POST":
        form = await visit.form()
        current, new = str(form.get("currentPassword", "")), str(form.get("newPassword", ""))
        if not current:
            problems.add("currentPassword", visit._("Enter your current password"))
        if not new:
            problems.add("newPassword", visit._("Enter a new password"))
        elif new != str(form.get("confirmPassword", "")):
            problems.add("confirmPassword", visit._("The two new passwords are not the same"))
        if not problems:
            data = await visit.run(
                "ChangePassword", input={"currentPassword": current, "newPassword": new}
            )
            problems.from_user_errors(
                data["changePassword"]["userErrors"],
                visit.speech,
                fields={"currentPassword", "newPassword"},
            )
            if not problems:
                return visit.redirect("/account?saved=1")
    return await visit.form_page("password.html", problems)


@page
async def notifications(visit: Visit) -> Response:
    visit.require()
    if visit.request.method == "POST":
        form = await visit.form()
        ids = [str(v) for v in form.getlist("id")]
        await visit.run("MarkNotificationsRead", ids=ids or None, all=None if ids else True)
        return visit.redirect("/notifications")
    after = visit.request.query_params.get("after") or None
    data = await visit.run("Notifications", first=PAGE_SIZE, after=after)
    return await visit.page("notifications.html", notifications=data["notifications"])


routes = [
    Route("/account", account, methods=["GET", "POST"]),
    Route("/account/password", password, methods=["GET", "POST"]),
    Route("/notifications", notifications, methods=["GET", "POST"]),
]
