"""The referral lifecycle of docs/design.md as a pure table: which side may take which action
from which status, and where it leads. No database, no clock."""

from __future__ import annotations

from enum import StrEnum

from network.enums import OPEN_STATUSES, ReferralEventKind, ReferralStatus
from network.errors import InvalidTransition

S = ReferralStatus


class Side(StrEnum):
    SENDER = "SENDER"
    RECEIVER = "RECEIVER"
    SYSTEM = "SYSTEM"


class Action(StrEnum):
    SEND = "SEND"
    ACCEPT = "ACCEPT"
    DECLINE = "DECLINE"
    REDIRECT = "REDIRECT"
    START = "START"
    COMPLETE = "COMPLETE"
    CANCEL = "CANCEL"
    EXPIRE = "EXPIRE"


# action -> (the side that takes it, the statuses it starts from, the status it leads to)
RULES: dict[Action, tuple[Side, frozenset[ReferralStatus], ReferralStatus]] = {
    Action.SEND: (Side.SENDER, frozenset({S.DRAFT}), S.SENT),
    Action.ACCEPT: (Side.RECEIVER, frozenset({S.SENT}), S.ACCEPTED),
    Action.DECLINE: (Side.RECEIVER, frozenset({S.SENT, S.ACCEPTED}), S.DECLINED),
    Action.REDIRECT: (Side.RECEIVER, frozenset({S.SENT, S.ACCEPTED}), S.REDIRECTED),
    Action.START: (Side.RECEIVER, frozenset({S.ACCEPTED}), S.IN_PROGRESS),
    Action.COMPLETE: (Side.RECEIVER, frozenset({S.IN_PROGRESS}), S.COMPLETED),
    Action.CANCEL: (Side.SENDER, OPEN_STATUSES, S.CANCELLED),
    Action.EXPIRE: (Side.SYSTEM, frozenset({S.SENT}), S.EXPIRED),
}

EVENT_KINDS: dict[Action, ReferralEventKind] = {
    Action.SEND: ReferralEventKind.SENT,
    Action.ACCEPT: ReferralEventKind.ACCEPTED,
    Action.DECLINE: ReferralEventKind.DECLINED,
    Action.REDIRECT: ReferralEventKind.REDIRECTED,
    Action.START: ReferralEventKind.STARTED,
    Action.COMPLETE: ReferralEventKind.COMPLETED,
    Action.CANCEL: ReferralEventKind.CANCELLED,
    Action.EXPIRE: ReferralEventKind.EXPIRED,
}


def side_of(action: Action) -> Side:
    """The only side that may take ``action``."""
    return RULES[action][0]


def sources(action: Action) -> frozenset[ReferralStatus]:
    """The statuses ``action`` may start from."""
    return RULES[action][1]


def allows(status: ReferralStatus, action: Action, side: Side) -> bool:
    taker, starts, _ = RULES[action]
    return side == taker and status in starts


def next_status(status: ReferralStatus, action: Action, side: Side) -> ReferralStatus:
    """Where ``action`` by ``side`` leads from ``status``, or InvalidTransition."""
    if not allows(status, action, side):
        raise InvalidTransition(
            f"a referral in status {status} cannot take {action.lower()} from the {side.lower()}"
        )
    return RULES[action][2]


def is_open(status: ReferralStatus) -> bool:
    return status in OPEN_STATUSES
