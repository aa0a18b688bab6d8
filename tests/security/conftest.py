"""Fixtures of the security tests.

``served``: a real API process (uvicorn on a free loopback port), in production mode, for
the attacks on it: a private copy of the demo database, introspection off, short socket
limits so the tests meet them quickly. ``api``: here too a real server process, one per
test module on the module's copy of the demo (development mode; ``served_api`` starts one
otherwise configured), so every attack is the attacker's request over loopback, not a
call into the app. The tests of a module share that server and database: each writes
only records of its own (its own users, referrals, keys), so none depends on another or
on their order.
``http_served``: a loopback server in the test's process, with a clock the test moves, and
a counting hasher (identity_server.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from schema.app import AppState
from tests.api import Api
from tests.api import test_settings as settings_for
from tests.schema.referrals import servers
from tests.schema.referrals.servers import api_process, module_server, server_environment
from tests.security.identity_server import http_served, moving_clock, throttled  # noqa: F401
from tests.security.signin_helpers import hasher  # noqa: F401

MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
PASSWORD = "jisr-demo-2026"

LIMITS = {
    "JISR_WS_CONNECTION_INIT_TIMEOUT_SECONDS": "1",
    "JISR_WS_MAX_SUBSCRIPTIONS": "3",
    "JISR_WS_MAX_MESSAGE_BYTES": "20000",
    "JISR_WS_MAX_CONNECTIONS_PER_TOKEN": "4",
    "JISR_WS_VIEWER_CHECK_SECONDS": "1",
}


class Served(servers.Served):
    """The production server of a security test module."""

    def login(self, email: str = MEDIATOR, password: str = PASSWORD) -> str:
        return self.token(email, password)


def environment(db_url: str, var: Path, **extra: str) -> dict[str, str]:
    """Production, introspection off, short socket limits."""
    production = {"JISR_ENV": "production", "JISR_INTROSPECTION": "false", **LIMITS}
    return server_environment(db_url, var, **(production | extra))


served = module_server("served", environment, Served)


@asynccontextmanager
async def served_api(db_url: str, var: Path, **env: str) -> AsyncIterator[Api]:
    """A real API process on ``db_url`` (``env``: its JISR_ variables, development by
    default), with the test client's interface."""
    settings = server_environment(db_url, var, **env)
    # the test's own setup (a user of its own) writes to the same database directly
    setup = AppState(settings_for(db_url, var))
    try:
        with api_process(settings) as base:
            async with httpx.AsyncClient(base_url=base, timeout=30) as client:
                yield Api(client=client, app=SimpleNamespace(state=SimpleNamespace(jisr=setup)))
    finally:
        await setup.close()


@pytest.fixture(scope="module")
async def api(module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Api]:
    """The API as an attacker meets it: a server process on the module's copy of the demo."""
    async with served_api(module_db_url, tmp_path_factory.mktemp("var")) as running:
        yield running
