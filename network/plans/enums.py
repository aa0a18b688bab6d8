"""The vocabularies of assessments and integration plans."""

from __future__ import annotations

from enum import StrEnum


class IndicatorAnswer(StrEnum):
    """How far an indicator is in place: YES needs nothing, PARTLY some help, NO help."""

    YES = "YES"
    PARTLY = "PARTLY"
    NO = "NO"
    UNKNOWN = "UNKNOWN"


class PlanStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SUPERSEDED = "SUPERSEDED"


class GoalStatus(StrEnum):
    OPEN = "OPEN"
    ACHIEVED = "ACHIEVED"
    DROPPED = "DROPPED"


class ActionKind(StrEnum):
    REFERRAL = "REFERRAL"
    DOCUMENT = "DOCUMENT"
    TRAINING = "TRAINING"
    EMPLOYMENT_MEDIATION = "EMPLOYMENT_MEDIATION"
    HOUSING_MEDIATION = "HOUSING_MEDIATION"
    FAMILY_MEDIATION = "FAMILY_MEDIATION"
    LIFE_SKILLS = "LIFE_SKILLS"
    OTHER = "OTHER"


class ActionOwner(StrEnum):
    MEDIATOR = "MEDIATOR"
    ACTOR_USER = "ACTOR_USER"
    YOUNG_PERSON = "YOUNG_PERSON"


class ActionStatus(StrEnum):
    PLANNED = "PLANNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    NOT_DONE = "NOT_DONE"
    CANCELLED = "CANCELLED"


OPEN_ACTION_STATUSES = frozenset({ActionStatus.PLANNED, ActionStatus.IN_PROGRESS})
