"""The referral enums as GraphQL enums, under the contract's names."""

from __future__ import annotations

from network.enums import DeclineReason as DeclineReason
from network.enums import Priority as Priority
from network.enums import ReferralEventKind as ReferralEventKind
from network.enums import ReferralOutcome as ReferralOutcome
from network.enums import ReferralStatus as ReferralStatus
from network.referrals.filters import Direction
from schema.enums import serve

ReferralDirection = Direction
serve(ReferralStatus, Priority, DeclineReason, ReferralOutcome, ReferralEventKind)
serve(ReferralDirection, prefix="Referral")
