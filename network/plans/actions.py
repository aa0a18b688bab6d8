"""Moving a plan's actions: by their owner or the plan's editors, or by the referral an
action created (its outcome moves the action, through network.referrals.hooks).

A referral COMPLETED as SERVED or PARTIALLY_SERVED makes its action DONE; completed
otherwise, or DECLINED, EXPIRED or CANCELLED, NOT_DONE; a REDIRECTED referral hands the
action to the new referral (and its receiver). Each move advances the plan's version.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.crypto import DataCipher
from network.enums import ReferralOutcome, ReferralStatus
from network.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from network.plans import repository, rules
from network.plans.access import may_edit_plan, may_move_action
from network.plans.enums import OPEN_ACTION_STATUSES, ActionStatus
from network.plans.models import Action, Plan
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Youth
from network.referrals.creation import NewReferral, create_referral
from network.viewer import Viewer

SERVED = frozenset({ReferralOutcome.SERVED, ReferralOutcome.PARTIALLY_SERVED})
ENDED_UNSERVED = frozenset(
    {ReferralStatus.DECLINED, ReferralStatus.EXPIRED, ReferralStatus.CANCELLED}
)


async def _visible(
    session: AsyncSession, viewer: Viewer, action_id: int, now: datetime
) -> tuple[Action, Youth]:
    found = await repository.visible_actions(session, viewer, now=now, action_ids=[action_id])
    if not found:
        raise NotFound("no such action", field=["actionId"])
    return found[0]


async def set_action_status(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    action_id: int,
    status: ActionStatus,
    note: str | None,
) -> Action:
    now = clock.now()
    action, youth = await _visible(session, viewer, action_id, now)
    if not may_move_action(viewer, action, youth):
        raise PermissionDenied("only its owner or the plan's editors move an action")
    await _move(session, action, status, now=now)
    if note is not None:
        action.note_enc = cipher.encrypt(rules.clean_note(note, field=["note"]))
    await session.flush()
    return action


async def refer_from_action(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    action_id: int,
    request: NewReferral,
    default_response_days: int,
) -> tuple[Action, Referral]:
    """A referral for the action's young person, linked to the action, which is then
    IN_PROGRESS and assigned to the receiving actor."""
    now = clock.now()
    action, youth = await _visible(session, viewer, action_id, now)
    if not may_edit_plan(viewer, youth):
        raise PermissionDenied("only the plan's editors refer from its actions")
    if action.referral_id is not None:
        raise InvalidTransition("this action already created a referral")
    if request.youth_id != youth.id:
        raise InvalidInput("the action's young person is referred", field=["youthId"])
    referral = await create_referral(
        session,
        viewer=viewer,
        cipher=cipher,
        request=request,
        default_response_days=default_response_days,
        now=now,
    )
    action.referral_id = referral.id
    action.actor_id = referral.to_actor_id
    await _move(session, action, ActionStatus.IN_PROGRESS, now=now)
    await session.flush()
    return action, referral


async def follow_referral(session: AsyncSession, referral: Referral, event: ReferralEvent) -> None:
    """Listener of every referral event: the linked action follows the outcome."""
    if event.to_status is None or event.to_status == event.from_status:
        return
    action = await repository.action_of_referral(session, referral.id)
    if action is None or action.status not in OPEN_ACTION_STATUSES:
        return
    now = clock.now()
    status = event.to_status
    if status == ReferralStatus.REDIRECTED and referral.redirected_to_id is not None:
        successor = await session.get(Referral, referral.redirected_to_id)
        action.referral_id = referral.redirected_to_id
        action.actor_id = successor.to_actor_id if successor else action.actor_id
        await session.flush()
        await _bump(session, action, now=now)
    elif status == ReferralStatus.COMPLETED:
        done = referral.outcome in SERVED
        await _move(session, action, ActionStatus.DONE if done else ActionStatus.NOT_DONE, now=now)
    elif status in ENDED_UNSERVED:
        await _move(session, action, ActionStatus.NOT_DONE, now=now)
    await session.flush()


async def _move(
    session: AsyncSession, action: Action, status: ActionStatus, *, now: datetime
) -> None:
    action.status = status
    action.done_on = clock.local_date(now) if status == ActionStatus.DONE else None
    await _bump(session, action, now=now)


async def _bump(session: AsyncSession, action: Action, *, now: datetime) -> None:
    plan = await session.get(Plan, action.plan_id)
    assert plan is not None
    await repository.bump(session, plan, version=None, now=now)
