"""Reminder rules of docs/design.md: scans that find what is due and queue messages through
the outbox, and the message to the other side of every referral status change.

Importing this package registers that listener with ``network.referrals.hooks``, so
every process that changes referrals (the API, the worker) must import it.
"""

from network.reminders.status_messages import tell_the_other_side

__all__ = ["tell_the_other_side"]
