"""``expire_overdue``: the reminder worker's last step for unanswered referrals."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from network import clock
from network.database import unit_of_work
from network.enums import ReferralEventKind, ReferralStatus
from network.ids import pk_of
from network.records.referrals import Referral, ReferralEvent
from network.referrals.service import expire_overdue
from tests.api import Api
from tests.schema.referrals.fixtures import created, done, network


async def test_unanswered_referrals_expire_two_periods_after_their_deadline(api: Api) -> None:
    # given a referral sent with five days to answer, and one already accepted
    world = await network(api)
    waiting = await created(api, world.mediator, world)
    answered = await done(
        api, "acceptReferral", world.receiver_staff, await created(api, world.mediator, world)
    )
    sent_at = clock.now()

    # when the worker scans just before and just after five plus ten days
    async with unit_of_work(api.state.sessions) as uow:
        early = await expire_overdue(uow.session, sent_at + timedelta(days=14))
    async with unit_of_work(api.state.sessions) as uow:
        late = await expire_overdue(uow.session, sent_at + timedelta(days=16))

    # then only the unanswered one expires, then, with an event by nobody
    ours = {pk_of(waiting["id"], "Referral"), pk_of(answered["id"], "Referral")}
    waiting_pk = pk_of(waiting["id"], "Referral")
    assert [row.id for row in early if row.id in ours] == []
    assert [row.id for row in late if row.id in ours] == [waiting_pk]
    async with api.state.sessions() as session:
        row = await session.get(Referral, waiting_pk)
        event = await session.scalar(
            select(ReferralEvent)
            .where(ReferralEvent.referral_id == waiting_pk)
            .order_by(ReferralEvent.id.desc())
        )
    assert row is not None and event is not None
    assert (row.status, row.version) == (ReferralStatus.EXPIRED, 2)
    assert row.closed_at == sent_at + timedelta(days=16)
    assert (event.kind, event.by_id, event.from_status) == (
        ReferralEventKind.EXPIRED,
        None,
        ReferralStatus.SENT,
    )
