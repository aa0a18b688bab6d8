"""The ASGI application: GraphQL (with GraphiQL) at /graphql, health at /healthz."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from network.database import create_engine, session_factory
from network.errors import DomainError
from network.settings import Settings, get_settings
from network.users.service import viewer_for_token
from schema.compiled.executor import CompiledDirectory
from schema.compiled.sqlite_functions import install as install_sqlite_functions
from schema.context import Context
from schema.reference import ReferenceHolder
from schema.schema import JisrSchema, build_schema


def _bearer(headers: Any) -> str | None:
    value = headers.get("authorization") or ""
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class JisrGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: JisrSchema, state: AppState) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.state = state

    def encode_json(self, data: object) -> bytes:  # type: ignore[override]
        return orjson.dumps(data)

    async def execute_single(self, request: Any, request_adapter: Any, sub_response: Any,
                             context: Context, root_value: Any, request_data: Any) -> Any:
        """Directory queries take the compiled path when it can answer them."""
        compiled = self.state.compiled
        if compiled is not None and request_data.query and request_adapter.method == "POST":
            result = await compiled.execute(
                context, request_data.query, request_data.variables, request_data.operation_name
            )
            if result is not None:
                return result
        return await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        state = self.state
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        token = _bearer(request.headers)
        if token is None and isinstance(request, WebSocket):
            token = _bearer(getattr(request, "connection_params", None) or {})
        async with state.sessions() as session:
            try:
                viewer = await viewer_for_token(session, token)
            except DomainError as error:
                raise HTTPException(401, error.message) from None
        return Context(
            settings=state.settings,
            sessions=state.sessions,
            viewer=viewer,
            reference=await state.reference.get(),
            request_id=request_id,
            request=request,
            response=response,
        )


class AppState:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = create_engine(
            settings.database_url,
            echo=settings.log_sql,
            statement_timeout_ms=settings.statement_timeout_ms,
        )
        self.sessions = session_factory(self.engine)
        self.reference = ReferenceHolder(self.sessions)
        self.compiled: CompiledDirectory | None = None


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    state = AppState(settings)
    schema = build_schema()
    if settings.compiled_reads:
        install_sqlite_functions(state.engine)
        state.compiled = CompiledDirectory(schema, state.engine.dialect.name)
    graphql = JisrGraphQL(schema, state)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await state.engine.dispose()

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
        ],
        lifespan=lifespan,
    )
    app.state.jisr = state
    return app
