"""Loaders of the parts of plans and assessments. Their keys are plans and assessments
the caller was already allowed to see whole (the types are built only from those)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network.plans import repository
from schema.context import Context
from schema.loaders import loader


def _grouped(
    fetch: Callable[[AsyncSession, Sequence[int]], Awaitable[Sequence[Any]]], key: str
) -> Callable[[Context, list[int]], Awaitable[list[Any]]]:
    async def load(context: Context, ids: list[int]) -> list[Any]:
        async with context.sessions() as session:
            rows = await fetch(session, ids)
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[getattr(row, key)].append(row)
        return [grouped.get(i, []) for i in ids]

    return load


plan_goals_loader = loader(_grouped(repository.goals_of, "plan_id"))
plan_actions_loader = loader(_grouped(repository.actions_of, "plan_id"))
plan_reviews_loader = loader(_grouped(repository.reviews_of, "plan_id"))
assessment_answers_loader = loader(_grouped(repository.answers_of, "assessment_id"))
assessment_axes_loader = loader(_grouped(repository.axes_of, "assessment_id"))
