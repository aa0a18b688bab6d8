"""The composition root of the served application: the API (``schema.app``) and, beside it,
the console at ``/`` with its static files under ``/static``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from network.settings import Settings
from schema import heap
from schema.app import create_app as create_api
from web.client import Console
from web.pages import ROUTES
from web.pages.shell import not_found

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None) -> Starlette:
    app = create_api(settings)
    app.state.console = Console(app.state.jisr, app.state.graphql)
    app.router.routes.extend(
        [*ROUTES, Mount("/static", GZipMiddleware(StaticFiles(directory=STATIC)), name="static")]
    )
    app.add_exception_handler(404, not_found)
    return app


def create_served_app() -> Starlette:
    """The app as ``jisr serve`` runs it: once started, its heap settled (schema.heap)."""
    app = create_app()
    started = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(served: Starlette) -> AsyncIterator[Any]:
        async with started(served) as state:
            heap.settle()
            yield state

    app.router.lifespan_context = lifespan
    return app
