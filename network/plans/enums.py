"""The vocabularies of assessments and integration plans."""

from __future__ import annotations

from enum import auto

from network.enums import NamedEnum


class IndicatorAnswer(NamedEnum):
    """How far an indicator is in place: YES needs nothing, PARTLY some help, NO help."""

    YES = auto()
    PARTLY = auto()
    NO = auto()
    UNKNOWN = auto()


class PlanStatus(NamedEnum):
    ACTIVE = auto()
    SUPERSEDED = auto()


class GoalStatus(NamedEnum):
    OPEN = auto()
    ACHIEVED = auto()
    DROPPED = auto()


class ActionKind(NamedEnum):
    REFERRAL = auto()
    DOCUMENT = auto()
    TRAINING = auto()
    EMPLOYMENT_MEDIATION = auto()
    HOUSING_MEDIATION = auto()
    FAMILY_MEDIATION = auto()
    LIFE_SKILLS = auto()
    OTHER = auto()


class ActionOwner(NamedEnum):
    MEDIATOR = auto()
    ACTOR_USER = auto()
    YOUNG_PERSON = auto()


class ActionStatus(NamedEnum):
    PLANNED = auto()
    IN_PROGRESS = auto()
    DONE = auto()
    NOT_DONE = auto()
    CANCELLED = auto()


OPEN_ACTION_STATUSES = frozenset({ActionStatus.PLANNED, ActionStatus.IN_PROGRESS})
