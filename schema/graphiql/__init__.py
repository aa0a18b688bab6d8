"""GraphiQL, served from Jisr itself: the page at ``/graphql``, its files under ``/graphiql/``.

The files in ``assets/`` are the npm packages' browser builds pinned in
``package-lock.json`` and copied by ``vendor.sh`` (see README.md), beside the page's own
script; nothing is loaded from elsewhere, so GraphiQL works on a machine without internet.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

HERE = Path(__file__).parent
ASSETS = HERE / "assets"


@cache
def page() -> str:
    return (HERE / "page.html").read_text(encoding="utf-8")


# The page at /graphql names its files relatively (graphiql/…), so it works under a prefix.
routes = [Mount("/graphiql", app=GZipMiddleware(StaticFiles(directory=ASSETS)), name="graphiql")]
