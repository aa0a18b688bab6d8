"""How many sockets each caller holds open in this process, capped per token or address.

A signed-in caller is counted by their token (``JISR_WS_MAX_CONNECTIONS_PER_TOKEN``),
an anonymous one by their address (``JISR_WS_MAX_CONNECTIONS_PER_ADDRESS``). The count
is per API process: with N replicas a caller may hold up to N times the cap.
"""

from __future__ import annotations

import hashlib
from collections import Counter


def connection_key(token: str | None, address: str) -> str:
    if token:
        return "token:" + hashlib.sha256(token.encode()).hexdigest()[:32]
    return "address:" + address


class Connections:
    def __init__(self, *, per_token: int, per_address: int) -> None:
        self.per_token = per_token
        self.per_address = per_address
        self._open: Counter[str] = Counter()

    def limit_of(self, key: str) -> int:
        return self.per_token if key.startswith("token:") else self.per_address

    def take(self, key: str) -> bool:
        """One more connection for ``key``, unless it already holds its cap."""
        if self._open[key] >= self.limit_of(key):
            return False
        self._open[key] += 1
        return True

    def release(self, key: str) -> None:
        self._open[key] -= 1
        if self._open[key] <= 0:
            del self._open[key]
