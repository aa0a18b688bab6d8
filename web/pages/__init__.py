"""The console's pages, one module per area; ``ROUTES`` gathers their routes."""

from __future__ import annotations

from starlette.routing import BaseRoute

from web.pages import account, inbox, live, referral, shell

ROUTES: list[BaseRoute] = [*shell.routes, *account.routes, *live.routes]
ROUTES += [*inbox.routes, *referral.routes]
