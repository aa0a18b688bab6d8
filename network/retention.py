"""Erasing the identity of young people whose case closed long ago (data retention).

A case is closed when the young person's status is AUTONOMOUS, LOST_CONTACT or
LEFT_CARE and no referral of theirs is open (DRAFT, SENT, ACCEPTED, IN_PROGRESS). It
closed at its last change: the later of the young person's ``updated_at`` and the
latest ``closed_at`` of their referrals. When that is more than ``years`` years before
``now`` (the setting ``JISR_RETENTION_YEARS``, 5 by default), the identity fields are erased: the
encrypted names and birth date, the name hash, the encrypted notes of needs and
milestones, the answers and notes of their assessments, and the texts of their
integration plans (goals, reasons, actions' notes, reviews, agreement evidence); and
``identity_erased_at`` records when. The pseudonymous case code and
the coordination facts (status, referrals, milestones' kinds and dates) stay, so the
network's figures do not change. Each erasure is written to the audit log.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.audit.service import record
from network.enums import OPEN_STATUSES, YouthStatus
from network.ids import to_global_id
from network.plans.erasure import erase_plans
from network.records.referrals import Referral
from network.records.youths import Milestone, Need, Youth
from network.viewer import Viewer

CLOSED_STATUSES = (YouthStatus.AUTONOMOUS, YouthStatus.LOST_CONTACT, YouthStatus.LEFT_CARE)
RETENTION = Viewer()


async def erase_expired_identities(
    session: AsyncSession, now: datetime, *, years: int
) -> list[int]:
    """Erase the identity of every case closed more than ``years`` years before ``now``;
    the ids of the young people erased. Idempotent: an erased identity is not touched."""
    cutoff = now - timedelta(days=365 * years + years // 4)
    last_referral_close = (
        select(func.max(Referral.closed_at)).where(Referral.youth_id == Youth.id).scalar_subquery()
    )
    open_referral = exists().where(
        Referral.youth_id == Youth.id, Referral.status.in_(sorted(OPEN_STATUSES))
    )
    expired = list(
        await session.scalars(
            select(Youth.id).where(
                Youth.identity_erased_at.is_(None),
                Youth.status.in_(CLOSED_STATUSES),
                ~open_referral,
                Youth.updated_at < cutoff,
                and_(
                    func.coalesce(last_referral_close, Youth.updated_at) < cutoff,
                ),
            )
        )
    )
    if not expired:
        return []
    await session.execute(
        update(Youth)
        .where(Youth.id.in_(expired))
        .values(
            first_name_enc=None,
            last_name_enc=None,
            birth_date_enc=None,
            name_hash=None,
            identity_erased_at=now,
            updated_at=Youth.updated_at,
        )
    )
    await session.execute(update(Need).where(Need.youth_id.in_(expired)).values(note_enc=None))
    await session.execute(
        update(Milestone).where(Milestone.youth_id.in_(expired)).values(note_enc=None)
    )
    await erase_plans(session, expired)
    await record(
        session,
        viewer=RETENTION,
        operation="eraseExpiredIdentities",
        record_ids=[to_global_id("Youth", youth_id) for youth_id in expired],
    )
    return expired
