"""Every mapped table, imported so that metadata and Alembic see them all."""

from network.actors.models import Actor
from network.audit.models import AuditEntry
from network.database import Base
from network.directory_version import directory_version
from network.hsds.models import HsdsLink
from network.jobs.models import Job
from network.metrics.models import MetricSnapshot
from network.notifications.models import Notification, OutboxMessage, Webhook
from network.persisted_queries import PersistedQuery
from network.plans.models import (
    Action,
    Assessment,
    AssessmentAnswer,
    AssessmentAxis,
    Goal,
    Indicator,
    Plan,
    Review,
)
from network.records.consents import Consent, consent_actors
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Milestone, Need, Youth
from network.services.models import Service, service_areas
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from network.users.models import ApiToken, NotificationPreference, User

__all__ = [
    "Action",
    "Actor",
    "ApiToken",
    "Assessment",
    "AssessmentAnswer",
    "AssessmentAxis",
    "AuditEntry",
    "Base",
    "Consent",
    "Goal",
    "HsdsLink",
    "Indicator",
    "Job",
    "MetricSnapshot",
    "Milestone",
    "Need",
    "Notification",
    "NotificationPreference",
    "OutboxMessage",
    "PersistedQuery",
    "Plan",
    "Referral",
    "ReferralEvent",
    "Review",
    "Service",
    "TaxonomyTerm",
    "Territory",
    "User",
    "Webhook",
    "Youth",
    "consent_actors",
    "directory_version",
    "service_areas",
]
