"""Every path through the referral lifecycle, through the HTTP API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from network import clock
from network.ids import to_global_id
from tests.api import Api
from tests.factories import Person
from tests.schema.referrals.fixtures import (
    act,
    created,
    done,
    error_codes,
    future,
    network,
    redirected,
)

EVENTS = """
query($id: ID!) { node(id: $id) { ... on Referral {
  status version
  events { totalCount nodes { kind fromStatus toStatus note by { id } } }
} } }
"""


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_sent_accepted_started_completed(api: Api) -> None:
    # given a referral sent by the young person's mediator to a service
    world = await network(api)
    referral = await created(api, world.mediator, world)
    assert referral["status"] == "SENT" and referral["version"] == 1
    assert _at(referral["respondBy"]) - _at(referral["sentAt"]) == timedelta(days=5)
    assert referral["reason"] == "Recherche d'une formation qualifiante"

    # when the receiving staff accept, start and complete it
    staff = world.receiver_staff
    accepted = await done(api, "acceptReferral", staff, referral, note="Reçu")
    started = await done(api, "startReferral", staff, accepted)
    completed = await done(api, "completeReferral", staff, started, outcome="SERVED")

    # then each step bumped the version and stamped its time, and every change is an event
    assert [accepted["status"], started["status"], completed["status"]] == [
        "ACCEPTED",
        "IN_PROGRESS",
        "COMPLETED",
    ]
    assert [accepted["version"], started["version"], completed["version"]] == [2, 3, 4]
    assert accepted["respondedAt"] is not None
    assert completed["respondedAt"] == accepted["respondedAt"]
    assert completed["completedAt"] is not None and completed["outcome"] == "SERVED"
    history = (await api.data(EVENTS, {"id": referral["id"]}, world.mediator.token))["node"]
    assert [(e["kind"], e["fromStatus"], e["toStatus"]) for e in history["events"]["nodes"]] == [
        ("CREATED", None, "SENT"),
        ("ACCEPTED", "SENT", "ACCEPTED"),
        ("STARTED", "ACCEPTED", "IN_PROGRESS"),
        ("COMPLETED", "IN_PROGRESS", "COMPLETED"),
    ]
    assert history["events"]["nodes"][1]["note"] == "Reçu"
    assert history["events"]["nodes"][1]["by"]["id"] == staff.global_id


async def test_draft_sent_then_declined(api: Api) -> None:
    # given a DRAFT, invisible to the receiver
    world = await network(api)
    draft = await created(api, world.mediator, world, send=False)
    assert draft["status"] == "DRAFT" and draft["sentAt"] is None and draft["respondBy"] is None
    unseen = await api.data(EVENTS, {"id": draft["id"]}, world.receiver_staff.token)
    assert unseen["node"] is None

    # when the mediator sends it and the receiver declines it
    sent = await done(api, "sendReferral", world.mediator, draft)
    declined = await done(
        api, "declineReferral", world.receiver_staff, sent, reason="NO_CAPACITY", note="Complet"
    )

    # then it is closed with the reason given
    assert sent["status"] == "SENT" and sent["respondBy"] is not None
    assert declined["status"] == "DECLINED" and declined["declineReason"] == "NO_CAPACITY"
    assert declined["version"] == 3


async def test_accepted_then_declined(api: Api) -> None:
    world = await network(api)
    referral = await created(api, world.mediator, world)
    accepted = await done(api, "acceptReferral", world.receiver_staff, referral)

    declined = await done(
        api, "declineReferral", world.receiver_staff, accepted, reason="NOT_ELIGIBLE"
    )

    assert declined["status"] == "DECLINED"


async def test_redirect_creates_a_linked_sent_referral(api: Api) -> None:
    # given a referral accepted by the receiver
    world = await network(api)
    referral = await created(api, world.mediator, world, priority="URGENT")
    accepted = await done(api, "acceptReferral", world.receiver_staff, referral)

    # when the receiver redirects it to another actor's service
    onward_service = to_global_id("Service", world.second_service)
    redirect = await redirected(api, world, accepted, serviceId=onward_service, note="Mieux placé")

    # then it ends as REDIRECTED, linked to a new SENT referral from the same sender,
    # which the first receiver does not see
    assert redirect["status"] == "REDIRECTED"
    assert redirect["redirectedTo"] is None
    seen_by_sender = await api.data(LINKS, {"id": referral["id"]}, world.mediator.token)
    onward_id = seen_by_sender["node"]["redirectedTo"]["id"]
    assert seen_by_sender["node"]["redirectedTo"]["status"] == "SENT"
    onward = (await api.data(ONWARD, {"id": onward_id}, world.mediator.token))["node"]
    assert onward["redirectedFrom"]["id"] == referral["id"]
    assert onward["fromActor"]["id"] == to_global_id("Actor", world.institution)
    assert onward["toActor"]["id"] == to_global_id("Actor", world.second)
    assert onward["priority"] == "URGENT" and onward["version"] == 1
    assert onward["reason"] == referral["reason"]

    # and the new receiver answers it
    answered = await done(api, "acceptReferral", world.second_staff, onward)
    assert answered["status"] == "ACCEPTED"


LINKS = """
query($id: ID!) { node(id: $id) { ... on Referral { redirectedTo { id status } } } }
"""

ONWARD = """
query($id: ID!) { node(id: $id) { ... on Referral {
  id version status priority reason redirectedFrom { id } fromActor { id } toActor { id }
} } }
"""


async def test_sent_redirected_to_an_actor_on_the_same_axis(api: Api) -> None:
    world = await network(api)
    referral = await created(api, world.mediator, world)

    redirect = await redirected(api, world, referral, toActorId=to_global_id("Actor", world.second))

    assert redirect["status"] == "REDIRECTED"
    links = await api.data(LINKS, {"id": referral["id"]}, world.mediator.token)
    onward = await api.data(
        ONWARD, {"id": links["node"]["redirectedTo"]["id"]}, world.mediator.token
    )
    assert onward["node"]["toActor"]["id"] == to_global_id("Actor", world.second)
    assert onward["node"]["status"] == "SENT"


async def test_cancel_from_every_open_state(api: Api) -> None:
    world = await network(api)
    staff = world.receiver_staff
    draft = await created(api, world.mediator, world, send=False)
    sent = await created(api, world.mediator, world)
    accepted = await done(api, "acceptReferral", staff, await created(api, world.mediator, world))
    started = await done(
        api,
        "startReferral",
        staff,
        await done(api, "acceptReferral", staff, await created(api, world.mediator, world)),
    )

    for referral in (draft, sent, accepted, started):
        cancelled = await done(api, "cancelReferral", world.mediator, referral, note="Plus utile")
        assert cancelled["status"] == "CANCELLED"


async def test_notes_and_follow_ups_do_not_move_the_version(api: Api) -> None:
    # given an accepted referral
    world = await network(api)
    referral = await done(
        api, "acceptReferral", world.receiver_staff, await created(api, world.mediator, world)
    )

    # when both sides add notes and the mediator schedules a follow-up
    at = future(7)
    for who in (world.mediator, world.receiver_staff):
        payload = await act(api, "addReferralNote", who, id=referral["id"], note="Point d'étape")
        assert payload["userErrors"] == []
    payload = await act(api, "scheduleFollowUp", world.mediator, id=referral["id"], at=at)

    # then the follow-up is set and the version is unchanged; the notes are events
    assert payload["userErrors"] == []
    assert _at(payload["referral"]["nextFollowUpAt"]) == _at(at)
    assert payload["referral"]["version"] == referral["version"]
    history = (await api.data(EVENTS, {"id": referral["id"]}, world.mediator.token))["node"]
    kinds = [event["kind"] for event in history["events"]["nodes"]]
    assert kinds == ["CREATED", "ACCEPTED", "NOTE", "NOTE", "FOLLOW_UP_SCHEDULED"]
    assert await _paged_kinds(api, world.mediator, referral["id"]) == [
        ["CREATED", "ACCEPTED"],
        ["NOTE", "NOTE"],
        ["FOLLOW_UP_SCHEDULED"],
    ]


EVENT_PAGE = """
query($id: ID!, $after: String) { node(id: $id) { ... on Referral {
  events(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { kind } }
} } }
"""


async def _paged_kinds(api: Api, who: Person, referral_id: str) -> list[list[str]]:
    pages, after = [], None
    while True:
        data = await api.data(EVENT_PAGE, {"id": referral_id, "after": after}, who.token)
        events = data["node"]["events"]
        pages.append([event["kind"] for event in events["nodes"]])
        if not events["pageInfo"]["hasNextPage"]:
            return pages
        after = events["pageInfo"]["endCursor"]


async def test_a_follow_up_time_without_offset_is_utc(api: Api) -> None:
    world = await network(api)
    referral = await created(api, world.mediator, world)
    naive = (clock.now() + timedelta(days=2)).replace(tzinfo=None, microsecond=0)

    payload = await act(
        api, "scheduleFollowUp", world.mediator, id=referral["id"], at=naive.isoformat()
    )

    assert payload["userErrors"] == []
    assert _at(payload["referral"]["nextFollowUpAt"]) == naive.replace(tzinfo=UTC)


async def test_follow_up_in_days_sets_the_first_follow_up(api: Api) -> None:
    world = await network(api)

    referral = await created(api, world.mediator, world, followUpInDays=14)

    assert _at(referral["nextFollowUpAt"]) - _at(referral["sentAt"]) == timedelta(days=14)


async def test_wrong_side_is_an_invalid_transition(api: Api) -> None:
    # given a sent referral
    world = await network(api)
    referral = await created(api, world.mediator, world)

    # when the mediator tries to accept it, and the receiver to cancel it
    accepted = await act(
        api, "acceptReferral", world.mediator, id=referral["id"], version=referral["version"]
    )
    cancelled = await act(
        api, "cancelReferral", world.receiver_staff, id=referral["id"], version=1, note="Non"
    )

    # then both are refused as the wrong side
    assert error_codes(accepted) == ["INVALID_TRANSITION"]
    assert error_codes(cancelled) == ["INVALID_TRANSITION"]
