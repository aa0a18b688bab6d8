"""Every mapped table, imported so that metadata and Alembic see them all."""

from network.actors.models import Actor
from network.audit.models import AuditEntry
from network.database import Base
from network.services.models import Service, service_areas
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from network.users.models import ApiToken, NotificationPreference, User

__all__ = [
    "Actor",
    "ApiToken",
    "AuditEntry",
    "Base",
    "NotificationPreference",
    "Service",
    "TaxonomyTerm",
    "Territory",
    "User",
    "service_areas",
]
