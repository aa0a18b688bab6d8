"""Rule 2: every status change is told to the other side in its own transaction, and
each actor's webhooks receive the events of its referrals."""

from __future__ import annotations

from sqlalchemy import select

from network import clock
from network.database import unit_of_work
from network.ids import pk_of, to_global_id
from network.notifications.models import Webhook
from network.records.referrals import Referral
from tests.api import Api
from tests.network.reminders.scene import merged, messages, queued, webhook_calls
from tests.schema.referrals.fixtures import created, done, network, redirected

RECEIVED, CHANGED = "referral_received", "referral_status_message"


async def add_webhook(api: Api, actor_id: int, events: list[str] | None = None) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        row = Webhook(
            actor_id=actor_id,
            url="https://partner.example.ma/jisr",
            secret_enc="not read here",
            events=events or [],
        )
        uow.session.add(row)
        await uow.session.flush()
        return row.id


async def test_the_receiver_hears_of_a_referral_and_the_mediator_of_its_answers(
    api: Api,
) -> None:
    # given a referral network where both actors registered a webhook
    world = await network(api)
    sender_hook = await add_webhook(api, world.institution)
    receiver_hook = await add_webhook(api, world.receiver, events=["SENT", "ACCEPTED"])

    # when the mediator sends a referral and the receiver accepts, starts and completes it
    referral = await created(api, world.mediator, world)
    referral = await done(api, "acceptReferral", world.receiver_staff, referral)
    referral = await done(api, "startReferral", world.receiver_staff, referral)
    await done(api, "completeReferral", world.receiver_staff, referral, outcome="SERVED")

    # then the receiving staff heard of it once, the mediator of each of the three steps
    today = clock.today()
    pk = pk_of(referral["id"], "Referral")
    assert await queued(api, referral_id=pk) == merged(
        messages(RECEIVED, "REFERRAL_RECEIVED", [world.receiver_staff.id], today)
        + 3 * messages(CHANGED, "REFERRAL_STATUS_CHANGED", [world.mediator.id], today)
    )
    # and the sender's webhook got every event, the receiver's the ones it chose
    assert await webhook_calls(api, pk) == [
        (sender_hook, "CREATED"),
        (receiver_hook, "SENT"),
        (sender_hook, "ACCEPTED"),
        (receiver_hook, "ACCEPTED"),
        (sender_hook, "STARTED"),
        (sender_hook, "COMPLETED"),
    ]


async def test_the_receiver_hears_of_a_cancel_but_never_of_a_draft(api: Api) -> None:
    # given a sent referral and a draft, and a webhook of the receiver
    world = await network(api)
    hook = await add_webhook(api, world.receiver)
    sent = await created(api, world.mediator, world)
    draft = await created(api, world.mediator, world, send=False)

    # when the mediator cancels both
    for referral in (sent, draft):
        await done(api, "cancelReferral", world.mediator, referral, note="Plus nécessaire")

    # then the receiving staff heard of the sent one and of its cancel; of the draft, nothing
    today = clock.today()
    staff = [world.receiver_staff.id]
    assert await queued(api, referral_id=pk_of(sent["id"], "Referral")) == merged(
        messages(RECEIVED, "REFERRAL_RECEIVED", staff, today)
        + messages(CHANGED, "REFERRAL_STATUS_CHANGED", staff, today)
    )
    assert await queued(api, referral_id=pk_of(draft["id"], "Referral")) == []
    assert await webhook_calls(api, pk_of(sent["id"], "Referral")) == [
        (hook, "SENT"),
        (hook, "CANCELLED"),
    ]
    assert await webhook_calls(api, pk_of(draft["id"], "Referral")) == []


async def test_a_redirect_tells_the_mediator_and_the_new_receiver(api: Api) -> None:
    # given a sent referral
    world = await network(api)
    referral = await created(api, world.mediator, world)

    # when the receiver redirects it to the second actor's service
    await redirected(api, world, referral, serviceId=to_global_id("Service", world.second_service))

    # then the mediator hears of the redirect and the second actor's staff of the new one
    today = clock.today()
    pk = pk_of(referral["id"], "Referral")
    async with api.state.sessions() as session:
        onward = await session.scalar(select(Referral.redirected_to_id).where(Referral.id == pk))
    assert await queued(api, referral_id=pk) == merged(
        messages(RECEIVED, "REFERRAL_RECEIVED", [world.receiver_staff.id], today)
        + messages(CHANGED, "REFERRAL_STATUS_CHANGED", [world.mediator.id], today)
    )
    assert await queued(api, referral_id=onward) == messages(
        RECEIVED, "REFERRAL_RECEIVED", [world.second_staff.id], today
    )
