"""The caller's address: the connection's peer, or what a trusted proxy forwarded.

``X-Forwarded-For`` is read only when the peer is one of ``JISR_TRUSTED_PROXIES``; then
the address is the rightmost hop that is not itself a trusted proxy (hops further left
were written by the client and prove nothing).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _trusted(host: str, networks: Sequence[Network]) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in networks)


def client_address(request: Any, trusted_proxies: tuple[str, ...]) -> str:
    client = getattr(request, "client", None)
    peer = client.host if client else "unknown"
    networks = _networks(tuple(trusted_proxies))
    if not networks or not _trusted(peer, networks):
        return peer
    forwarded = request.headers.get("x-forwarded-for") or ""
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            address = str(ipaddress.ip_address(hop))
        except ValueError:
            return peer  # a hop that is no address: nothing left of it is worth reading
        if not _trusted(address, networks):
            return address
    return peer
