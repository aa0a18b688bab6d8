"""Readiness, metrics and the request log."""

from __future__ import annotations

import io
import logging
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import orjson
import pytest
from sqlalchemy.engine import make_url

from network import persisted_queries
from network.database import unit_of_work
from network.logging import configure_logging
from tests.api import Api
from tests.databases import Databases

SEARCH = """
query FindServices($search: String!) {
  services(first: 2, filter: {search: $search}) { edges { node { id } } }
}
"""
LOGIN = """
mutation SignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }
"""


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging(stream=stream)
    yield stream
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "jisr", False)]:
        root.removeHandler(handler)


async def test_request_logs_carry_request_id_and_operation_but_no_values(
    api: Api, log_lines: io.StringIO
) -> None:
    # when a search and a login are sent, one with a request id of the caller's
    await api.client.post(
        "/graphql",
        json={"query": SEARCH, "variables": {"search": "zoubida-secret-search"}},
        headers={"x-request-id": "req-123"},
    )
    await api.post(LOGIN, {"e": "admin@jisr.example.ma", "p": "jisr-demo-2026"})

    # then each request has one JSON line naming it and its operation, and no value
    text = log_lines.getvalue()
    lines = [orjson.loads(line) for line in text.splitlines()]
    requests = [line for line in lines if line["event"] == "request"]
    assert (requests[0]["request_id"], requests[0]["operation"]) == ("req-123", "FindServices")
    assert requests[1]["operation"] == "SignIn" and len(requests[1]["request_id"]) == 32
    assert "zoubida-secret-search" not in text and "jisr-demo-2026" not in text
    assert "admin@jisr.example.ma" not in text


async def test_metrics_count_requests_by_registered_operation(api: Api) -> None:
    # given a registered document, and names nobody registered
    async with unit_of_work(api.state.sessions) as uow:
        await persisted_queries.register(uow.session, SEARCH)
    await api.client.post("/graphql", json={"query": SEARCH, "variables": {"search": "x"}})
    for n in range(3):
        await api.client.post("/graphql", json={"query": f"query Made{n} {{ __typename }}"})
    await api.client.get("/no-such-route-42")

    body = (await api.client.get("/metrics")).text
    assert 'jisr_requests_total{operation="FindServices",status="200"}' in body
    assert 'jisr_request_seconds_count{operation="FindServices"}' in body
    assert 'operation="other"' in body
    assert "Made0" not in body and "no-such-route" not in body
    assert "jisr_outbox_backlog 0.0" in body


async def test_readyz_follows_the_database(api: Api, databases: Databases) -> None:
    # given a reachable database and broker queue
    settings = api.state.settings
    (settings.broker_dir / "queue").mkdir(parents=True, exist_ok=True)
    ready = await api.client.get("/readyz")

    # when the database goes away, then comes back
    await api.state.engine.dispose()
    url = make_url(settings.database_url)
    async with _database_away(databases, url.database or ""):
        unready = await api.client.get("/readyz")
        await api.state.engine.dispose()
    back = await api.client.get("/readyz")

    # then readiness follows it
    assert ready.status_code == 200
    assert unready.status_code == 503
    assert unready.json()["problems"][0].startswith("database")
    assert back.status_code == 200 and back.json() == {"status": "ready"}


def _swap_sqlite_file(path: str, *, away: bool) -> None:
    """Put a folder where the SQLite file was (away), or the file back."""
    if away:
        shutil.move(path, path + ".away")
        Path(path).mkdir()
    else:
        Path(path).rmdir()
        shutil.move(path + ".away", path)


@asynccontextmanager
async def _database_away(databases: Databases, name: str) -> AsyncIterator[None]:
    """The database unreachable while the block runs: renamed on PostgreSQL (the server
    stays up), replaced by a folder on SQLite."""
    if databases.is_postgres:
        await databases._admin(f'ALTER DATABASE "{name}" RENAME TO "{name}_away"')
    else:
        _swap_sqlite_file(name, away=True)
    try:
        yield
    finally:
        if databases.is_postgres:
            await databases._admin(f'ALTER DATABASE "{name}_away" RENAME TO "{name}"')
        else:
            _swap_sqlite_file(name, away=False)
