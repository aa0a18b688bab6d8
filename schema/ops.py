"""Operating the API: readiness, Prometheus metrics, and one log line per request.

``Instrumentation`` wraps the whole app: it gives each request an id (kept from
``X-Request-ID`` when the caller sends one, and passed on to GraphQL's context), finds
the GraphQL operation name, binds both to the log context, and counts requests,
latency and errors per operation. Variables are never read for logging: only the
``operationName`` (or the name in the document) is, when well-formed and at most 64
characters; the path is logged without its query string. The Prometheus ``operation``
label is the name of a registered document (``jisr queries register``), of a route of
the app, or ``other``: an attacker cannot grow its cardinality. ``/metrics`` asks for
``JISR_METRICS_TOKEN`` as a bearer token when set, and is closed in production without.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import re
import time
import uuid
from typing import Any

import orjson
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import func, select, text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from network.logging import bind_context, clear_context, get_logger
from network.notifications.models import OutboxMessage
from network.persisted_queries import PersistedQuery
from network.settings import Settings

CHECK_TIMEOUT_SECONDS = 2.0
_NAME = re.compile(r"\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,63})")
_VALID = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")

REQUESTS = Counter("jisr_requests_total", "HTTP requests", ["operation", "status"])
LATENCY = Histogram("jisr_request_seconds", "Request latency", ["operation"])
ERRORS = Counter(
    "jisr_request_errors_total",
    "Requests answered with errors (GraphQL or HTTP 5xx)",
    ["operation"],
)
OUTBOX_BACKLOG = Gauge("jisr_outbox_backlog", "Messages of the outbox waiting to be delivered")
log = get_logger("jisr.request")
OTHER = "other"
ROUTE_LABELS = {"http:/healthz", "http:/readyz", "http:/metrics", "http:/hsds"}
REGISTERED_SECONDS = 60.0
_DECLARED = re.compile(r"\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,63})")


class RegisteredNames:
    """The operation names of the registered documents, read again once a minute."""

    def __init__(self) -> None:
        self.names: frozenset[str] = frozenset()
        self.read_at: float | None = None

    async def label(self, state: Any, operation: str) -> str:
        if operation in ROUTE_LABELS:
            return operation
        now = time.monotonic()
        if self.read_at is None or now - self.read_at > REGISTERED_SECONDS:
            self.read_at = now
            try:
                async with state.sessions() as session:
                    documents = await session.scalars(select(PersistedQuery.document))
                    self.names = frozenset(
                        name for document in documents for name in _DECLARED.findall(document)
                    )
            except Exception:  # no database: the names last read stay, tried again later
                pass
        return operation if operation in self.names else OTHER


def operation_of(path: str, body: bytes) -> str:
    """The GraphQL operation name of a request (``anonymous`` without one), or the
    first segment of any other path: a label of bounded cardinality."""
    if path.rstrip("/") != "/graphql":
        return "http:/" + path.strip("/").split("/", 1)[0]
    try:
        payload = orjson.loads(body) if body else {}
    except orjson.JSONDecodeError:
        return "anonymous"
    if not isinstance(payload, dict):
        return "batch"
    name = payload.get("operationName")
    if isinstance(name, str) and _VALID.fullmatch(name):
        return name
    match = _NAME.match(str(payload.get("query") or ""))
    return match.group(1) if match else "anonymous"


class Instrumentation:
    """Request id, Prometheus figures and (unless ``access_log`` is off) one log line a
    request, with the operation name and never the variables."""

    def __init__(self, app: ASGIApp, *, access_log: bool = True) -> None:
        self.app = app
        self.access_log = access_log
        self.registered = RegisteredNames()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        request_id = headers.get(b"x-request-id", b"").decode("latin-1")[:64] or uuid.uuid4().hex
        if b"x-request-id" not in headers:
            scope = {
                **scope,
                "headers": [*scope["headers"], (b"x-request-id", request_id.encode())],
            }
        body, receive = await _buffered(scope, receive)
        operation = operation_of(scope["path"], body)
        clear_context()
        bind_context(request_id=request_id, operation=operation)
        status = 500
        failed = False
        started = time.perf_counter()

        async def sending(message: Message) -> None:
            nonlocal status, failed
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            elif message["type"] == "http.response.body" and b'"errors":[' in message.get(
                "body", b""
            ):
                failed = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - started
            state = getattr(getattr(scope.get("app"), "state", None), "jisr", None)
            label = await self.registered.label(state, operation) if state else OTHER
            REQUESTS.labels(label, str(status)).inc()
            LATENCY.labels(label).observe(seconds)
            if failed or status >= 500:
                ERRORS.labels(label).inc()
            if self.access_log:
                log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    status=status,
                    duration_ms=round(seconds * 1000, 1),
                    errors=failed,
                )
            clear_context()


async def _buffered(scope: Scope, receive: Receive) -> tuple[bytes, Receive]:
    """The body of a GraphQL POST, read once and replayed to the app."""
    if scope["method"] != "POST" or scope["path"].rstrip("/") != "/graphql":
        return b"", receive
    chunks = []
    more = True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


async def _database_ready(state: Any) -> str | None:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS), state.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure means not ready; the reason is reported
        return f"database: {type(error).__name__}"
    return None


async def _broker_ready(settings: Settings) -> str | None:
    url = settings.broker_url
    if url.startswith(("redis://", "rediss://")):
        from redis.asyncio import from_url

        client = from_url(url, socket_connect_timeout=CHECK_TIMEOUT_SECONDS)
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
                await client.ping()
        except Exception as error:  # unreachable, refused, timed out
            return f"broker: {type(error).__name__}"
        finally:
            await client.aclose()
        return None
    if url.startswith("filesystem://"):
        queue = settings.broker_dir / "queue"
        return None if os.access(queue, os.W_OK) else "broker: queue folder not writable"
    return None


async def readyz(request: Request) -> Response:
    """200 when the database and the broker answer, else 503 naming what does not."""
    state = request.app.state.jisr
    problems = [p for p in (await _database_ready(state), await _broker_ready(state.settings)) if p]
    if problems:
        return JSONResponse({"status": "unready", "problems": problems}, status_code=503)
    return JSONResponse({"status": "ready"})


async def _outbox_backlog(state: Any) -> int:
    """Outbox messages waiting to be delivered or being delivered."""
    async with state.sessions() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.state.in_(("PENDING", "SENDING")))
        )
    return int(count or 0)


def metrics_allowed(request: Request, settings: Settings) -> bool:
    """``JISR_METRICS_TOKEN`` as a bearer token when set; without one, open in
    development and closed in production."""
    if not settings.metrics_token:
        return settings.env != "production"
    given = request.headers.get("authorization", "")
    expected = f"Bearer {settings.metrics_token}"
    return hmac.compare_digest(given.encode(), expected.encode())


async def metrics(request: Request) -> Response:
    if not metrics_allowed(request, request.app.state.jisr.settings):
        return Response("metrics need JISR_METRICS_TOKEN", status_code=401)
    OUTBOX_BACKLOG.set(await _outbox_backlog(request.app.state.jisr))
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


routes = [Route("/readyz", readyz), Route("/metrics", metrics)]
