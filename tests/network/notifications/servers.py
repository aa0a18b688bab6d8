"""Real servers for delivery tests: an SMTP server (aiosmtpd) and a webhook receiver,
each on a free port in a thread of its own, recording what reached them."""

from __future__ import annotations

import email
import hashlib
import hmac
import socket
import threading
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from email.message import Message
from typing import Any, ClassVar, TypeVar

import uvicorn
from aiosmtpd.controller import Controller
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class MailServer:
    """Accepts mail, except that it answers 451 to the first ``refuse_first`` attempts at
    each Message-ID (and to every attempt while ``refuse_all``), and 550 to every attempt
    while ``refuse_permanently``; ``on_accept`` runs once a message is kept, before the
    server answers 250."""

    refuse_first: int = 0
    refuse_all: bool = False
    refuse_permanently: bool = False
    on_accept: Callable[[], None] | None = None
    port: int = 0
    messages: list[Message] = field(default_factory=list)
    attempts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        if self.refuse_permanently:
            return "550 5.1.1 no such mailbox"
        message = email.message_from_bytes(envelope.content)
        key = str(message["Message-ID"])
        with self.lock:
            self.attempts[key] += 1
            if self.refuse_all or self.attempts[key] <= self.refuse_first:
                return "451 4.3.0 try again later"
            self.messages.append(message)
        if self.on_accept is not None:
            self.on_accept()
        return "250 OK"

    def ids(self) -> Counter[str]:
        """How many times each Message-ID was accepted."""
        with self.lock:
            return Counter(str(m["Message-ID"]) for m in self.messages)


@contextmanager
def mail_server(**options: Any) -> Iterator[MailServer]:
    server = MailServer(**options)
    server.port = free_port()
    controller = Controller(server, hostname="127.0.0.1", port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@dataclass
class Endpoint(ABC):
    """What a local HTTP server answers POSTs to ``PATH`` with (``served``), recording
    them under ``lock``; ``port`` is the server's once it runs."""

    PATH: ClassVar[str]
    port: int = field(default=0, kw_only=True)
    lock: threading.Lock = field(default_factory=threading.Lock, kw_only=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.PATH}"

    @abstractmethod
    async def receive(self, request: Request) -> Response: ...


@dataclass
class WebhookReceiver(Endpoint):
    """Checks each request's signature with ``secret``; answers 500 to the first
    ``fail_first`` requests of each Idempotency-Key, then accepts (once per key)."""

    PATH = "/hook"
    secret: str
    fail_first: int = 0
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    bad_signatures: int = 0

    async def receive(self, request: Request) -> Response:
        raw = await request.body()
        expected = "sha256=" + hmac.new(self.secret.encode(), raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("x-jisr-signature", "")):
            with self.lock:
                self.bad_signatures += 1
            return Response(status_code=401)
        key = request.headers["idempotency-key"]
        event = await request.json()
        with self.lock:
            self.requests[key] += 1
            if self.requests[key] <= self.fail_first:
                return Response(status_code=500)
            self.events.setdefault(key, event)
        return Response(status_code=204)


@contextmanager
def serving(path: str, endpoint: Any) -> Iterator[int]:
    """A local HTTP server answering POSTs to ``path`` with ``endpoint``; its port."""
    port = free_port()
    app = Starlette(routes=[Route(path, endpoint, methods=["POST"])])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        threading.Event().wait(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)


EndpointT = TypeVar("EndpointT", bound=Endpoint)


@contextmanager
def served(endpoint: EndpointT) -> Iterator[EndpointT]:
    """``endpoint`` answering on a local server of its own while the block runs."""
    with serving(endpoint.PATH, endpoint.receive) as port:
        endpoint.port = port
        yield endpoint


def webhook_receiver(secret: str, **options: Any) -> AbstractContextManager[WebhookReceiver]:
    return served(WebhookReceiver(secret, **options))


@dataclass
class SmsGateway(Endpoint):
    """Records each text it is sent; answers 503 to the first ``refuse_first`` attempts
    at each Idempotency-Key."""

    PATH = "/sms"
    refuse_first: int = 0
    requests: list[tuple[int, dict[str, str], dict[str, Any]]] = field(default_factory=list)

    async def receive(self, request: Request) -> Response:
        body = await request.json()
        key = request.headers.get("idempotency-key", "")
        with self.lock:
            tries = sum(1 for _, headers, _ in self.requests if headers["key"] == key)
            status = 503 if tries < self.refuse_first else 202
            headers = {"key": key, "authorization": request.headers.get("authorization", "")}
            self.requests.append((status, headers, body))
        return Response(status_code=status)


def sms_gateway(**options: Any) -> AbstractContextManager[SmsGateway]:
    return served(SmsGateway(**options))
