"""One visit to a console page: who is asking, in which language, and the page's answer.

``page`` wraps every route of the console: it resolves the session's viewer (a refused
token signs the browser out), runs the handler with a ``Visit``, and turns what the
handler could not word into a page — sign in, not allowed (403), too many requests
(429), the friendly error page with the request id (500; the API masked and logged it).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any
from urllib.parse import quote, urlencode

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from network.enums import Role
from network.settings import Settings
from network.viewer import Viewer
from schema.context import Context
from schema.unavailable import RETRY_AFTER_SECONDS, is_outage
from web import sessions
from web.client import Console, ConsoleError, SignedOut
from web.forms import Problems
from web.i18n import LANG_COOKIE, LANGUAGES, NAMES, Speech, language_of
from web.jinja import environment

logger = logging.getLogger("jisr.console")
Handler = Callable[["Visit"], Awaitable[Response]]


class Refused(Exception):
    """The visit may not do this: a page with ``status`` and ``message`` answers it."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(eq=False)
class Visit:
    """One request to a console page: who asks, in which language, and the context the
    page's operations run in."""

    request: Request
    console: Console
    viewer: Viewer
    speech: Speech
    context: Context
    _unread: int | None = field(default=None, init=False)

    @property
    def settings(self) -> Settings:
        settings: Settings = self.console.state.settings
        return settings

    @property
    def _(self) -> Callable[..., str]:
        """The page's ``gettext``: ``visit._("Enter your name")``."""
        return self.speech.gettext

    @property
    def signed_in(self) -> bool:
        return not self.viewer.is_anonymous

    def has(self, *roles: Role) -> bool:
        return bool(self.viewer.roles & set(roles))

    def require(self, *roles: Role) -> None:
        """Signed in (else the sign-in page) with one of ``roles`` when given (else 403)."""
        if not self.signed_in:
            raise SignedOut()
        if roles and not self.has(*roles):
            raise Refused(403, self._("This page is not part of your role."))

    async def run(self, name: str, **variables: Any) -> dict[str, Any]:
        data = await self.console.run(self.context, name, variables)
        if isinstance(data.get("unread"), dict):  # the page's document spread ...Unread
            self._unread = int(data["unread"]["totalCount"])
        elif name not in self.console.queries:  # a change: the badge is asked afresh
            self._unread = None
        return data

    async def form(self) -> FormData:
        """The posted form, once its CSRF token is checked."""
        form = await self.request.form()
        sent = form.get(sessions.CSRF_FIELD) or self.request.headers.get(sessions.CSRF_HEADER)
        if not sessions.csrf_valid(self.request, self.settings, str(sent) if sent else None):
            raise Refused(
                403, self._("This form has expired. Go back, reload the page and try again.")
            )
        return form

    def url(self, path: str, **query: Any) -> str:
        kept = {k: v for k, v in query.items() if v not in (None, "", [])}
        return path + ("?" + urlencode(kept, doseq=True) if kept else "")

    def language_links(self) -> list[dict[str, str]]:
        here = self.request.url.path
        query = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        links = []
        for lang in LANGUAGES:
            target = here + "?" + urlencode([*query, ("lang", lang)])
            links.append({"lang": lang, "name": NAMES[lang], "href": target})
        return links

    def navigation(self) -> list[dict[str, str]]:
        _ = self._
        items = [{"href": "/", "label": _("Find a service")}]
        if self.has(Role.MEDIATOR):
            items.append({"href": "/youths", "label": _("My young people")})
        if self.viewer.is_actor_staff:
            items.append({"href": "/inbox", "label": _("Referrals received")})
            items.append({"href": "/agency", "label": _("Our profile")})
        if self.has(Role.COORDINATOR, Role.ADMIN):
            items.append({"href": "/dashboard", "label": _("Dashboard")})
        if self.has(Role.ADMIN):
            items.append({"href": "/admin", "label": _("Administration")})
        if self.signed_in:
            items.append({"href": "/notifications", "label": _("Notifications")})
            items.append({"href": "/account", "label": _("My account")})
        return items

    async def unread(self) -> int | None:
        """The unread badge: asked with the page's data when its document spreads
        ``...Unread``, else on its own."""
        if not self.signed_in:
            return None
        if self._unread is not None:
            return self._unread
        data = await self.run("UnreadCount")
        return int(data["notifications"]["totalCount"])

    async def page(self, template: str, status: int = 200, **values: Any) -> Response:
        html = self.render(template, unread=await self.unread(), **values)
        return self.respond(HTMLResponse(html, status_code=status))

    async def form_page(self, template: str, problems: Problems, **values: Any) -> Response:
        """A page of forms: 400 while what was posted has ``problems``, which it lists."""
        status = 400 if problems else 200
        return await self.page(template, status=status, problems=problems, **values)

    def fragment(self, template: str, **values: Any) -> Response:
        """A part of a page, for htmx: no layout, no badge query."""
        return self.respond(HTMLResponse(self.render(template, **values)))

    def render(self, template: str, **values: Any) -> str:
        return (
            environment()
            .get_template(template)
            .render(
                **self.speech.in_templates(),
                visit=self,
                viewer=self.viewer,
                csrf=sessions.csrf_token(self.request, self.settings),
                csrf_field=sessions.CSRF_FIELD,
                request=self.request,
                **values,
            )
        )

    def respond(self, response: Response) -> Response:
        sessions.keep_nonce(self.request, response, self.settings)
        asked = self.request.query_params.get("lang", "").lower()
        if asked in LANGUAGES and self.request.cookies.get(LANG_COOKIE) != asked:
            response.set_cookie(LANG_COOKIE, asked, max_age=365 * 86400, samesite="lax", path="/")
        return response

    def redirect(self, url: str) -> Response:
        """After a post: see the result at ``url`` (303, so a reload does not post again)."""
        return self.respond(RedirectResponse(url, status_code=303))


def console_of(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


async def visit_of(request: Request) -> Visit:
    console = console_of(request)
    token = sessions.token_of(request)
    viewer = await console.viewer(request, token)
    lang = language_of(request, viewer.language.value if viewer.language else None)
    speech = Speech(lang)
    return Visit(request, console, viewer, speech, await console.context(request, viewer, lang))


def _sign_in_again(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    response = RedirectResponse("/sign-in?next=" + quote(target, safe=""), status_code=303)
    if sessions.token_of(request):
        sessions.end_session(response)
    return response


def page(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    @wraps(handler)
    async def route(request: Request) -> Response:
        try:
            visit = await visit_of(request)
        except SignedOut:
            return _sign_in_again(request)
        except Exception as error:
            if not is_outage(error):
                raise
            return unavailable(request)
        try:
            return await handler(visit)
        except SignedOut:
            return _sign_in_again(request)
        except Refused as refused:
            return await problem(visit, refused.status, refused.message)
        except ConsoleError as error:
            if "SERVICE_UNAVAILABLE" in error.codes:
                return unavailable(request)
            if "RATE_LIMITED" in error.codes:
                return await problem(
                    visit, 429, visit._("Too many requests. Wait a minute, then try again.")
                )
            if "UNAUTHENTICATED" in error.codes:
                return _sign_in_again(request)
            if "FORBIDDEN" in error.codes:
                return await problem(visit, 403, visit._("This page is not part of your role."))
            if "NOT_FOUND" in error.codes:
                return await problem(visit, 404, visit._("This page does not exist."))
            logger.warning(
                "console page %s answered errors: %s", request.url.path, sorted(error.codes)
            )
            return await problem(visit, 500, None)

    return route


def unavailable(request: Request) -> Response:
    """The database does not answer: a page of its own (the layout needs the viewer, which
    needs the database), 503 with ``Retry-After``; the API logged the outage."""
    speech = Speech(language_of(request))
    retry = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    html = (
        environment().get_template("unavailable.html").render(**speech.in_templates(), retry=retry)
    )
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return HTMLResponse(html, status_code=503, headers=headers)


async def problem(visit: Visit, status: int, message: str | None) -> Response:
    return visit.respond(
        HTMLResponse(
            visit.render(
                "problem.html",
                status=status,
                message=message,
                request_id=visit.request.headers.get("x-request-id", ""),
                unread=None,
            ),
            status_code=status,
        )
    )
