"""Listeners told of every in-app notification once it is committed.

The GraphQL layer registers a publisher for ``notificationAdded`` here at import time;
delivery calls ``announce`` after the transaction that wrote the notification and
never imports the listeners.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from network.notifications.models import Notification

Listener = Callable[[Notification], Awaitable[None]]
_listeners: list[Listener] = []
logger = logging.getLogger("jisr.notifications")


def on_notification(listener: Listener) -> Listener:
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


async def announce(notification: Notification) -> None:
    """Tell every listener; one failing listener neither stops the others nor undoes the
    delivery (the notification is committed and readable through ``notifications``)."""
    for listener in _listeners:
        try:
            await listener(notification)
        except Exception:
            logger.exception("notification listener failed")
