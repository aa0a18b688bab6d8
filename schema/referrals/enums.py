"""The referral enums as GraphQL enums, under the contract's names."""

from __future__ import annotations

import strawberry

from network import enums
from network.referrals.filters import Direction

ReferralStatus = enums.ReferralStatus
Priority = enums.Priority
DeclineReason = enums.DeclineReason
ReferralOutcome = enums.ReferralOutcome
ReferralEventKind = enums.ReferralEventKind
ReferralDirection = Direction
# strawberry.enum marks each class itself as the GraphQL enum of that name.
strawberry.enum(ReferralStatus, name="ReferralStatus")
strawberry.enum(Priority, name="Priority")
strawberry.enum(DeclineReason, name="DeclineReason")
strawberry.enum(ReferralOutcome, name="ReferralOutcome")
strawberry.enum(ReferralEventKind, name="ReferralEventKind")
strawberry.enum(ReferralDirection, name="ReferralDirection")
