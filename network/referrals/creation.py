"""Creating a referral: SENT (consent checked) or DRAFT, from the caller's actor or
another they act for, idempotent per user and key even under concurrent retries (the
unique (creator, key) constraint decides, never a read-then-write race)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.access import may_refer_from
from network.actors import repository as actors
from network.crypto import DataCipher
from network.enums import Priority, ReferralEventKind, ReferralStatus, ServiceAxis
from network.errors import Duplicate, InvalidInput, NotFound, PermissionDenied
from network.records.referrals import Referral
from network.records.youths import Youth
from network.referrals import repository, rules, steps
from network.referrals.targets import check_receives, chosen_target
from network.validation import check_range
from network.viewer import Viewer


@dataclass(frozen=True)
class NewReferral:
    """A createReferral request; fields keep the caller's values, defaults unapplied."""

    youth_id: int
    reason: str
    from_actor_id: int | None = None
    service_id: int | None = None
    to_actor_id: int | None = None
    axis: ServiceAxis | None = None
    priority: Priority | None = None
    follow_up_in_days: int | None = None
    send: bool = True
    idempotency_key: str | None = None

    def fingerprint(self) -> str:
        request = asdict(self)
        request.pop("idempotency_key")
        return rules.fingerprint(request)


async def create_referral(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    request: NewReferral,
    default_response_days: int,
    now: datetime | None = None,
) -> Referral:
    """A new referral, SENT (consent checked) or DRAFT. With an idempotency key, a
    repeat of the same request returns the first referral; another request, DUPLICATE."""
    now = now or clock.now()
    user_id = _user_id(viewer)
    reason = steps.required_text(request.reason, field="reason", max_length=rules.MAX_REASON)
    key = _idempotency_key(request.idempotency_key)
    if request.follow_up_in_days is not None:
        check_range(
            request.follow_up_in_days,
            field=["followUpInDays"],
            low=1,
            high=rules.MAX_FOLLOW_UP_DAYS,
        )
    if key is not None:
        first = await repository.find_by_key(session, user_id=user_id, key=key)
        if first is not None:
            return _same_request(first, request)
    youth = await _visible_youth(session, viewer, request.youth_id, now)
    from_actor_id = await _sending_actor(session, viewer, request.from_actor_id, youth)
    target = await chosen_target(
        session,
        viewer=viewer,
        service_id=request.service_id,
        to_actor_id=request.to_actor_id,
        axis=request.axis,
    )
    steps.not_to_itself(from_actor_id, target)
    check_receives(target)
    status = ReferralStatus.SENT if request.send else ReferralStatus.DRAFT
    values: dict[str, Any] = {
        "youth_id": youth.id,
        "from_actor_id": from_actor_id,
        "reason_enc": cipher.encrypt(reason),
        "priority": request.priority or Priority.NORMAL,
        "created_by_id": user_id,
        "idempotency_key": key,
        "request_fingerprint": request.fingerprint() if key is not None else None,
    }
    if request.follow_up_in_days is not None:
        values["next_follow_up_at"] = now + timedelta(days=request.follow_up_in_days)
    referral_id = await steps.insert(
        session, values, target=target, status=status, now=now, days=default_response_days
    )
    if referral_id is None:
        first = await repository.find_by_key(session, user_id=user_id, key=key or "")
        assert first is not None, "the key was taken by a committed referral"
        return _same_request(first, request)
    referral = await repository.get(session, referral_id)
    assert referral is not None
    await steps.record(
        session, referral, ReferralEventKind.CREATED, viewer, None, status, None, now
    )
    return referral


async def _visible_youth(
    session: AsyncSession, viewer: Viewer, youth_id: int, now: datetime
) -> Youth:
    youth = await repository.visible_youth(session, youth_id, viewer=viewer, now=now)
    if youth is None:
        raise NotFound("no such young person", field=["youthId"])
    return youth


async def _sending_actor(
    session: AsyncSession, viewer: Viewer, from_actor_id: int | None, youth: Youth
) -> int:
    """The sending actor: as given, else the caller's; the caller must act for it."""
    actor_id = from_actor_id if from_actor_id is not None else viewer.actor_id
    if actor_id is None:
        raise InvalidInput("required for a caller without an actor", field=["fromActorId"])
    if not (await actors.get_visible(session, [actor_id], viewer)):
        raise NotFound("no such actor", field=["fromActorId"])
    if not may_refer_from(viewer, from_actor_id=actor_id):
        raise PermissionDenied("you may refer from your own actor only", field=["fromActorId"])
    return actor_id


def _same_request(first: Referral, request: NewReferral) -> Referral:
    if first.request_fingerprint != request.fingerprint():
        raise Duplicate(
            "this idempotency key was used for another request", field=["idempotencyKey"]
        )
    return first


def _user_id(viewer: Viewer) -> int:
    if viewer.user_id is None:
        raise PermissionDenied("sign in first")
    return viewer.user_id


def _idempotency_key(key: str | None) -> str | None:
    if key is None:
        return None
    if not 1 <= len(key) <= rules.MAX_IDEMPOTENCY_KEY:
        raise InvalidInput(
            f"between 1 and {rules.MAX_IDEMPOTENCY_KEY} characters", field=["idempotencyKey"]
        )
    return key
