"""Partner webhooks: an actor's staff (or ADMIN) register an endpoint and a secret, and
the actor's referral events are sent there signed (``network.notifications``)."""
