"""In-app notifications: ``notifications``, ``markNotificationsRead``, ``notificationAdded``.

Importing ``network.reminders`` here registers the message to the other side of every
referral status change, so the API process writes it with the change.
"""

import network.reminders  # noqa: F401
