"""Logs and metrics carry no personal data: the attacker's GET requests put a searched
name and a password in the query string of a real server, whose log keeps neither."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.api import TEST_DATA_KEY
from tests.network.notifications.servers import free_port
from tests.schema.referrals.servers import answering

SEARCHED = "Yassine Benali"
PASSWORD = "jisr-demo-2026"
LONG_NAME = "A" * 500


@contextmanager
def real_server(db_url: str, var: Path, log: Path, **env: str) -> Iterator[str]:
    port = free_port()
    given = {k: v for k, v in os.environ.items() if not k.startswith("JISR_")}
    given |= {
        "JISR_DATABASE_URL": db_url,
        "JISR_VAR_DIR": str(var),
        "JISR_SECRET_KEY": "test-secret",
        "JISR_DATA_KEY": TEST_DATA_KEY,
        **env,
    }
    command = [sys.executable, "-m", "cli", "serve", "--port", str(port)]
    with log.open("w") as out:
        process = subprocess.Popen(command, env=given, stdout=out, stderr=subprocess.STDOUT)
    with answering(process, port, stop_seconds=20) as base:
        yield base


def test_query_strings_leave_no_trace_in_the_log(db_url: str, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with real_server(db_url, tmp_path / "var", log) as base:
        search = "query Find($s: String) { youths(filter: {search: $s}) { totalCount } }"
        login = (
            f'mutation {{ login(email: "admin@jisr.example.ma", password: "{PASSWORD}")'
            " { token } }"
        )
        with httpx.Client(base_url=base) as client:
            client.get(
                "/graphql", params={"query": search, "variables": json.dumps({"s": SEARCHED})}
            )
            client.get("/graphql", params={"query": login})
            client.get("/healthz", params={"name": SEARCHED, "password": PASSWORD})
            client.post("/graphql", json={"query": "{ __typename }", "operationName": LONG_NAME})
            metrics = client.get("/metrics").text
    text = log.read_text()
    # the requests were logged (by path) ...
    assert text.count('"event": "request"') >= 4, text
    assert '"path": "/graphql"' in text
    # ... and nothing of their query strings, nor an overlong operation name
    for secret in (SEARCHED, "Yassine", PASSWORD, "password=", "query=", LONG_NAME[:65]):
        assert secret not in text, secret
        assert secret not in metrics, secret


def test_metrics_are_closed_in_production_without_their_token(db_url: str, tmp_path: Path) -> None:
    env = {"JISR_ENV": "production", "JISR_METRICS_TOKEN": "metrics-token-of-32-characters!!"}
    with real_server(db_url, tmp_path / "var", tmp_path / "log", **env) as base:
        anonymous = httpx.get(f"{base}/metrics")
        wrong = httpx.get(f"{base}/metrics", headers={"authorization": "Bearer guess"})
        right = httpx.get(
            f"{base}/metrics", headers={"authorization": f"Bearer {env['JISR_METRICS_TOKEN']}"}
        )
    assert (anonymous.status_code, wrong.status_code, right.status_code) == (401, 401, 200)
    assert "jisr_requests_total" in right.text
