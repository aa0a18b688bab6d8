"""The demo referrals: every status, as the lifecycle would have left them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from network import clock
from network.crypto import DataCipher
from network.database import unit_of_work
from network.enums import OPEN_STATUSES, ReferralStatus
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Youth
from network.referrals.rules import is_overdue
from network.seed.demo_actors import ACTORS
from network.seed.demo_referrals import seed_demo_referrals
from tests.api import running_api


async def test_demo_referrals_cover_every_status(db_url: str, tmp_path: Path) -> None:
    # given the demo network and its young people
    async with running_api(db_url, tmp_path / "var") as api:
        sessions = api.state.sessions
        cipher = DataCipher(api.state.settings.data_key)
        async with sessions() as session:
            youth_ids = dict((await session.execute(select(Youth.code, Youth.id))).all())
            before = int(await session.scalar(select(func.max(Referral.id))) or 0)

        # when the demo referrals are seeded
        async with unit_of_work(sessions) as uow:
            added = await seed_demo_referrals(
                uow.session,
                cipher,
                actor_ids={actor.key: index + 1 for index, actor in enumerate(ACTORS)},
                youth_ids=youth_ids,
                today=clock.today(),
            )

        # then they hold every status, with events replaying each change
        async with sessions() as session:
            rows = list(await session.scalars(select(Referral).where(Referral.id > before)))
            events = Counter(
                (await session.scalars(
                    select(ReferralEvent.referral_id).where(ReferralEvent.referral_id > before)
                )).all()
            )  # fmt: skip
    assert len(rows) == added
    assert {row.status for row in rows} == set(ReferralStatus)
    now = clock.now()
    assert any(is_overdue(row, now) for row in rows)
    for row in rows:
        status_changes = row.version - 1
        assert events[row.id] == 1 + status_changes, row.id
        assert (row.closed_at is None) == (row.status in OPEN_STATUSES)
        assert (row.sent_at is None) == (row.status == ReferralStatus.DRAFT)
        assert cipher.decrypt(row.reason_enc)
    redirected = next(row for row in rows if row.status == ReferralStatus.REDIRECTED)
    onward = next(row for row in rows if row.id == redirected.redirected_to_id)
    assert onward.redirected_from_id == redirected.id
    assert onward.from_actor_id == redirected.from_actor_id
