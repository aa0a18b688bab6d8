"""The API's answers during a fault: a read and a write, again and again.

The read is an anonymous directory query; the write is ``createReferral`` as the demo
mediator, each with a new idempotency key. Every answer is counted by kind, HTTP status
and error codes; every referral the API acknowledged (it answered with its id) is kept,
to check afterwards that it is in the database.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from typing import Any

import httpx

from network.ids import pk_of

READ = "{ actors(first: 3) { totalCount nodes { id name } } }"
WRITE = (
    "mutation($input: CreateReferralInput!) { createReferral(input: $input) {"
    " referral { id status } userErrors { code } } }"
)
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
LOGIN = (
    f'mutation {{ login(email: "{MEDIATOR}", password: "jisr-demo-2026")'
    " { token userErrors { code } } }"
)
YOUTH, SERVICE = "WW91dGg6MQ", "U2VydmljZTozMQ"  # the README tour's referral
PAUSE_SECONDS = 0.25


def _codes(answer: Any) -> str:
    if not isinstance(answer, dict):
        return "not JSON"
    codes = [str((e.get("extensions") or {}).get("code")) for e in answer.get("errors") or []]
    data = answer.get("data") or {}
    payload = data.get("createReferral") if isinstance(data, dict) else None
    if isinstance(payload, dict):
        codes += [str(e.get("code")) for e in payload.get("userErrors") or []]
    return ",".join(sorted(set(codes))) or "data"


class Probe:
    def __init__(self, base: str) -> None:
        self.client = httpx.AsyncClient(base_url=base, timeout=10)
        self.token = ""
        self.answers: Counter[tuple[str, int, str]] = Counter()
        self.acknowledged: set[int] = set()
        self._running = False

    async def sign_in(self) -> None:
        response = await self.client.post("/graphql", json={"query": LOGIN})
        self.token = response.json()["data"]["login"]["token"]

    async def _ask(self, kind: str, query: str, variables: dict[str, Any], token: str) -> Any:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        body = {"query": query, "variables": variables}
        try:
            response = await self.client.post("/graphql", json=body, headers=headers)
        except httpx.TransportError as error:
            self.answers[(kind, 0, type(error).__name__)] += 1
            return None
        try:
            answer = response.json()
        except ValueError:
            answer = None
        self.answers[(kind, response.status_code, _codes(answer))] += 1
        return answer

    async def once(self) -> tuple[bool, bool]:
        """One read and one write; whether each was answered with data."""
        read = await self._ask("read", READ, {}, "")
        given = {
            "youthId": YOUTH,
            "serviceId": SERVICE,
            "reason": "Fault harness write",
            "idempotencyKey": f"fault-{uuid.uuid4().hex}",
        }
        written = await self._ask("write", WRITE, {"input": given}, self.token)
        referral = (((written or {}).get("data") or {}).get("createReferral") or {}).get("referral")
        if referral:
            self.acknowledged.add(pk_of(referral["id"], "Referral"))
        return bool((read or {}).get("data")), bool(referral)

    async def run(self) -> None:
        self._running = True
        while self._running:
            await self.once()
            await asyncio.sleep(PAUSE_SECONDS)

    def stop(self) -> None:
        self._running = False

    def summary(self) -> str:
        return "; ".join(
            f"{kind} {status} {codes}×{n}"
            for (kind, status, codes), n in sorted(self.answers.items())
        )

    async def close(self) -> None:
        await self.client.aclose()
