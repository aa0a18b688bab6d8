"""Queries on assessments and plans, with the visibility of docs/access.md pushed into SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.batches import rows_of
from network.plans.access import action_visible, plan_visible
from network.plans.enums import PlanStatus
from network.plans.models import (
    Action,
    Assessment,
    AssessmentAnswer,
    AssessmentAxis,
    Goal,
    Indicator,
    Plan,
    Review,
)
from network.records.youths import Youth
from network.viewer import Viewer

Whole = TypeVar("Whole", Plan, Assessment)


def _seen_whole(model: type[Whole], viewer: Viewer) -> Select[Whole]:
    """Rows of ``model`` whose young person's plan the caller may see whole."""
    return select(model).join(Youth, Youth.id == model.youth_id).where(plan_visible(viewer))


async def _newest_first(
    session: AsyncSession,
    viewer: Viewer,
    model: type[Whole],
    youth_ids: Sequence[int],
    newest: Any,
) -> list[Whole]:
    """The ``model`` rows of these young people seen whole, each one's newest first."""
    statement = (
        _seen_whole(model, viewer)
        .where(model.youth_id.in_(youth_ids))
        .order_by(model.youth_id, newest.desc())
    )
    return list(await session.scalars(statement))


async def indicators(session: AsyncSession) -> list[Indicator]:
    statement = select(Indicator).order_by(Indicator.axis, Indicator.position, Indicator.code)
    return list(await session.scalars(statement))


async def plans_of(session: AsyncSession, viewer: Viewer, youth_ids: Sequence[int]) -> list[Plan]:
    """The plans of these young people the caller may see whole, newest first."""
    return await _newest_first(session, viewer, Plan, youth_ids, Plan.id)


async def visible_plan(
    session: AsyncSession, viewer: Viewer, plan_id: int
) -> tuple[Plan, Youth] | None:
    statement = (
        select(Plan, Youth)
        .join(Youth, Youth.id == Plan.youth_id)
        .where(Plan.id == plan_id, plan_visible(viewer))
    )
    found = (await session.execute(statement)).first()
    return None if found is None else (found[0], found[1])


async def plans_by_ids(session: AsyncSession, viewer: Viewer, ids: Sequence[int]) -> list[Plan]:
    statement = _seen_whole(Plan, viewer).where(Plan.id.in_(ids))
    return list(await session.scalars(statement))


async def active_plan(session: AsyncSession, youth_id: int) -> Plan | None:
    return await session.scalar(
        select(Plan).where(Plan.youth_id == youth_id, Plan.status == PlanStatus.ACTIVE)
    )


async def supersede(session: AsyncSession, youth_id: int, now: datetime) -> None:
    await session.execute(
        update(Plan)
        .where(Plan.youth_id == youth_id, Plan.status == PlanStatus.ACTIVE)
        .values(status=PlanStatus.SUPERSEDED, version=Plan.version + 1, updated_at=now)
    )


async def bump(session: AsyncSession, plan: Plan, *, version: int | None, now: datetime) -> bool:
    """Move the plan to its next version; with ``version``, only from that one."""
    statement = update(Plan).where(Plan.id == plan.id, Plan.status == PlanStatus.ACTIVE)
    if version is not None:
        statement = statement.where(Plan.version == version)
    result: Any = await session.execute(
        statement.values(version=Plan.version + 1, updated_at=now).execution_options(
            synchronize_session=False
        )
    )
    if result.rowcount != 1:
        return False
    await session.refresh(plan)
    return True


async def goals_of(session: AsyncSession, plan_ids: Sequence[int]) -> list[Goal]:
    return await rows_of(session, Goal, Goal.plan_id, plan_ids, Goal.id)


async def actions_of(session: AsyncSession, plan_ids: Sequence[int]) -> list[Action]:
    return await rows_of(session, Action, Action.plan_id, plan_ids, Action.id)


async def reviews_of(session: AsyncSession, plan_ids: Sequence[int]) -> list[Review]:
    return await rows_of(session, Review, Review.plan_id, plan_ids, Review.id)


async def visible_actions(
    session: AsyncSession,
    viewer: Viewer,
    *,
    now: datetime,
    youth_id: int | None = None,
    action_ids: Sequence[int] | None = None,
) -> list[tuple[Action, Youth]]:
    """Actions of ACTIVE or older plans the caller may see, with their young person."""
    statement = (
        select(Action, Youth)
        .join(Plan, Plan.id == Action.plan_id)
        .join(Youth, Youth.id == Plan.youth_id)
        .where(action_visible(viewer, now=now))
        .order_by(Action.id)
    )
    if youth_id is not None:
        statement = statement.where(Plan.youth_id == youth_id)
    if action_ids is not None:
        statement = statement.where(Action.id.in_(action_ids))
    return [(action, youth) for action, youth in await session.execute(statement)]


async def action_of_referral(session: AsyncSession, referral_id: int) -> Action | None:
    return await session.scalar(select(Action).where(Action.referral_id == referral_id))


async def assessments_of(
    session: AsyncSession, viewer: Viewer, youth_ids: Sequence[int]
) -> list[Assessment]:
    """Assessments of these young people the caller may see, newest first."""
    return await _newest_first(session, viewer, Assessment, youth_ids, Assessment.number)


async def assessments_by_ids(
    session: AsyncSession, viewer: Viewer, ids: Sequence[int]
) -> list[Assessment]:
    statement = _seen_whole(Assessment, viewer).where(Assessment.id.in_(ids))
    return list(await session.scalars(statement))


async def answers_of(session: AsyncSession, ids: Sequence[int]) -> list[AssessmentAnswer]:
    return await rows_of(
        session,
        AssessmentAnswer,
        AssessmentAnswer.assessment_id,
        ids,
        AssessmentAnswer.indicator_code,
    )


async def axes_of(session: AsyncSession, ids: Sequence[int]) -> list[AssessmentAxis]:
    return await rows_of(
        session, AssessmentAxis, AssessmentAxis.assessment_id, ids, AssessmentAxis.axis
    )


async def next_assessment_number(session: AsyncSession, youth_id: int) -> int:
    found = await session.scalar(
        select(func.max(Assessment.number)).where(Assessment.youth_id == youth_id)
    )
    return int(found or 0) + 1
