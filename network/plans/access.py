"""Who sees and changes assessments and integration plans (docs/access.md), as SQL predicates
and checks on loaded rows.

A plan and an assessment are identity-level, but the receiver that sees the young person
sees only the plan's actions assigned to its actor: the whole plan is for staff of the
institution, the mediator and ADMIN. Coordinators see figures only. Those who may
register the young person change the plan; an action's owner may move that action.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, true

from network.access import may_manage_youth, receiver_sees_youth, sees_nothing, staff_scope
from network.plans.models import Action
from network.records.youths import Youth
from network.viewer import Viewer


def plan_visible(viewer: Viewer, youth: Any = Youth) -> ColumnElement[bool]:
    """The whole plan and the assessments of ``youth``: staff of their institution, their
    mediator, ADMIN."""
    if sees_nothing(viewer):
        return false()
    if viewer.is_admin:
        return true()
    mediates = youth.mediator_id == viewer.user_id
    return or_(staff_scope(viewer, youth.institution_id), mediates)


def action_visible(
    viewer: Viewer, *, now: datetime, action: Any = Action, youth: Any = Youth
) -> ColumnElement[bool]:
    """An action of a plan of ``youth``: whoever sees the whole plan, and staff of the
    actor it is assigned to (a user of that actor owns it, or it created a referral to
    it) while that actor sees the young person."""
    if sees_nothing(viewer):
        return false()
    assigned = and_(
        staff_scope(viewer, action.actor_id), receiver_sees_youth(viewer, youth.id, now=now)
    )
    return or_(plan_visible(viewer, youth), assigned)


def may_edit_plan(viewer: Viewer, youth: Youth) -> bool:
    return may_manage_youth(viewer, youth)


def may_move_action(viewer: Viewer, action: Action, youth: Youth) -> bool:
    """docs/access.md "mark a plan action done": its owner (the user, or staff of its actor),
    and the plan's editors."""
    if may_edit_plan(viewer, youth):
        return True
    if viewer.user_id is not None and action.owner_user_id == viewer.user_id:
        return True
    return action.actor_id is not None and viewer.is_staff_of(action.actor_id)
