"""The network's shared vocabularies; the API exposes them under the same names."""

from __future__ import annotations

from enum import StrEnum, auto


class NamedEnum(StrEnum):
    """A vocabulary whose every value is its member's name, declared once with ``auto()``:
    the API, the database and the templates all see the name."""

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[str]) -> str:
        return name


class Language(NamedEnum):
    AR = auto()
    FR = auto()
    EN = auto()
    ZGH = auto()


class ServiceAxis(NamedEnum):
    HEALTH = auto()
    EDUCATION_TRAINING = auto()
    EMPLOYMENT = auto()
    SOCIAL_ASSISTANCE = auto()
    SOCIAL_PARTICIPATION = auto()


class ActorKind(NamedEnum):
    CARE_INSTITUTION = auto()
    SOCIAL_ASSISTANCE_CENTER = auto()
    HEALTH_FACILITY = auto()
    EDUCATION_INSTITUTION = auto()
    TRAINING_CENTER = auto()
    EMPLOYMENT_AGENCY = auto()
    PUBLIC_SERVICE = auto()
    ASSOCIATION = auto()
    LOCAL_AUTHORITY = auto()
    EMPLOYER = auto()
    INTERNATIONAL_PARTNER = auto()


class TerritoryLevel(NamedEnum):
    REGION = auto()
    PROVINCE = auto()
    COMMUNE = auto()


class Gender(NamedEnum):
    FEMALE = auto()
    MALE = auto()


class Role(NamedEnum):
    ADMIN = auto()
    COORDINATOR = auto()
    MEDIATOR = auto()
    AGENCY_STAFF = auto()


AXIS_ORDER = {axis: index for index, axis in enumerate(ServiceAxis)}


class NotificationKind(NamedEnum):
    REFERRAL_RECEIVED = auto()
    REFERRAL_RESPONSE_DUE = auto()
    REFERRAL_ESCALATED = auto()
    REFERRAL_EXPIRED = auto()
    REFERRAL_STATUS_CHANGED = auto()
    FOLLOW_UP_DUE = auto()
    LEAVING_CARE_SOON = auto()
    POST_CARE_CHECK_IN = auto()
    ACTOR_DATA_STALE = auto()
    PLAN_ACTION_DUE = auto()
    PLAN_REVIEW_DUE = auto()
    PLAN_MISSING = auto()
    PLAN_NOT_AGREED = auto()


class Channel(NamedEnum):
    IN_APP = auto()
    EMAIL = auto()
    SMS = auto()


class YouthStatus(NamedEnum):
    IN_CARE = auto()
    PREPARING_TO_LEAVE = auto()
    LEFT_CARE = auto()
    AUTONOMOUS = auto()
    LOST_CONTACT = auto()


class EducationLevel(NamedEnum):
    NONE = auto()
    PRIMARY = auto()
    LOWER_SECONDARY = auto()
    UPPER_SECONDARY = auto()
    HIGHER = auto()


class VocationalLevel(NamedEnum):
    NONE = auto()
    SPECIALIZATION = auto()
    QUALIFICATION = auto()
    TECHNICIAN = auto()
    SPECIALIZED_TECHNICIAN = auto()


class NeedLevel(NamedEnum):
    NONE = auto()
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


class MilestoneKind(NamedEnum):
    EMPLOYED = auto()
    TRAINING_ENROLLED = auto()
    TRAINING_COMPLETED = auto()
    HOUSING_SECURED = auto()
    ID_DOCUMENTS = auto()
    HEALTH_COVERAGE = auto()
    BANK_ACCOUNT = auto()


class ConsentGiver(NamedEnum):
    YOUTH = auto()
    LEGAL_REPRESENTATIVE = auto()


class ReferralStatus(NamedEnum):
    DRAFT = auto()
    SENT = auto()
    ACCEPTED = auto()
    DECLINED = auto()
    REDIRECTED = auto()
    IN_PROGRESS = auto()
    COMPLETED = auto()
    CANCELLED = auto()
    EXPIRED = auto()


OPEN_STATUSES = frozenset(
    {ReferralStatus.DRAFT, ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}
)


class Priority(NamedEnum):
    LOW = auto()
    NORMAL = auto()
    URGENT = auto()


class DeclineReason(NamedEnum):
    NOT_ELIGIBLE = auto()
    NO_CAPACITY = auto()
    OUT_OF_AREA = auto()
    SERVICE_NOT_OFFERED = auto()
    YOUTH_UNREACHABLE = auto()
    OTHER = auto()


class ReferralOutcome(NamedEnum):
    SERVED = auto()
    PARTIALLY_SERVED = auto()
    NOT_SERVED = auto()
    YOUTH_WITHDREW = auto()


class ReferralEventKind(NamedEnum):
    CREATED = auto()
    SENT = auto()
    ACCEPTED = auto()
    DECLINED = auto()
    REDIRECTED = auto()
    STARTED = auto()
    COMPLETED = auto()
    CANCELLED = auto()
    EXPIRED = auto()
    NOTE = auto()
    FOLLOW_UP_SCHEDULED = auto()
    REMINDER_SENT = auto()
    ESCALATED = auto()
