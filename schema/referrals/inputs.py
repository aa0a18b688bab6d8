"""Inputs of the referral mutations. Ids of the wrong type are invalid input naming
their field."""

from __future__ import annotations

from datetime import datetime

import strawberry

from network.ids import pk_of
from network.referrals.creation import NewReferral
from schema.actors.filters import as_utc
from schema.enums import ServiceAxis
from schema.referrals.enums import DeclineReason, Priority, ReferralOutcome


def _pk(global_id: strawberry.ID | None, type_name: str, field: str) -> int | None:
    return None if global_id is None else pk_of(global_id, type_name, field=field)


@strawberry.input
class CreateReferralInput:
    youth_id: strawberry.ID
    reason: str
    from_actor_id: strawberry.ID | None = strawberry.field(
        default=None, description="The sending actor; default the caller's actor."
    )
    service_id: strawberry.ID | None = strawberry.field(
        default=None, description="Either a service, or an actor and an axis."
    )
    to_actor_id: strawberry.ID | None = None
    axis: ServiceAxis | None = None
    priority: Priority | None = None
    follow_up_in_days: int | None = None
    send: bool | None = strawberry.field(
        default=None,
        description="Default true: created as SENT; false keeps a DRAFT (consent is checked"
        " when it is sent).",
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Per user: a repeat with the same input returns the first referral;"
        " with other input, DUPLICATE.",
    )

    def request(self) -> NewReferral:
        return NewReferral(
            youth_id=pk_of(self.youth_id, "Youth", field="youthId"),
            reason=self.reason,
            from_actor_id=_pk(self.from_actor_id, "Actor", "fromActorId"),
            service_id=_pk(self.service_id, "Service", "serviceId"),
            to_actor_id=_pk(self.to_actor_id, "Actor", "toActorId"),
            axis=self.axis,
            priority=self.priority,
            follow_up_in_days=self.follow_up_in_days,
            send=self.send is not False,
            idempotency_key=self.idempotency_key,
        )


@strawberry.input
class VersionedReferral:
    """The referral a transition applies to, at the version the caller last saw."""

    id: strawberry.ID
    version: int

    def pk(self) -> int:
        return pk_of(self.id, "Referral")


@strawberry.input
class TransitionInput(VersionedReferral):
    note: str | None = None


@strawberry.input
class DeclineReferralInput(TransitionInput):
    reason: DeclineReason


@strawberry.input
class RedirectReferralInput(TransitionInput):
    to_actor_id: strawberry.ID | None = None
    service_id: strawberry.ID | None = None

    def to_actor_pk(self) -> int | None:
        return _pk(self.to_actor_id, "Actor", "toActorId")

    def service_pk(self) -> int | None:
        return _pk(self.service_id, "Service", "serviceId")


@strawberry.input
class CompleteReferralInput(TransitionInput):
    outcome: ReferralOutcome


@strawberry.input
class CancelReferralInput(VersionedReferral):
    note: str


@strawberry.input
class AddReferralNoteInput:
    id: strawberry.ID
    note: str

    def pk(self) -> int:
        return pk_of(self.id, "Referral")


@strawberry.input
class ScheduleFollowUpInput:
    id: strawberry.ID
    at: datetime

    def pk(self) -> int:
        return pk_of(self.id, "Referral")

    def at_utc(self) -> datetime:
        at = as_utc(self.at)
        assert at is not None
        return at
