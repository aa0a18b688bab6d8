"""The ASGI application: GraphQL (with GraphiQL) at /graphql, health at /healthz."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from network.database import create_engine, session_factory, unit_of_work
from network.errors import DomainError
from network.settings import Settings, get_settings
from network.users.service import viewer_for_token
from network.viewer import ANONYMOUS, Viewer
from schema import graphiql, ops, unauthenticated
from schema.compiled.executor import CompiledDirectory
from schema.compiled.sqlite_functions import install as install_sqlite_functions
from schema.context import Context
from schema.cors import allow_origins
from schema.headers import SecurityHeaders
from schema.hsds import routes as hsds
from schema.language import request_language
from schema.limits.body import BodyLimit
from schema.limits.gate import Gate
from schema.limits.rate import RateLimiter
from schema.limits.signin import SignInThrottle
from schema.pubsub import BROADCASTER, broadcaster_for
from schema.redis_guard import RedisGuard, redis_client
from schema.reference import ReferenceHolder
from schema.schema import JisrSchema, build_schema
from schema.sockets.connections import Connections
from schema.sockets.frames import TextFrames
from schema.sockets.legacy_ws import GatedGraphQLWS
from schema.sockets.transport_ws import GatedTransportWS
from schema.unavailable import Unavailable, mark_unavailable
from workers.app import create_celery


def _bearer(headers: Any) -> str | None:
    value = headers.get("authorization") or ""
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class JisrGraphQL(GraphQL[Context, None]):
    websocket_adapter_class = TextFrames
    graphql_transport_ws_handler_class = GatedTransportWS
    graphql_ws_handler_class = GatedGraphQLWS

    def __init__(self, schema: JisrSchema, state: AppState) -> None:
        super().__init__(
            schema, graphql_ide="graphiql" if state.settings.graphiql_allowed else None
        )
        self.state = state
        settings = state.settings
        self.connection_init_wait_timeout = timedelta(
            seconds=settings.ws_connection_init_timeout_seconds
        )
        self.connections = Connections(
            per_token=settings.ws_max_connections_per_token,
            per_address=settings.ws_max_connections_per_address,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """As Strawberry's, but a bad token is answered in GraphQL's shape, not as text."""
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        try:
            answer = await self.run(Request(scope=scope, receive=receive))
        except unauthenticated.InvalidToken as error:
            answer = unauthenticated.response(error)
        except HTTPException as error:
            answer = PlainTextResponse(error.reason, status_code=error.status_code)
        await answer(scope, receive, send)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql.page())

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: Any,
        request_data: Any,
    ) -> Any:
        """Through the gate (schema.limits.gate): limits, cost, rate, caches, compiled path."""

        async def resolve(query: str | None) -> Any:
            request_data.query = query
            return await super(JisrGraphQL, self).execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )

        result = await self.state.gate.run(
            context,
            request_data,
            compiled_allowed=request_adapter.method == "POST",
            resolve=resolve,
            sub_response=sub_response,
        )
        mark_unavailable(result.errors, sub_response)
        return result

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        try:
            # a socket is signed in at its connection_init, by schema.sockets.guard
            websocket = isinstance(request, WebSocket)
            viewer = ANONYMOUS if websocket else await self._viewer(_bearer(request.headers))
        except DomainError as error:
            raise unauthenticated.InvalidToken(error.message) from None
        language = request_language(request.headers.get("accept-language"), viewer.language)
        if language is not viewer.language:
            viewer = dataclasses.replace(viewer, language=language)
        return await self.context_for(request, viewer, response)

    async def context_for(
        self, request: Request | WebSocket, viewer: Viewer, response: Any
    ) -> Context:
        """The context of ``viewer``'s operations in ``request`` (the console's too)."""
        state = self.state
        return Context(
            settings=state.settings,
            sessions=state.sessions,
            viewer=viewer,
            reference=await state.reference.get(),
            request_id=request.headers.get("x-request-id") or uuid.uuid4().hex,
            request=request,
            response=response,
            broadcaster=state.broadcaster,
            signin=state.signin,
            searches=state.searches,
        )

    async def resolve_viewer(self, token: str | None) -> Viewer:
        """The sockets' way to the viewer: the same as HTTP's, at connect and after."""
        return await self._viewer(token)

    async def _viewer(self, token: str | None) -> Viewer:
        async with unit_of_work(self.state.sessions) as uow:
            return await viewer_for_token(uow.session, token)


class AppState:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = create_engine(
            settings.database_url,
            echo=settings.log_sql,
            statement_timeout_ms=settings.statement_timeout_ms,
            pool_size=settings.database_pool_size,
        )
        self.broadcaster = broadcaster_for(settings.redis_url, database_url=settings.database_url)
        self.sessions = session_factory(self.engine)
        self.sessions.configure(info={BROADCASTER: self.broadcaster})
        self.reference = ReferenceHolder(self.sessions)
        self.compiled: CompiledDirectory | None = None
        self.redis = redis_client(settings.redis_url) if settings.redis_url else None
        self.gate: Gate
        self.redis_guard = RedisGuard(self.redis)
        self.signin = SignInThrottle(settings, self.redis_guard)
        self.searches = RateLimiter(
            capacity=settings.name_search_burst,
            per_second=settings.name_searches_per_minute / 60,
            redis=self.redis_guard,
        )

    async def close(self) -> None:
        if self.redis is not None:
            await self.redis.aclose()
        await self.engine.dispose()


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    state = AppState(settings)
    create_celery(settings)  # committed jobs reach the workers through this broker
    schema = build_schema()
    if settings.compiled_reads:
        install_sqlite_functions(state.engine)
        state.compiled = CompiledDirectory(schema, state.engine.dialect.name)
    state.gate = Gate(
        settings=settings,
        strawberry_schema=schema,
        engine=state.engine,
        sessions=state.sessions,
        compiled=state.compiled,
        redis=state.redis_guard,
    )
    graphql = JisrGraphQL(schema, state)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await state.broadcaster.close()
        await state.close()

    app = Starlette(
        routes=[
            Route(
                "/graphql",
                Unavailable(BodyLimit(graphql, settings.max_body_bytes)),
                methods=["GET", "POST"],
            ),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
        ],
        lifespan=lifespan,
    )
    app.state.jisr = state
    app.state.graphql = graphql
    app.router.routes.extend([*ops.routes, *hsds.routes, *graphiql.routes])
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ops.Instrumentation, access_log=settings.access_log)
    allow_origins(app, settings.cors_origin_list)
    return app
