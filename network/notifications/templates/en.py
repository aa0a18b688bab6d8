"""English messages: subject and body per kind, and the labels of enum values."""

from __future__ import annotations

from network.enums import NotificationKind as K

MESSAGES: dict[K, tuple[str, str]] = {
    K.REFERRAL_RECEIVED: (
        "New referral {referral_code}",
        "{from_actor} sent you referral {referral_code} ({axis}). Please answer by {respond_by}.",
    ),
    K.REFERRAL_RESPONSE_DUE: (
        "Referral {referral_code} awaits your answer",
        "Referral {referral_code} ({axis}) was due for an answer by {respond_by}. "
        "Please accept, decline or redirect it.",
    ),
    K.REFERRAL_ESCALATED: (
        "Unanswered referral {referral_code}",
        "{to_actor} has not answered referral {referral_code}, due by {respond_by}.",
    ),
    K.REFERRAL_EXPIRED: (
        "Referral {referral_code} expired",
        "Referral {referral_code} expired without an answer from {to_actor}. "
        "Please refer the young person elsewhere.",
    ),
    K.REFERRAL_STATUS_CHANGED: (
        "Referral {referral_code}: {status}",
        "{by_actor} changed referral {referral_code} to: {status}.",
    ),
    K.FOLLOW_UP_DUE: (
        "Follow-up due for referral {referral_code}",
        "The follow-up of referral {referral_code} was scheduled for {follow_up_at}.",
    ),
    K.LEAVING_CARE_SOON: (
        "{youth_code} leaves care in {days} days",
        "{youth_code} leaves care on {leaving_on} and still has no referral for: {axes}.",
    ),
    K.POST_CARE_CHECK_IN: (
        "{months} months after leaving care: {youth_code}",
        "{youth_code} left care {months} months ago. Please record their milestones and status.",
    ),
    K.ACTOR_DATA_STALE: (
        "Please confirm the profile of {actor}",
        "The profile and services of {actor} have not been confirmed for 12 months. "
        "Please check them and confirm.",
    ),
    K.PLAN_ACTION_DUE: (
        "An action of {youth_code}'s plan is due",
        "An action of the integration plan of {youth_code} was due on {due_on} and is "
        "not done yet.",
    ),
    K.PLAN_REVIEW_DUE: (
        "The plan of {youth_code} is due for review",
        "The integration plan of {youth_code} was due for review on {review_on}.",
    ),
    K.PLAN_MISSING: (
        "{youth_code} has no integration plan yet",
        "{youth_code} is {age} or older and still in care without an integration plan. "
        "Please assess them and draft one together.",
    ),
    K.PLAN_NOT_AGREED: (
        "{youth_code} leaves care without an agreed plan",
        "{youth_code} leaves care on {leaving_on} and has no agreed integration plan yet.",
    ),
}

LABELS: dict[str, str] = {
    "HEALTH": "health",
    "EDUCATION_TRAINING": "education and training",
    "EMPLOYMENT": "employment",
    "SOCIAL_ASSISTANCE": "social assistance",
    "SOCIAL_PARTICIPATION": "social participation",
    "DRAFT": "draft",
    "SENT": "sent",
    "ACCEPTED": "accepted",
    "DECLINED": "declined",
    "REDIRECTED": "redirected",
    "IN_PROGRESS": "in progress",
    "COMPLETED": "completed",
    "CANCELLED": "cancelled",
    "EXPIRED": "expired",
}
