"""A user's in-app notifications: reading them and marking them read (docs/access.md: their
own only). Delivery writes them (``network.notifications``)."""
