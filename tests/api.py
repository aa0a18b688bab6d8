"""Talking to Jisr through its HTTP API in tests, and counting the SQL it runs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

from network.settings import Settings
from schema.app import AppState, create_app


@dataclass
class Api:
    """An HTTP client on a running app, with a SQL statement counter."""

    client: httpx.AsyncClient
    app: Any
    statements: list[str] = field(default_factory=list)

    @property
    def state(self) -> AppState:
        state = self.app.state.jisr
        assert isinstance(state, AppState)
        return state

    async def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = None,
        **extra: Any,
    ) -> httpx.Response:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        body: dict[str, Any] = {"query": query, "variables": variables or {}, **extra}
        return await self.client.post("/graphql", json=body, headers=headers)

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """The JSON answer of a GraphQL request that must not be an HTTP error."""
        response = await self.post(query, variables, token)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    async def data(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """The ``data`` of an answer that must carry no error at all."""
        answer = await self.gql(query, variables, token)
        assert not answer.get("errors"), answer["errors"]
        return answer["data"]  # type: ignore[no-any-return]

    async def login(self, email: str, password: str) -> str:
        data = await self.data(
            "mutation($e:String!,$p:String!){login(email:$e,password:$p)"
            "{token userErrors{code message}}}",
            {"e": email, "p": password},
        )
        assert data["login"]["userErrors"] == [], data
        return data["login"]["token"]  # type: ignore[no-any-return]

    @contextmanager
    def count_statements(self) -> Iterator[list[str]]:
        """Collect the SQL statements run while the block runs."""
        seen: list[str] = []

        def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            seen.append(statement)

        engine = self.state.engine.sync_engine
        event.listen(engine, "before_cursor_execute", before)
        try:
            yield seen
        finally:
            event.remove(engine, "before_cursor_execute", before)


# The demo template is seeded with this key, so every test API reads its young people.
TEST_DATA_KEY = "6ZQ1rZ8lyvUo0ebSx4GlYQpUoaVBWFUpT9kOIrSx3sI="


def test_settings(url: str, var_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "secret_key": "test-secret",
        "data_key": TEST_DATA_KEY,
        "env": "development",
    }
    return Settings(database_url=url, var_dir=var_dir, **(values | overrides))


@asynccontextmanager
async def running_api(url: str, var_dir: Path, **overrides: Any) -> AsyncIterator[Api]:
    app = create_app(test_settings(url, var_dir, **overrides))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://jisr.test") as client:
        try:
            yield Api(client=client, app=app)
        finally:
            await app.state.jisr.engine.dispose()
