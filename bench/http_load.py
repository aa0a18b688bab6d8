"""A lean HTTP/1.1 keep-alive load generator for benchmarks on this machine.

The server, the database and the client share two cores here, so the client must
cost little: the request bytes are built once, each connection sends them back to
back and reads the answer by its Content-Length. Only loopback addresses are driven.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import orjson


@dataclass
class Run:
    latencies: list[float]
    failures: int
    seconds: float
    first_failure: str | None = None

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def graphql_request(base: str, body: dict[str, object], path: str = "/graphql") -> bytes:
    parts = urlsplit(base)
    payload = orjson.dumps(body)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\nConnection: keep-alive\r\n\r\n"
    )
    return head.encode() + payload


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def drive(
    base: str, request: bytes | Sequence[bytes], *, concurrency: int, seconds: float
) -> Run:
    """``concurrency`` connections sending ``request`` back to back for ``seconds``; given
    several requests, each connection goes through them in turn (from its own start).

    An answer counts when it is HTTP 200 without a GraphQL ``errors`` member.
    """
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    if not host.startswith("127.") and host not in ("localhost", "::1"):
        raise ValueError("benchmarks drive loopback addresses only")
    latencies: list[float] = []
    failures = 0
    first_failure: str | None = None
    deadline = time.perf_counter() + seconds

    requests = [request] if isinstance(request, bytes) else list(request)

    async def connection(start: int) -> None:
        nonlocal failures, first_failure
        reader, writer = await asyncio.open_connection(host, port)
        turn = start
        try:
            while time.perf_counter() < deadline:
                sent = time.perf_counter()
                writer.write(requests[turn % len(requests)])
                turn += 1
                status, body = await _read_response(reader)
                if status == 200 and b'"errors"' not in body:
                    latencies.append(time.perf_counter() - sent)
                else:
                    failures += 1
                    first_failure = first_failure or f"HTTP {status}: {body[:300]!r}"
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection(n) for n in range(concurrency)))
    return Run(latencies, failures, time.perf_counter() - started, first_failure)
