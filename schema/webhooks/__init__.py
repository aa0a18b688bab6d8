"""Partner webhooks: ``registerWebhook``, ``deleteWebhook``, ``Actor.webhooks``."""
