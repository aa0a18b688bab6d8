"""An HTTP transport that connects only to addresses a webhook may reach.

The name in the URL is resolved once by the transport itself; each address is checked
(``network.webhook_addresses``) and the connection is opened to that very address, while
the Host header and the TLS server name stay those of the URL. The peer of the socket
actually connected is checked again. No proxy from the environment, no redirects.
"""

from __future__ import annotations

import ipaddress
import typing

import httpcore
import httpx
from httpcore import AsyncNetworkBackend, AsyncNetworkStream
from httpcore._backends.anyio import AnyIOBackend

from network.webhook_addresses import AllowedHosts, UnsafeAddress, checked, reachable


class PinnedBackend(AsyncNetworkBackend):
    def __init__(self, allowed: AllowedHosts) -> None:
        self._allowed = allowed
        self._backend = AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> AsyncNetworkStream:
        last: Exception = UnsafeAddress("no address to connect to")
        for ip in await reachable(host, port, self._allowed):
            try:
                stream = await self._backend.connect_tcp(
                    str(ip), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                last = error
                continue
            peer = stream.get_extra_info("server_addr")
            try:
                checked(host, [ipaddress.ip_address(str(peer[0]).split("%", 1)[0])], self._allowed)
            except (UnsafeAddress, TypeError, ValueError):
                await stream.aclose()
                raise UnsafeAddress("connected to an address that is not public") from None
            return stream
        raise last

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> AsyncNetworkStream:
        raise UnsafeAddress("webhooks do not use unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """``httpx.AsyncHTTPTransport`` whose connections go through ``PinnedBackend``."""

    def __init__(self, allowed: AllowedHosts) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=PinnedBackend(allowed),
        )


def client(allowed: AllowedHosts, seconds: float) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=PinnedTransport(allowed),
        timeout=seconds,
        follow_redirects=False,
        trust_env=False,
    )
