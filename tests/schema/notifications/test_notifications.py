"""``notifications``, ``node`` and ``markNotificationsRead``: a user's own only."""

from __future__ import annotations

from typing import Any

from network import clock
from network.enums import ActorKind
from network.ids import to_global_id
from tests.api import Api
from tests.network.reminders.scene import (
    insert_referral,
    insert_youth,
    mediated,
    referral_from_mediator,
)
from tests.schema.notifications.inbox import deliver
from tests.schema.referrals.fixtures import Network, add_actor, network

COUNT_ALONE = "query { notifications(unreadOnly: true, first: 1) { totalCount } }"
COUNT_AND_PAGE = "query { notifications(unreadOnly: true, first: 1) { totalCount nodes { id } } }"
NOTIFICATIONS = """
query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { id kind title body readAt referral { id status } youth { id code } }
  }
}
"""
NODE = "query($id: ID!) { node(id: $id) { id ... on Notification { title } } }"
MARK_READ = """
mutation($ids: [ID!], $all: Boolean) {
  markNotificationsRead(ids: $ids, all: $all) {
    notifications { id title readAt }
    userErrors { field code }
  }
}
"""


async def unseen_referral(api: Api, world: Network) -> int:
    """A referral between two other actors, of a young person the mediator doesn't follow."""
    other = await add_actor(api, "Dar Autre", kind=ActorKind.CARE_INSTITUTION, territory="MA-KEN")
    youth = await insert_youth(api, institution=other, mediator_id=None)
    return await insert_referral(
        api, youth=youth, from_actor=other, to_actor=world.second, created_by=world.second_staff.id
    )


async def titles(api: Api, token: str, **variables: Any) -> list[str]:
    data = await api.data(NOTIFICATIONS, variables, token)
    return [node["title"] for node in data["notifications"]["nodes"]]


async def test_callers_read_their_own_notifications_with_what_they_may_still_see(
    api: Api,
) -> None:
    # given the mediator's notifications about their referral, their young person, a
    # referral they do not see, and one already read; and the receiver's own
    world, seen = await mediated(api)
    await deliver(api, world.mediator.id, "referral", referral_id=seen)
    await deliver(api, world.mediator.id, "youth", youth_id=world.youth)
    await deliver(api, world.mediator.id, "hidden", referral_id=await unseen_referral(api, world))
    await deliver(api, world.mediator.id, "read", read_at=clock.now())
    await deliver(api, world.receiver_staff.id, "not theirs")

    # when the mediator reads them all, then a page of two, then the unread ones
    data = await api.data(NOTIFICATIONS, {}, world.mediator.token)
    page = await api.data(NOTIFICATIONS, {"first": 2}, world.mediator.token)
    cursor = page["notifications"]["pageInfo"]["endCursor"]
    rest = await titles(api, world.mediator.token, first=2, after=cursor)
    unread = await titles(api, world.mediator.token, unreadOnly=True)

    # then they get their own in delivery order, with links only to what they may see
    nodes = data["notifications"]["nodes"]
    assert [n["title"] for n in nodes] == ["referral", "youth", "hidden", "read"]
    assert data["notifications"]["totalCount"] == 4
    assert nodes[0]["referral"] == {"id": to_global_id("Referral", seen), "status": "SENT"}
    assert nodes[1]["youth"]["id"] == world.youth_id
    assert (nodes[2]["referral"], nodes[2]["youth"]) == (None, None)
    assert nodes[3]["readAt"] is not None and nodes[0]["readAt"] is None
    assert page["notifications"]["pageInfo"]["hasNextPage"] is True
    assert rest == ["hidden", "read"]
    assert unread == ["referral", "youth", "hidden"]


async def test_anonymous_callers_have_no_notifications(api: Api) -> None:
    answer = await api.gql(NOTIFICATIONS, {})
    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_notification_is_a_node_for_its_recipient_only(api: Api) -> None:
    # given a notification of the mediator
    world = await network(api)
    pk = await deliver(api, world.mediator.id, "theirs")
    given = {"id": to_global_id("Notification", pk)}

    # when its recipient and somebody else ask for the node
    own = await api.data(NODE, given, world.mediator.token)
    other = await api.data(NODE, given, world.receiver_staff.token)

    # then only the recipient gets it
    assert own["node"]["title"] == "theirs"
    assert other["node"] is None


async def test_callers_mark_their_own_notifications_read(api: Api) -> None:
    # given three unread notifications of the mediator and one of the receiver
    world = await network(api)
    first, second, _ = [await deliver(api, world.mediator.id, t) for t in "abc"]
    theirs = await deliver(api, world.receiver_staff.id, "d")
    token = world.mediator.token

    # when the mediator marks one read, tries one of the receiver's, then marks all
    one = await api.data(MARK_READ, {"ids": [to_global_id("Notification", first)]}, token)
    refused = await api.data(
        MARK_READ,
        {"ids": [to_global_id("Notification", second), to_global_id("Notification", theirs)]},
        token,
    )
    after_refusal = await titles(api, token, unreadOnly=True)
    rest = await api.data(MARK_READ, {"all": True}, token)
    neither = await api.data(MARK_READ, {}, token)

    # then each call marks the caller's own, and another's id changes nothing
    assert [
        (n["title"], bool(n["readAt"])) for n in one["markNotificationsRead"]["notifications"]
    ] == [("a", True)]
    assert refused["markNotificationsRead"] == {
        "notifications": [],
        "userErrors": [{"field": ["ids"], "code": "NOT_FOUND"}],
    }
    assert after_refusal == ["b", "c"]
    assert [n["title"] for n in rest["markNotificationsRead"]["notifications"]] == ["b", "c"]
    assert await titles(api, token, unreadOnly=True) == []
    assert await titles(api, world.receiver_staff.token, unreadOnly=True) == ["d"]
    assert neither["markNotificationsRead"]["userErrors"][0]["code"] == "INVALID_INPUT"


async def test_the_statement_count_does_not_grow_with_the_page(api: Api) -> None:
    # given thirteen notifications of the mediator, each about a referral
    world = await network(api)
    for n in range(13):
        referral = await referral_from_mediator(api, world)
        await deliver(api, world.mediator.id, f"n{n}", referral_id=referral, youth_id=world.youth)

    # when pages of two, of twelve and of all thirteen are read
    counts, totals = [], []
    for first in (2, 12, 13):
        with api.count_statements() as statements:
            data = await api.data(NOTIFICATIONS, {"first": first}, world.mediator.token)
        assert len(data["notifications"]["nodes"]) == first
        counts.append(len(statements))
        totals.append(data["notifications"]["totalCount"])

    # then pages with more after them run the same number of statements, and the page
    # holding them all tells their total without counting them again
    assert counts[0] == counts[1]
    assert counts[2] == counts[1] - 1
    assert totals == [13, 13, 13]


async def test_a_count_asked_alone_reads_no_page(api: Api) -> None:
    # given three notifications of the mediator
    world = await network(api)
    for n in range(3):
        referral = await referral_from_mediator(api, world)
        await deliver(api, world.mediator.id, f"n{n}", referral_id=referral, youth_id=world.youth)

    # when their count is asked alone (as the console's badge does), and with a first page
    asked = {}
    for name, query in [("alone", COUNT_ALONE), ("with a page", COUNT_AND_PAGE)]:
        with api.count_statements() as statements:
            data = await api.data(query, {}, world.mediator.token)
        asked[name] = (data["notifications"]["totalCount"], len(statements))

    # then both tell three, the count alone with one statement fewer: no page is read
    assert asked["with a page"][0] == 3
    assert asked["alone"] == (3, asked["with a page"][1] - 1)
