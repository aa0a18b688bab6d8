"""Erasing the identity of young people whose case closed more than N years ago."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from network.audit.models import AuditEntry
from network.crypto import DataCipher, new_key
from network.database import create_engine, session_factory, unit_of_work
from network.enums import ReferralStatus, ServiceAxis, YouthStatus
from network.records.referrals import Referral
from network.records.youths import Youth
from network.retention import erase_expired_identities

# Counted from today: the demo network's own cases closed recently and must stay.
NOW = datetime.now(UTC).replace(microsecond=0)
LONG_AGO = NOW - timedelta(days=365 * 6)
RECENTLY = NOW - timedelta(days=365 * 2)
CIPHER = DataCipher(new_key())


def young_person(code: str, status: YouthStatus, updated_at: datetime) -> Youth:
    return Youth(
        code=code,
        first_name_enc=CIPHER.encrypt("Salma"),
        last_name_enc=CIPHER.encrypt("Idrissi"),
        birth_date_enc=CIPHER.encrypt("2004-02-03"),
        name_hash=CIPHER.lookup_hash("Salma", "Idrissi"),
        institution_id=1,
        status=status,
        created_at=LONG_AGO,
        updated_at=updated_at,
    )


def referral(youth: Youth, status: ReferralStatus, closed_at: datetime | None) -> Referral:
    return Referral(
        youth_id=youth.id,
        from_actor_id=1,
        to_actor_id=10,
        axis=ServiceAxis.EMPLOYMENT,
        status=status,
        closed_at=closed_at,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
    )


async def test_only_cases_closed_long_ago_lose_their_identity(db_url: str) -> None:
    # given young people in every situation
    engine = create_engine(db_url, null_pool=True)
    sessions = session_factory(engine)
    cases = {
        "autonomous-long-ago": young_person("R-1", YouthStatus.AUTONOMOUS, LONG_AGO),
        "lost-long-ago": young_person("R-2", YouthStatus.LOST_CONTACT, LONG_AGO),
        "autonomous-recently": young_person("R-3", YouthStatus.AUTONOMOUS, RECENTLY),
        "in-care-long-ago": young_person("R-4", YouthStatus.IN_CARE, LONG_AGO),
        "left-with-open-referral": young_person("R-5", YouthStatus.LEFT_CARE, LONG_AGO),
        "left-referral-closed-recently": young_person("R-6", YouthStatus.LEFT_CARE, LONG_AGO),
    }
    async with unit_of_work(sessions) as uow:
        uow.session.add_all(cases.values())
        await uow.session.flush()
        uow.session.add_all(
            [
                referral(cases["left-with-open-referral"], ReferralStatus.SENT, None),
                referral(
                    cases["left-referral-closed-recently"], ReferralStatus.COMPLETED, RECENTLY
                ),
            ]
        )

    # when the retention scan runs, twice
    async with unit_of_work(sessions) as uow:
        erased = await erase_expired_identities(uow.session, NOW, years=5)
    async with unit_of_work(sessions) as uow:
        again = await erase_expired_identities(uow.session, NOW, years=5)

    # then only the two cases closed more than five years ago lost their identity, once,
    # with an audit entry; the case code and status stay
    async with sessions() as session:
        rows = {y.code: y for y in await session.scalars(select(Youth))}
        entries = list(
            await session.scalars(
                select(AuditEntry).where(AuditEntry.operation == "eraseExpiredIdentities")
            )
        )
    await engine.dispose()
    assert sorted(erased) == sorted([cases["autonomous-long-ago"].id, cases["lost-long-ago"].id])
    assert again == []
    for code in ("R-1", "R-2"):
        youth = rows[code]
        assert (youth.first_name_enc, youth.last_name_enc, youth.birth_date_enc) == (None,) * 3
        assert youth.name_hash is None and youth.identity_erased_at == NOW
        assert youth.status in (YouthStatus.AUTONOMOUS, YouthStatus.LOST_CONTACT)
    for code in ("R-3", "R-4", "R-5", "R-6"):
        assert CIPHER.decrypt(rows[code].first_name_enc) == "Salma"
    assert len(entries) == 1 and len(entries[0].record_ids) == 2
