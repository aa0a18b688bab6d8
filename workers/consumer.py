"""The worker's broker consumer, surviving the loss of a Redis broker with tasks in flight.

Celery 5.7 closes the broken connection after a connection loss (``collect()``, then
``close()``). With late-acknowledged tasks still unacknowledged, kombu 5.7's Redis
channel then tries to restore them through a transport that ``collect()`` has already
detached, and raises ``AttributeError`` ("'NoneType' object has no attribute
'hostname'"), which Celery does not ignore: the worker stops with "Unrecoverable
error" instead of reconnecting. The messages cannot be restored over a dead
connection anyway (Redis redelivers them after the visibility timeout, and the
outbox relay hands over what is still due), so this consumer lets that close fail
quietly and goes on reconnecting.
"""

from __future__ import annotations

import logging
from typing import Any

from celery.worker.consumer import Consumer

logger = logging.getLogger("jisr.worker")


class JisrConsumer(Consumer):  # type: ignore[misc]
    def on_connection_error_after_connected(self, exc: Exception) -> None:
        connection = self.connection
        if connection is not None:
            close = connection.close

            def close_detached() -> Any:
                try:
                    return close()
                except AttributeError:
                    logger.warning("broker connection closed without restoring unacked tasks")
                    return None

            connection.close = close_detached
        super().on_connection_error_after_connected(exc)
