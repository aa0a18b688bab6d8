"""The referral enums as GraphQL enums, under the contract's names."""

from __future__ import annotations

import strawberry

from network import enums
from network.referrals.filters import Direction

ReferralStatus = strawberry.enum(enums.ReferralStatus, name="ReferralStatus")
Priority = strawberry.enum(enums.Priority, name="Priority")
DeclineReason = strawberry.enum(enums.DeclineReason, name="DeclineReason")
ReferralOutcome = strawberry.enum(enums.ReferralOutcome, name="ReferralOutcome")
ReferralEventKind = strawberry.enum(enums.ReferralEventKind, name="ReferralEventKind")
ReferralDirection = strawberry.enum(Direction, name="ReferralDirection")
