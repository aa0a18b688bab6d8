"""Which addresses a webhook may reach: public ones only, unless the installation allows a
host on purpose (``JISR_WEBHOOK_ALLOWED_HOSTS``).

A name is resolved once; every address it resolves to must be public, and the caller then
connects to one of those very addresses (``pinned``), so a name that resolves to a public
address when checked and to a private one when connected (DNS rebinding) reaches nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

import anyio

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeAddress(Exception):
    """The host resolves to an address a webhook may not reach (or to none)."""


def _embedded(ip: Address) -> Address:
    """The IPv4 address hidden in an IPv4-mapped, 6to4 or Teredo IPv6 address, else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return inner
    return ip


def is_public(ip: Address) -> bool:
    """A globally routable unicast address: not loopback, private, link-local, multicast,
    reserved, unspecified or shared, also when wrapped in an IPv6 address."""
    for candidate in {ip, _embedded(ip)}:
        if (
            not candidate.is_global
            or candidate.is_private
            or candidate.is_loopback
            or candidate.is_link_local
            or candidate.is_multicast
            or candidate.is_reserved
            or candidate.is_unspecified
        ):
            return False
    return True


@dataclass(frozen=True)
class AllowedHosts:
    """Host names, addresses and networks an installation lets webhooks reach though private."""

    names: frozenset[str]
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def parse(cls, items: Iterable[str]) -> AllowedHosts:
        names: set[str] = set()
        networks = []
        for item in items:
            text = item.strip().strip("[]").lower()
            if not text:
                continue
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
            except ValueError:
                names.add(text.rstrip("."))
        return cls(frozenset(names), tuple(networks))

    def allows(self, host: str, ip: Address) -> bool:
        return host.lower().rstrip(".") in self.names or any(ip in net for net in self.networks)


NOTHING_ALLOWED = AllowedHosts(frozenset(), ())


def literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


async def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to (an address literal: itself)."""
    ip = literal(host)
    if ip is not None:
        return [ip]
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise UnsafeAddress("the host does not resolve") from None
    seen: list[Address] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        found = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if found not in seen:
            seen.append(found)
    if not seen:
        raise UnsafeAddress("the host does not resolve")
    return seen


def checked(host: str, addresses: list[Address], allowed: AllowedHosts) -> list[Address]:
    """``addresses`` when every one may be reached; refused when any may not."""
    for ip in addresses:
        if not is_public(ip) and not allowed.allows(host, ip):
            raise UnsafeAddress("the host resolves to an address that is not public")
    return addresses


async def reachable(host: str, port: int, allowed: AllowedHosts) -> list[Address]:
    """Resolve once and check: the addresses a connection to ``host`` may use."""
    return checked(host, await resolve(host, port), allowed)
