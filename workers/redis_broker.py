"""The Redis broker: kombu's Redis transport, surviving the loss of Redis mid-task.

When the connection to Redis drops while tasks are unacknowledged (Jisr acknowledges
late), Celery closes the connection and kombu then restores those messages through a
new client built from the connection's parameters; but the connection has already let
go of them, and the AttributeError that follows stops the worker for good ("Unrecoverable
error: 'NoneType' object has no attribute 'hostname'"). Here a channel whose connection
is gone says so with a connection error, which Celery ignores while it reconnects. Nothing
is lost: Redis keeps unacknowledged messages itself (restored after the visibility
timeout), and what a Redis restart loses the outbox hands over again once its lease ends.
"""

from __future__ import annotations

from typing import Any

from kombu.transport import redis as kombu_redis
from redis.exceptions import ConnectionError as RedisConnectionError

TRANSPORT = "workers.redis_broker:Transport"


class Channel(kombu_redis.Channel):
    def _connparams(self, asynchronous: bool = False) -> dict[str, Any]:
        if self.connection.client is None:
            raise RedisConnectionError("the connection to the broker is closed")
        params: dict[str, Any] = super()._connparams(asynchronous=asynchronous)  # type: ignore[misc]  # kombu-private, not in the stubs
        return params


class Transport(kombu_redis.Transport):
    Channel = Channel
