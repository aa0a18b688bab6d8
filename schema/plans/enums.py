"""The plan enums as GraphQL enums, under the contract's names (a plan's goals and
actions are served as ``PlanGoalStatus``, ``PlanActionKind``…)."""

from __future__ import annotations

from network.plans.enums import ActionKind as ActionKind
from network.plans.enums import ActionOwner as ActionOwner
from network.plans.enums import ActionStatus as ActionStatus
from network.plans.enums import GoalStatus as GoalStatus
from network.plans.enums import IndicatorAnswer as IndicatorAnswer
from network.plans.enums import PlanStatus as PlanStatus
from schema.enums import serve

serve(IndicatorAnswer, PlanStatus)
serve(GoalStatus, ActionKind, ActionOwner, ActionStatus, prefix="Plan")
