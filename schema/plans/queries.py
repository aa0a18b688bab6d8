from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.crypto import DataCipher
from network.ids import pk_of
from network.plans import repository
from network.viewer import Viewer
from schema.audit_reads import record_identity_reads
from schema.auth import require_user
from schema.context import Info
from schema.plans.types import Assessment, Indicator, IntegrationPlan, PlanAction
from schema.relay import node_resolver


@node_resolver("IntegrationPlan")
async def plan_nodes(info: Info, pks: list[int]) -> dict[int, IntegrationPlan]:
    rows = await _visible(info, repository.plans_by_ids, pks)
    return {row.id: IntegrationPlan.of(row, info.context.cipher) for row in rows}


@node_resolver("Assessment")
async def assessment_nodes(info: Info, pks: list[int]) -> dict[int, Assessment]:
    rows = await _visible(info, repository.assessments_by_ids, pks)
    return {row.id: Assessment.of(row, info.context.cipher) for row in rows}


@node_resolver("PlanAction")
async def action_nodes(info: Info, pks: list[int]) -> dict[int, PlanAction]:
    async with info.context.sessions() as session:
        found = await repository.visible_actions(
            session, info.context.viewer, now=clock.now(), action_ids=pks
        )
    await record_identity_reads(info.context, (youth.id for _, youth in found))
    return {action.id: PlanAction.of(action, info.context.cipher) for action, _ in found}


T = TypeVar("T")
Fetch = Callable[[AsyncSession, Viewer, list[int]], Awaitable[Sequence[Any]]]


async def _visible(info: Info, fetch: Fetch, pks: list[int]) -> Sequence[Any]:
    """Records of young people (``fetch`` by ids) the caller may see; the young people
    they name are read, which is audited."""
    async with info.context.sessions() as session:
        rows = await fetch(session, info.context.viewer, pks)
    await record_identity_reads(info.context, (row.youth_id for row in rows))
    return rows


async def _of_youth(
    info: Info, youth_id: strawberry.ID, fetch: Fetch, node: Callable[[Any, DataCipher], T]
) -> list[T]:
    """``node(row, cipher)`` of each record of the young person the caller may see."""
    require_user(info.context.viewer)
    rows = await _visible(info, fetch, [pk_of(youth_id, "Youth", field="youthId")])
    return [node(row, info.context.cipher) for row in rows]


@strawberry.type
class PlanQuery:
    @strawberry.field(description="The indicators of the diagnosis, per axis (reference data).")
    async def assessment_indicators(self, info: Info) -> list[Indicator]:
        async with info.context.sessions() as session:
            rows = await repository.indicators(session)
        return [Indicator.of(row) for row in rows]

    @strawberry.field(
        description="A young person's assessments, newest (current) first: for staff of their "
        "institution, their mediator, ADMIN; empty for everyone else."
    )
    async def assessments(self, info: Info, youth_id: strawberry.ID) -> list[Assessment]:
        return await _of_youth(info, youth_id, repository.assessments_of, Assessment.of)

    @strawberry.field(
        description="A young person's integration plans, the ACTIVE one first, then the older "
        "ones: for staff of their institution, their mediator, ADMIN; empty for everyone else."
    )
    async def integration_plans(self, info: Info, youth_id: strawberry.ID) -> list[IntegrationPlan]:
        return await _of_youth(info, youth_id, repository.plans_of, IntegrationPlan.of)

    @strawberry.field(
        description="Plan actions the caller may see: all of a plan for its readers; for the "
        "staff of an actor, the actions assigned to it while it sees the young person."
    )
    async def plan_actions(
        self, info: Info, youth_id: strawberry.ID | None = None
    ) -> list[PlanAction]:
        viewer = require_user(info.context.viewer)
        pk = None if youth_id is None else pk_of(youth_id, "Youth", field="youthId")
        async with info.context.sessions() as session:
            found = await repository.visible_actions(session, viewer, now=clock.now(), youth_id=pk)
        await record_identity_reads(info.context, (youth.id for _, youth in found))
        return [PlanAction.of(action, info.context.cipher) for action, _ in found]
