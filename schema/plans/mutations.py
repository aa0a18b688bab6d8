"""Mutations of assessments and integration plans: each one audited, errors as userErrors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from network import clock
from network.database import UnitOfWork
from network.ids import pk_of, to_global_id
from network.plans import actions, assessment, service
from network.plans.models import Plan as PlanRow
from network.referrals import repository as referrals
from schema.auth import require_user
from schema.common import UserError
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation
from schema.plans.inputs import (
    AddPlanActionInput,
    AddPlanGoalInput,
    AssessYouthInput,
    CreateIntegrationPlanInput,
    RecordPlanAgreementInput,
    RecordPlanReviewInput,
    ReferFromPlanActionInput,
    SetPlanActionStatusInput,
    SetPlanGoalStatusInput,
    VersionedPlanInput,
)
from schema.plans.types import Assessment, IntegrationPlan, PlanAction
from schema.referrals.types import Referral


@strawberry.type
class AssessmentPayload:
    assessment: Assessment | None
    user_errors: list[UserError]


@strawberry.type
class IntegrationPlanPayload:
    plan: IntegrationPlan | None
    user_errors: list[UserError]


@strawberry.type
class PlanActionPayload:
    action: PlanAction | None
    referral: Referral | None
    user_errors: list[UserError]


PlanWrite = Callable[[UnitOfWork], Awaitable[PlanRow]]


async def _plan_mutation(
    info: Info, write: PlanWrite, *, given: str | None
) -> IntegrationPlanPayload:
    async def change(uow: UnitOfWork) -> tuple[IntegrationPlan, list[str]]:
        require_user(info.context.viewer)
        row = await write(uow)
        return IntegrationPlan.of(row, info.context.cipher), [
            to_global_id("IntegrationPlan", row.id),
            to_global_id("Youth", row.youth_id),
        ]

    plan, errors = await run_mutation(
        info,
        change,
        audit_ids=attempted_ids("IntegrationPlan", given) if given else [],
        input_field="input",
    )
    return IntegrationPlanPayload(plan=plan, user_errors=errors)


def _at(info: Info, input: VersionedPlanInput) -> dict[str, Any]:
    return {
        "viewer": info.context.viewer,
        "cipher": info.context.cipher,
        "plan_id": input.plan_pk(),
        "version": input.version,
    }


def _goal(input: AddPlanActionInput | SetPlanGoalStatusInput) -> int:
    return pk_of(input.goal_id, "PlanGoal", field="goalId")


@strawberry.type
class PlanMutation:
    @strawberry.mutation(
        description="A new assessment of a young person; it derives each axis's need level "
        "(overruled with a reason) and sets their needs. Same rights as assessNeeds."
    )
    async def assess_youth(self, info: Info, input: AssessYouthInput) -> AssessmentPayload:
        viewer, cipher = info.context.viewer, info.context.cipher

        async def change(uow: UnitOfWork) -> tuple[Assessment, list[str]]:
            require_user(viewer)
            row = await assessment.assess_youth(
                uow.session, viewer=viewer, cipher=cipher, request=input.request()
            )
            ids = [to_global_id("Assessment", row.id), to_global_id("Youth", row.youth_id)]
            return Assessment.of(row, cipher), ids

        found, errors = await run_mutation(
            info,
            change,
            audit_ids=attempted_ids("Youth", input.youth_id),
            input_field="input",
        )
        return AssessmentPayload(assessment=found, user_errors=errors)

    @strawberry.mutation(
        description="A new ACTIVE plan; the current one is superseded and kept. A repeat "
        "with the same idempotencyKey returns the first plan."
    )
    async def create_integration_plan(
        self, info: Info, input: CreateIntegrationPlanInput
    ) -> IntegrationPlanPayload:
        context = info.context

        async def write(uow: UnitOfWork) -> PlanRow:
            return await service.create_plan(
                uow.session,
                viewer=context.viewer,
                cipher=context.cipher,
                request=input.request(),
                review_months=context.settings.plan_review_months,
            )

        return await _plan_mutation(info, write, given=None)

    @strawberry.mutation
    async def add_plan_goal(self, info: Info, input: AddPlanGoalInput) -> IntegrationPlanPayload:
        async def write(uow: UnitOfWork) -> PlanRow:
            return await service.add_goal(uow.session, **_at(info, input), goal=input.goal.goal())

        return await _plan_mutation(info, write, given=input.plan_id)

    @strawberry.mutation
    async def add_plan_action(
        self, info: Info, input: AddPlanActionInput
    ) -> IntegrationPlanPayload:
        async def write(uow: UnitOfWork) -> PlanRow:
            return await service.add_action(
                uow.session, **_at(info, input), goal_id=_goal(input), action=input.action.action()
            )

        return await _plan_mutation(info, write, given=input.plan_id)

    @strawberry.mutation(description="OPEN, ACHIEVED or DROPPED (with a reason).")
    async def set_plan_goal_status(
        self, info: Info, input: SetPlanGoalStatusInput
    ) -> IntegrationPlanPayload:
        async def write(uow: UnitOfWork) -> PlanRow:
            return await service.set_goal_status(
                uow.session,
                **_at(info, input),
                goal_id=_goal(input),
                status=input.status,
                reason=input.reason,
            )

        return await _plan_mutation(info, write, given=input.plan_id)

    @strawberry.mutation(description="The young person's agreement to the plan, like a consent.")
    async def record_plan_agreement(
        self, info: Info, input: RecordPlanAgreementInput
    ) -> IntegrationPlanPayload:
        async def write(uow: UnitOfWork) -> PlanRow:
            return await service.record_agreement(
                uow.session,
                **_at(info, input),
                agreed_by=input.agreed_by,
                agreed_on=input.agreed_on,
                evidence=input.evidence,
            )

        return await _plan_mutation(info, write, given=input.plan_id)

    @strawberry.mutation
    async def record_plan_review(
        self, info: Info, input: RecordPlanReviewInput
    ) -> IntegrationPlanPayload:
        months = info.context.settings.plan_review_months

        async def write(uow: UnitOfWork) -> PlanRow:
            return await service.record_review(
                uow.session,
                **_at(info, input),
                reviewed_on=input.reviewed_on,
                changes=input.changes,
                next_review_on=input.next_review_on,
                review_months=months,
            )

        return await _plan_mutation(info, write, given=input.plan_id)

    @strawberry.mutation(
        description="Its owner (the user, or staff of its actor) or the plan's editors."
    )
    async def set_plan_action_status(
        self, info: Info, input: SetPlanActionStatusInput
    ) -> PlanActionPayload:
        viewer, cipher = info.context.viewer, info.context.cipher

        async def change(uow: UnitOfWork) -> tuple[PlanAction, list[str]]:
            require_user(viewer)
            row = await actions.set_action_status(
                uow.session,
                viewer=viewer,
                cipher=cipher,
                action_id=pk_of(input.action_id, "PlanAction", field="actionId"),
                status=input.status,
                note=input.note,
            )
            return PlanAction.of(row, cipher), [to_global_id("PlanAction", row.id)]

        found, errors = await run_mutation(
            info,
            change,
            audit_ids=attempted_ids("PlanAction", input.action_id),
            input_field="input",
        )
        return PlanActionPayload(action=found, referral=None, user_errors=errors)

    @strawberry.mutation(
        description="A referral created from a plan action and linked to it: the action is "
        "IN_PROGRESS, and the referral's outcome moves it."
    )
    async def refer_from_plan_action(
        self, info: Info, input: ReferFromPlanActionInput
    ) -> PlanActionPayload:
        context = info.context
        viewer, cipher = context.viewer, context.cipher

        async def change(uow: UnitOfWork) -> tuple[tuple[PlanAction, Referral | None], list[str]]:
            require_user(viewer)
            row, referral = await actions.refer_from_action(
                uow.session,
                viewer=viewer,
                cipher=cipher,
                action_id=pk_of(input.action_id, "PlanAction", field="actionId"),
                request=input.referral.request(),
                default_response_days=context.settings.default_response_days,
            )
            seen = await referrals.get_visible(
                uow.session, [referral.id], viewer=viewer, now=clock.now()
            )
            shown = seen.get(referral.id)
            ids = [to_global_id("PlanAction", row.id), to_global_id("Referral", referral.id)]
            return (PlanAction.of(row, cipher), Referral.of(shown) if shown else None), ids

        found, errors = await run_mutation(
            info,
            change,
            audit_ids=attempted_ids("PlanAction", input.action_id),
            input_field="input",
        )
        action, referral = found if found else (None, None)
        return PlanActionPayload(action=action, referral=referral, user_errors=errors)
