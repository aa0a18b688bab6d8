"""The referral lifecycle of docs/design.md as a pure table: which side may take which action
from which status, and where it leads. No database, no clock."""

from __future__ import annotations

from datetime import datetime
from enum import auto

from network.enums import OPEN_STATUSES, NamedEnum, ReferralEventKind, ReferralStatus
from network.errors import InvalidTransition

S = ReferralStatus


class Side(NamedEnum):
    SENDER = auto()
    RECEIVER = auto()
    SYSTEM = auto()


class Action(NamedEnum):
    SEND = auto()
    ACCEPT = auto()
    DECLINE = auto()
    REDIRECT = auto()
    START = auto()
    COMPLETE = auto()
    CANCEL = auto()
    EXPIRE = auto()


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


def stamps(
    action: Action, after: ReferralStatus, *, responded_at: datetime | None, at: datetime
) -> dict[str, datetime]:
    """The instants a move by ``action`` to ``after`` at ``at`` stamps on the referral
    (``responded_at`` is the first answer's, kept)."""
    stamped: dict[str, datetime] = {}
    if action in (Action.ACCEPT, Action.DECLINE, Action.REDIRECT):
        stamped["responded_at"] = responded_at or at
    if action == Action.COMPLETE:
        stamped["completed_at"] = at
    if not is_open(after):
        stamped["closed_at"] = at
    return stamped
