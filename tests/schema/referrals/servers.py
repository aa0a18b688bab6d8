"""Real API processes (uvicorn) on free ports, for tests that need more than one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from network.seed.users import DEMO_PASSWORD
from tests.api import TEST_DATA_KEY
from tests.cli.processes import kill_tree
from tests.databases import Databases
from tests.network.notifications.servers import free_port

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Served:
    """A server process (its base URL) on a database, called as a partner system would."""

    base: str
    db_url: str

    def graphql(
        self, query: str, variables: dict[str, object] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """The ``data`` of a request over HTTP that must carry no error."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.post(
            self.base + "/graphql",
            json={"query": query, "variables": variables or {}},
            headers=headers,
            timeout=20,
        )
        body = response.json()
        assert not body.get("errors"), body
        return body["data"]  # type: ignore[no-any-return]

    def token(self, email: str, password: str = DEMO_PASSWORD) -> str:
        """A fresh API token for ``email``, through the login mutation."""
        payload = self.graphql(
            "mutation($e:String!,$p:String!){login(email:$e,password:$p){token userErrors{code}}}",
            {"e": email, "p": password},
        )["login"]
        assert payload["userErrors"] == [], payload
        return str(payload["token"])


def server_environment(db_url: str, var: Path, **extra: str) -> dict[str, str]:
    """The JISR_ variables of a test's server process on ``db_url``: development, no
    Redis, the test keys; ``extra`` adds to them or overrides them."""
    return {
        "JISR_ENV": "development",
        "JISR_DATABASE_URL": db_url,
        "JISR_REDIS_URL": "",
        "JISR_SECRET_KEY": "test-secret",
        "JISR_DATA_KEY": TEST_DATA_KEY,
        "JISR_VAR_DIR": str(var),
        **extra,
    }


def wait_until_answering(base: str, process: subprocess.Popen[Any], seconds: float = 60) -> None:
    """Once ``base``/healthz answers 200; fails if the process exits or is late."""
    deadline = time.monotonic() + seconds
    while True:
        assert process.poll() is None, "the API process exited"
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the API process did not start"
        time.sleep(0.2)


@contextmanager
def api_process(env: dict[str, str]) -> Iterator[str]:
    """An API process with ``env`` added to the environment; yields its base URL once
    it answers /healthz."""
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "web.app:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, text=True)
    with answering(process, port) as base:
        yield base


@contextmanager
def answering(process: subprocess.Popen[Any], port: int, stop_seconds: float = 10) -> Iterator[str]:
    """The base URL of a server ``process`` on ``port``, once it answers; stopped after
    (SIGTERM, then its whole tree killed if it lingers)."""
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(stop_seconds)
        except subprocess.TimeoutExpired:
            kill_tree(process)


ServedT = TypeVar("ServedT", bound=Served)


def module_server(
    name: str, environment: Callable[[str, Path], dict[str, str]], served: type[ServedT]
) -> Callable[..., AsyncIterator[ServedT]]:
    """The module fixture ``name``: an API process started with ``environment(db_url,
    var)`` on a copy of the demo of the module's own, as ``served``."""

    @pytest.fixture(scope="module", name=name)
    async def server(
        databases: Databases, tmp_path_factory: pytest.TempPathFactory
    ) -> AsyncIterator[ServedT]:
        db_url = await databases.clone()
        with api_process(environment(db_url, tmp_path_factory.mktemp("var"))) as base:
            yield served(base, db_url)

    return server


@contextmanager
def api_processes(count: int, env: dict[str, str]) -> Iterator[list[str]]:
    with ExitStack() as stack:
        yield [stack.enter_context(api_process(env)) for _ in range(count)]
