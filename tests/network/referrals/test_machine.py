"""Every (status, action, side) of the referral lifecycle against docs/design.md, written out
by hand rather than derived from the machine's own table."""

from __future__ import annotations

import itertools

import pytest

from network.enums import ReferralStatus
from network.errors import InvalidTransition
from network.referrals.machine import Action, Side, allows, next_status

S, A = ReferralStatus, Action

# (from, action, side) -> to; every triple not listed is refused.
ALLOWED = {
    (S.DRAFT, A.SEND, Side.SENDER): S.SENT,
    (S.DRAFT, A.CANCEL, Side.SENDER): S.CANCELLED,
    (S.SENT, A.ACCEPT, Side.RECEIVER): S.ACCEPTED,
    (S.SENT, A.DECLINE, Side.RECEIVER): S.DECLINED,
    (S.SENT, A.REDIRECT, Side.RECEIVER): S.REDIRECTED,
    (S.SENT, A.CANCEL, Side.SENDER): S.CANCELLED,
    (S.SENT, A.EXPIRE, Side.SYSTEM): S.EXPIRED,
    (S.ACCEPTED, A.START, Side.RECEIVER): S.IN_PROGRESS,
    (S.ACCEPTED, A.DECLINE, Side.RECEIVER): S.DECLINED,
    (S.ACCEPTED, A.REDIRECT, Side.RECEIVER): S.REDIRECTED,
    (S.ACCEPTED, A.CANCEL, Side.SENDER): S.CANCELLED,
    (S.IN_PROGRESS, A.COMPLETE, Side.RECEIVER): S.COMPLETED,
    (S.IN_PROGRESS, A.CANCEL, Side.SENDER): S.CANCELLED,
}

EVERY_TRIPLE = list(itertools.product(ReferralStatus, Action, Side))


def test_the_product_is_complete() -> None:
    assert len(EVERY_TRIPLE) == 9 * 8 * 3
    assert set(ALLOWED) <= set(EVERY_TRIPLE)


@pytest.mark.parametrize(("status", "action", "side"), EVERY_TRIPLE)
def test_transition(status: ReferralStatus, action: Action, side: Side) -> None:
    # given a referral in `status`, when `side` takes `action`
    expected = ALLOWED.get((status, action, side))

    # then it moves exactly where the lifecycle says, or is refused
    assert allows(status, action, side) is (expected is not None)
    if expected is None:
        with pytest.raises(InvalidTransition):
            next_status(status, action, side)
    else:
        assert next_status(status, action, side) == expected
