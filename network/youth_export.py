"""Everything held about one young person, for their right of access (law 09-08)."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.consents import repository as consents
from network.crypto import DataCipher
from network.plans import repository as plans
from network.plans.models import Assessment, Plan
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Youth
from network.viewer import Viewer
from network.youths import repository
from network.youths.identity import identity_of
from network.youths.service import managed_youth

_SKIPPED = frozenset(
    {"first_name_enc", "last_name_enc", "birth_date_enc", "name_hash", "request_fingerprint"}
)


def _plain(row: Any, cipher: DataCipher, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A row's columns, identity fields decrypted under their plain names."""
    found: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(row, column.key)
        if column.key.endswith("_enc"):
            found[column.key.removesuffix("_enc")] = cipher.decrypt(value)
        else:
            found[column.key] = value
    return found


async def export_youth_data(
    session: AsyncSession, *, viewer: Viewer, cipher: DataCipher, youth_id: int
) -> str:
    """A JSON document: identity, needs, milestones, consents, referrals with events,
    assessments with their answers and axes, integration plans with goals, actions and
    reviews."""
    youth: Youth = await managed_youth(session, viewer=viewer, youth_id=youth_id)
    identity = identity_of(youth, cipher)
    held = await consents.of_youths(session, [youth.id])
    named = await consents.named_actors(session, [row.id for row in held])
    referrals = list(
        (
            await session.scalars(
                select(Referral).where(Referral.youth_id == youth.id).order_by(Referral.id)
            )
        ).all()
    )
    events = list(
        (
            await session.scalars(
                select(ReferralEvent)
                .where(ReferralEvent.referral_id.in_([r.id for r in referrals]))
                .order_by(ReferralEvent.id)
            )
        ).all()
    )
    document = {
        "youth": _plain(youth, cipher, skip=_SKIPPED)
        | {
            "first_name": identity.first_name,
            "last_name": identity.last_name,
            "birth_date": identity.birth_date,
        },
        "needs": [_plain(row, cipher) for row in await repository.needs_of(session, [youth.id])],
        "milestones": [
            _plain(row, cipher) for row in await repository.milestones_of(session, [youth.id])
        ],
        "consents": [_plain(row, cipher) | {"actor_ids": named[row.id]} for row in held],
        "assessments": await _assessments(session, cipher, youth.id),
        "plans": await _plans(session, cipher, youth.id),
        "referrals": [
            _plain(row, cipher, skip=frozenset({"request_fingerprint"}))
            | {"events": [_plain(e, cipher) for e in events if e.referral_id == row.id]}
            for row in referrals
        ],
    }
    return orjson.dumps(document, default=str).decode()


async def _assessments(session: AsyncSession, cipher: DataCipher, youth_id: int) -> list[Any]:
    rows = list(
        await session.scalars(
            select(Assessment).where(Assessment.youth_id == youth_id).order_by(Assessment.number)
        )
    )
    ids = [row.id for row in rows]
    answers, axes = await plans.answers_of(session, ids), await plans.axes_of(session, ids)
    skip = frozenset({"request_fingerprint"})
    return [
        _plain(row, cipher, skip=skip)
        | {
            "answers": [_plain(a, cipher) for a in answers if a.assessment_id == row.id],
            "axes": [_plain(a, cipher) for a in axes if a.assessment_id == row.id],
        }
        for row in rows
    ]


async def _plans(session: AsyncSession, cipher: DataCipher, youth_id: int) -> list[Any]:
    rows = list(
        await session.scalars(select(Plan).where(Plan.youth_id == youth_id).order_by(Plan.id))
    )
    ids = [row.id for row in rows]
    goals, actions = await plans.goals_of(session, ids), await plans.actions_of(session, ids)
    reviews = await plans.reviews_of(session, ids)
    return [
        _plain(row, cipher, skip=frozenset({"request_fingerprint"}))
        | {
            "goals": [_plain(g, cipher) for g in goals if g.plan_id == row.id],
            "actions": [_plain(a, cipher) for a in actions if a.plan_id == row.id],
            "reviews": [_plain(r, cipher) for r in reviews if r.plan_id == row.id],
        }
        for row in rows
    ]
