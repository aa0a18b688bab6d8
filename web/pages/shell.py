"""The console's shell: sign in and out, the language switch, the unread badge."""

from __future__ import annotations

import math

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from web import sessions
from web.forms import Problems
from web.visit import Visit, page, problem, visit_of


def local_target(target: str | None) -> str:
    """Where to go after signing in: a path of this site only, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@page
async def sign_in(visit: Visit) -> Response:
    target = local_target(visit.request.query_params.get("next"))
    if visit.request.method == "GET":
        return await visit.page("sign_in.html", problems=Problems(), values={}, target=target)
    form = await visit.form()
    _ = visit._
    email, password = str(form.get("email", "")).strip(), str(form.get("password", ""))
    problems = Problems()
    if not email:
        problems.add("email", _("Enter your email address"))
    if not password:
        problems.add("password", _("Enter your password"))
    if not problems:
        data = await visit.run("SignIn", email=email, password=password)
        answer = data["login"]
        if answer["token"]:
            response = visit.redirect(local_target(str(form.get("next") or target)))
            sessions.start_session(response, answer["token"], visit.settings)
            return response
        problems.from_user_errors(answer["userErrors"], visit.speech, fields={"email", "password"})
        if answer.get("retryAfter"):
            problems.add(
                "email",
                visit.speech.ngettext(
                    "Too many failed sign-ins. Try again in %(num)s minute.",
                    "Too many failed sign-ins. Try again in %(num)s minutes.",
                    max(1, math.ceil(answer["retryAfter"] / 60)),
                ),
            )
    return await visit.page(
        "sign_in.html", status=400, problems=problems, values={"email": email}, target=target
    )


@page
async def sign_out(visit: Visit) -> Response:
    await visit.form()
    if visit.signed_in:
        await visit.run("SignOut")
    response = visit.redirect("/")
    sessions.end_session(response)
    return response


@page
async def badge(visit: Visit) -> Response:
    return visit.fragment("_badge.html", unread=await visit.unread())


async def not_found(request: Request, _: Exception) -> Response:
    """The console's 404 page for a person; the API's plain answer for programs."""
    if "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    visit = await visit_of(request)
    return await problem(visit, 404, visit._("This page does not exist."))


routes = [
    Route("/sign-in", sign_in, methods=["GET", "POST"]),
    Route("/sign-out", sign_out, methods=["POST"]),
    Route("/badge", badge),
]
