"""Bad input to the referral mutations is answered with userErrors, never a 500."""

from __future__ import annotations

from datetime import timedelta

from network import clock
from network.enums import ActorKind, Role
from network.ids import to_global_id
from tests.api import Api
from tests.factories import person
from tests.schema.referrals.fixtures import (
    act,
    add_actor,
    add_youth,
    create,
    created,
    done,
    error_codes,
    network,
)

LONG = "x" * 100_000


async def test_ids_that_name_nothing_visible(api: Api) -> None:
    # given a network and a young person of another institution
    world = await network(api)
    elsewhere = await add_actor(
        api, "Dar Ailleurs", kind=ActorKind.CARE_INSTITUTION, territory="MA-KEN"
    )
    foreign = to_global_id("Youth", await add_youth(api, institution=elsewhere, mediator_id=None))

    # when the mediator refers unknown, foreign, mistyped and malformed ids
    answers = {
        "unknown youth": await create(
            api, world.mediator, world, youthId=to_global_id("Youth", 999_999)
        ),
        "foreign youth": await create(api, world.mediator, world, youthId=foreign),
        "mistyped youth": await create(api, world.mediator, world, youthId=world.service_id),
        "malformed youth": await create(api, world.mediator, world, youthId="not an id"),
        "unknown service": await create(
            api, world.mediator, world, serviceId=to_global_id("Service", 999_999)
        ),
        "unknown actor": await create(
            api,
            world.mediator,
            world,
            serviceId=None,
            toActorId=to_global_id("Actor", 999_999),
            axis="HEALTH",
        ),
    }

    # then each is a userError with the right code
    assert {name: error_codes(payload) for name, payload in answers.items()} == {
        "unknown youth": ["NOT_FOUND"],
        "foreign youth": ["NOT_FOUND"],
        "mistyped youth": ["INVALID_INPUT"],
        "malformed youth": ["INVALID_INPUT"],
        "unknown service": ["NOT_FOUND"],
        "unknown actor": ["NOT_FOUND"],
    }
    assert answers["unknown youth"]["userErrors"][0]["field"] == ["input", "youthId"]


async def test_a_referral_from_an_actor_to_itself(api: Api) -> None:
    world = await network(api)

    payload = await create(
        api,
        world.mediator,
        world,
        serviceId=None,
        toActorId=to_global_id("Actor", world.institution),
        axis="EMPLOYMENT",
    )

    assert error_codes(payload) == ["INVALID_INPUT"]
    assert payload["userErrors"][0]["field"] == ["input", "toActorId"]


async def test_texts_and_numbers_out_of_bounds(api: Api) -> None:
    # given a sent referral
    world = await network(api)
    referral = await created(api, world.mediator, world)
    past = (clock.now() - timedelta(hours=1)).isoformat()

    # when texts are too long, empty, or dates and counts out of range
    answers = {
        "long reason": await create(api, world.mediator, world, reason=LONG),
        "blank reason": await create(api, world.mediator, world, reason="   "),
        "no follow-up days": await create(api, world.mediator, world, followUpInDays=0),
        "axis and service disagree": await create(api, world.mediator, world, axis="HEALTH"),
        "neither service nor actor": await create(api, world.mediator, world, serviceId=None),
        "long note": await act(
            api, "addReferralNote", world.mediator, id=referral["id"], note=LONG
        ),
        "long answer note": await act(
            api, "acceptReferral", world.receiver_staff, id=referral["id"], version=1, note=LONG
        ),
        "blank cancel note": await act(
            api, "cancelReferral", world.mediator, id=referral["id"], version=1, note=" "
        ),
        "follow-up in the past": await act(
            api, "scheduleFollowUp", world.mediator, id=referral["id"], at=past
        ),
    }

    # then every one is INVALID_INPUT, and nothing changed
    assert {name: error_codes(p) for name, p in answers.items()} == {
        name: ["INVALID_INPUT"] for name in answers
    }
    assert (await done(api, "acceptReferral", world.receiver_staff, referral))["version"] == 2


async def test_consent_is_required_to_send_not_to_draft(api: Api) -> None:
    # given a young person without any consent
    world = await network(api, consent=False)

    # when the mediator sends a referral, and keeps another as a DRAFT then sends it
    sent = await create(api, world.mediator, world)
    draft = await created(api, world.mediator, world, send=False)
    sending = await act(api, "sendReferral", world.mediator, id=draft["id"], version=1)

    # then sending is refused both times, and the DRAFT stays
    assert error_codes(sent) == ["CONSENT_REQUIRED"]
    assert error_codes(sending) == ["CONSENT_REQUIRED"]
    assert draft["status"] == "DRAFT"


async def test_receivers_that_take_no_referrals(api: Api) -> None:
    world = await network(api)
    closed = await add_actor(
        api, "Fermé", kind=ActorKind.ASSOCIATION, territory="MA-RAB", accepts_referrals=False
    )
    abroad = await add_actor(
        api, "Partner abroad", kind=ActorKind.INTERNATIONAL_PARTNER, territory="MA-RAB"
    )

    answers = [
        await create(
            api,
            world.mediator,
            world,
            serviceId=None,
            toActorId=to_global_id("Actor", actor),
            axis="HEALTH",
        )
        for actor in (closed, abroad)
    ]

    assert [error_codes(payload) for payload in answers] == [["NOT_ACCEPTING_REFERRALS"]] * 2


async def test_stale_version_unknown_referral_and_rights(api: Api) -> None:
    # given a sent referral, a coordinator of the receiver's region and an outsider
    world = await network(api)
    referral = await created(api, world.mediator, world)
    coordinator = await person(api, Role.COORDINATOR, territory="MA-04")

    # when they answer it
    stale = await act(api, "acceptReferral", world.receiver_staff, id=referral["id"], version=7)
    outsider = await act(api, "acceptReferral", world.outsider_staff, id=referral["id"], version=1)
    seen_only = await act(api, "acceptReferral", coordinator, id=referral["id"], version=1)
    note = await act(api, "addReferralNote", coordinator, id=referral["id"], note="Vu")
    unknown = await act(
        api, "acceptReferral", world.receiver_staff, id=to_global_id("Referral", 999_999), version=1
    )

    # then each gets its own code
    assert error_codes(stale) == ["STALE_VERSION"]
    assert error_codes(outsider) == ["NOT_FOUND"]
    assert error_codes(seen_only) == ["PERMISSION_DENIED"]
    assert error_codes(note) == ["PERMISSION_DENIED"]
    assert error_codes(unknown) == ["NOT_FOUND"]
