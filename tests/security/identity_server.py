"""A real Jisr server (uvicorn) on a loopback port, for attacks sent over HTTP, and a
clock the test moves (sign-in delays and token lifetimes are counted on it).

The server runs in a thread of the test's process, on a socket bound before it starts
(so no request can come too early); it serves the app ``jisr serve`` serves, with
uvicorn's own proxy-header handling off as there. The test sets its scene through an
engine of its own, since the server's connections belong to the server's event loop.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
import uvicorn

from network import clock
from network.database import create_engine, session_factory
from schema.app import create_app
from tests.api import Api, test_settings
from tests.services import redis_url


@dataclass
class SceneState:
    engine: Any
    sessions: Any


@dataclass
class LoopbackApi(Api):
    """``Api`` on a http_served port; ``state`` is the test's own engine on the same database."""

    scene: SceneState | None = None
    base_url: str = ""

    @property
    def state(self) -> Any:
        return self.scene


@asynccontextmanager
async def loopback_api(url: str, var_dir: Path, **overrides: Any) -> AsyncIterator[LoopbackApi]:
    app = create_app(test_settings(url, var_dir, **overrides))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", proxy_headers=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    engine = create_engine(url)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            yield LoopbackApi(
                client=client,
                app=app,
                scene=SceneState(engine, session_factory(engine)),
                base_url=base,
            )
    finally:
        server.should_exit = True
        thread.join(30)
        listener.close()
        await engine.dispose()


class MovingClock:
    """``network.clock.now`` held still, moved only by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = clock.now()
        monkeypatch.setattr(clock, "now", lambda: self.at)

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)

    def now(self) -> datetime:
        return self.at


@pytest.fixture
def moving_clock(monkeypatch: pytest.MonkeyPatch) -> MovingClock:
    return MovingClock(monkeypatch)


@pytest.fixture
async def http_served(db_url: str, tmp_path: Path) -> AsyncIterator[LoopbackApi]:
    """A real server on loopback, on a private copy of the demo database."""
    async with loopback_api(db_url, tmp_path / "var") as api:
        yield api


def forget_sign_ins(url: str) -> None:
    """Sign-in counters left in the test Redis by an earlier run would lock this one."""
    client = redis.Redis.from_url(url)
    try:
        for key in client.scan_iter("jisr:signin:*"):
            client.delete(key)
    finally:
        client.close()


@pytest.fixture(params=["memory", "redis"])
async def throttled(
    request: pytest.FixtureRequest, db_url: str, tmp_path: Path
) -> AsyncIterator[LoopbackApi]:
    """The loopback server keeping its counters in memory, then in Redis."""
    overrides: dict[str, Any] = {}
    if request.param == "redis":
        overrides["redis_url"] = redis_url()
        forget_sign_ins(overrides["redis_url"])
    async with loopback_api(db_url, tmp_path / "var", **overrides) as api:
        yield api
    if request.param == "redis":
        forget_sign_ins(overrides["redis_url"])
