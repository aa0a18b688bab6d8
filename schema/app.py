"""The ASGI application: GraphQL (with GraphiQL) at /graphql, health at /healthz."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
import redis.asyncio as aioredis
from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError

from network.database import create_engine, session_factory, unit_of_work
from network.errors import DomainError
from network.settings import Settings, get_settings
from network.users.service import viewer_for_token
from network.viewer import Viewer
from schema import ops
from schema.compiled.executor import CompiledDirectory
from schema.compiled.sqlite_functions import install as install_sqlite_functions
from schema.context import Context
from schema.hsds import routes as hsds
from schema.limits.body import BodyLimit
from schema.limits.gate import Gate
from schema.limits.rate import RateLimiter
from schema.limits.signin import SignInThrottle
from schema.pubsub import BROADCASTER, broadcaster_for
from schema.reference import ReferenceHolder
from schema.schema import JisrSchema, build_schema
from workers.app import create_celery


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

        return await self.state.gate.run(
            context,
            request_data,
            compiled_allowed=request_adapter.method == "POST",
            resolve=resolve,
            sub_response=sub_response,
        )

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        state = self.state
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        try:
            viewer = await self._viewer(_bearer(request.headers))
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
            broadcaster=state.broadcaster,
            signin=state.signin,
            searches=state.searches,
        )

    async def on_ws_connect(self, context: Context) -> None:
        """A websocket without an Authorization header may sign in through
        ``{"authorization": "Bearer <token>"}`` in its ``connection_init``."""
        token = _bearer(context.connection_params or {})
        if token is None:
            return
        try:
            context.viewer = await self._viewer(token)
        except DomainError:
            raise ConnectionRejectionError() from None

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
        )
        self.broadcaster = broadcaster_for(settings.redis_url, database_url=settings.database_url)
        self.sessions = session_factory(self.engine)
        self.sessions.configure(info={BROADCASTER: self.broadcaster})
        self.reference = ReferenceHolder(self.sessions)
        self.compiled: CompiledDirectory | None = None
        self.redis = aioredis.from_url(settings.redis_url) if settings.redis_url else None
        self.gate: Gate
        self.signin = SignInThrottle(settings, self.redis)
        self.searches = RateLimiter(
            capacity=settings.name_search_burst,
            per_second=settings.name_searches_per_minute / 60,
            redis=self.redis,
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
        redis=state.redis,
    )
    graphql = JisrGraphQL(schema, state)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await state.broadcaster.close()
        await state.close()

    app = Starlette(
        routes=[
            Route("/graphql", BodyLimit(graphql, settings.max_body_bytes), methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
        ],
        lifespan=lifespan,
    )
    app.state.jisr = state
    app.router.routes.extend([*ops.routes, *hsds.routes])
    app.add_middleware(ops.Instrumentation, access_log=settings.access_log)
    return app
