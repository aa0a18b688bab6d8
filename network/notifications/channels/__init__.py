"""The ways a message reaches someone: in-app, email, SMS, partner webhook.

A channel raises ``DeliveryFailed`` when the message did not get through; its reason
names the failure (a status code, an exception class), never personal data.
"""

from __future__ import annotations


class DeliveryFailed(Exception):
    """The message did not get through: retried later, or dead at once when permanent."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
