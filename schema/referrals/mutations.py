from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.database import UnitOfWork
from network.ids import to_global_id
from network.records.referrals import Referral as ReferralRow
from network.referrals import creation, repository, service
from schema.auth import require_user
from schema.common import UserError
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation
from schema.referrals.inputs import (
    AddReferralNoteInput,
    CancelReferralInput,
    CompleteReferralInput,
    CreateReferralInput,
    DeclineReferralInput,
    RedirectReferralInput,
    ScheduleFollowUpInput,
    TransitionInput,
)
from schema.referrals.types import Referral


@strawberry.type
class ReferralPayload:
    referral: Referral | None
    user_errors: list[UserError]


Step = Callable[[UnitOfWork], Awaitable[ReferralRow]]


async def _run(info: Info, step: Step, *, given_id: str | None) -> ReferralPayload:
    """Run one referral mutation; the payload shows the referral as its caller sees it."""
    viewer = info.context.viewer

    async def change(uow: UnitOfWork) -> tuple[Referral | None, list[str]]:
        require_user(viewer)
        row = await step(uow)
        seen = await repository.get_visible(uow.session, [row.id], viewer=viewer, now=clock.now())
        shown = seen.get(row.id)
        return (Referral.of(shown) if shown else None), [to_global_id("Referral", row.id)]

    referral, errors = await run_mutation(
        info,
        change,
        audit_ids=attempted_ids("Referral", given_id),
        input_field="input",
    )
    return ReferralPayload(referral=referral, user_errors=errors)


Transition = Callable[[AsyncSession, service.Answer], Awaitable[ReferralRow]]


async def _answered(
    info: Info,
    input: TransitionInput | CancelReferralInput,
    transition: Transition,
) -> ReferralPayload:
    """One status change of the referral ``input`` names, at the version it was seen."""

    async def step(uow: UnitOfWork) -> ReferralRow:
        answer = service.Answer(
            viewer=info.context.viewer,
            cipher=info.context.cipher,
            referral_id=input.pk(),
            version=input.version,
            note=input.note,
        )
        return await transition(uow.session, answer)

    return await _run(info, step, given_id=input.id)


@strawberry.type
class ReferralMutation:
    @strawberry.mutation(
        description="The young person's mediator, staff of the sending actor, ADMIN."
    )
    async def create_referral(self, info: Info, input: CreateReferralInput) -> ReferralPayload:
        context = info.context

        async def step(uow: UnitOfWork) -> ReferralRow:
            return await creation.create_referral(
                uow.session,
                viewer=context.viewer,
                cipher=info.context.cipher,
                request=input.request(),
                default_response_days=context.settings.default_response_days,
            )

        return await _run(info, step, given_id=None)

    @strawberry.mutation(description="DRAFT → SENT, by the sending side; checks consent.")
    async def send_referral(self, info: Info, input: TransitionInput) -> ReferralPayload:
        days = info.context.settings.default_response_days
        return await _answered(
            info,
            input,
            lambda session, answer: service.send_referral(
                session, answer, default_response_days=days
            ),
        )

    @strawberry.mutation(description="SENT → ACCEPTED, by the receiving side.")
    async def accept_referral(self, info: Info, input: TransitionInput) -> ReferralPayload:
        return await _answered(info, input, service.accept_referral)

    @strawberry.mutation(description="SENT or ACCEPTED → DECLINED, by the receiving side.")
    async def decline_referral(self, info: Info, input: DeclineReferralInput) -> ReferralPayload:
        return await _answered(
            info,
            input,
            lambda session, answer: service.decline_referral(session, answer, input.reason),
        )

    @strawberry.mutation(
        description="SENT or ACCEPTED → REDIRECTED, by the receiving side; a new SENT"
        " referral goes to the new receiver."
    )
    async def redirect_referral(self, info: Info, input: RedirectReferralInput) -> ReferralPayload:
        days = info.context.settings.default_response_days
        return await _answered(
            info,
            input,
            lambda session, answer: service.redirect_referral(
                session,
                answer,
                to_actor_id=input.to_actor_pk(),
                service_id=input.service_pk(),
                default_response_days=days,
            ),
        )

    @strawberry.mutation(description="ACCEPTED → IN_PROGRESS, by the receiving side.")
    async def start_referral(self, info: Info, input: TransitionInput) -> ReferralPayload:
        return await _answered(info, input, service.start_referral)

    @strawberry.mutation(
        description="IN_PROGRESS → COMPLETED with an outcome, by the receiving side."
    )
    async def complete_referral(self, info: Info, input: CompleteReferralInput) -> ReferralPayload:
        return await _answered(
            info,
            input,
            lambda session, answer: service.complete_referral(session, answer, input.outcome),
        )

    @strawberry.mutation(description="Any open state → CANCELLED, by the sending side.")
    async def cancel_referral(self, info: Info, input: CancelReferralInput) -> ReferralPayload:
        return await _answered(info, input, service.cancel_referral)

    @strawberry.mutation(description="Anyone who may see the referral's identity fields.")
    async def add_referral_note(self, info: Info, input: AddReferralNoteInput) -> ReferralPayload:
        async def step(uow: UnitOfWork) -> ReferralRow:
            return await service.add_referral_note(
                uow.session,
                viewer=info.context.viewer,
                cipher=info.context.cipher,
                referral_id=input.pk(),
                note=input.note,
            )

        return await _run(info, step, given_id=input.id)

    @strawberry.mutation(description="The sending side, on an open referral, in the future.")
    async def schedule_follow_up(self, info: Info, input: ScheduleFollowUpInput) -> ReferralPayload:
        async def step(uow: UnitOfWork) -> ReferralRow:
            return await service.schedule_follow_up(
                uow.session, viewer=info.context.viewer, referral_id=input.pk(), at=input.at_utc()
            )

        return await _run(info, step, given_id=input.id)
