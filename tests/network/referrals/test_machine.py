"""Every (status, action, side) of the referral lifecycle against docs/design.md, written out
by hand rather than derived from the machine's own table."""

from __future__ import annotations

import itertools

import pytest

from network.enums import ReferralStatus
from network.errors import InvalidTransition
from network.referrals.machine import Action, Side, allows, next_status

S, A = ReferralStatus, Action

# Each action: the side that takes it, the status it leads to, the statuses it leaves.
LIFECYCLE = [
    (A.SEND, Side.SENDER, S.SENT, [S.DRAFT]),
    (A.ACCEPT, Side.RECEIVER, S.ACCEPTED, [S.SENT]),
    (A.DECLINE, Side.RECEIVER, S.DECLINED, [S.SENT, S.ACCEPTED]),
    (A.REDIRECT, Side.RECEIVER, S.REDIRECTED, [S.SENT, S.ACCEPTED]),
    (A.EXPIRE, Side.SYSTEM, S.EXPIRED, [S.SENT]),
    (A.START, Side.RECEIVER, S.IN_PROGRESS, [S.ACCEPTED]),
    (A.COMPLETE, Side.RECEIVER, S.COMPLETED, [S.IN_PROGRESS]),
    (A.CANCEL, Side.SENDER, S.CANCELLED, [S.DRAFT, S.SENT, S.ACCEPTED, S.IN_PROGRESS]),
]
# (from, action, side) -> to; every triple not listed is refused.
ALLOWED = {
    (source, action, side): to for action, side, to, sources in LIFECYCLE for source in sources
}

EVERY_TRIPLE = list(itertools.product(ReferralStatus, Action, Side))


def test_the_product_is_complete() -> None:
    assert len(EVERY_TRIPLE) == 9 * 8 * 3
    assert set(ALLOWED) <= set(EVERY_TRIPLE)
    assert len(ALLOWED) == 13


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
