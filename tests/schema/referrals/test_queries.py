"""The ``referrals`` query: every filter, visibility pushed into SQL, nested pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from network import clock
from network.database import unit_of_work
from network.enums import Role
from network.ids import to_global_id
from network.records.consents import Consent
from network.services.models import Service
from tests.api import Api
from tests.factories import Person, audit_entries, person, territory_pk
from tests.schema.referrals.fixtures import Network, created, done, network

REFERRALS = """
query($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id status reason youth { id code } }
  }
}
"""


async def ids(api: Api, who: Person, **filter: Any) -> list[str]:
    data = await api.data(REFERRALS, {"filter": filter}, who.token)
    found = [node["id"] for node in data["referrals"]["nodes"]]
    assert data["referrals"]["totalCount"] == len(found)
    return found


async def _world(api: Api) -> tuple[Network, dict[str, str]]:
    """An overdue SENT referral (a), a DRAFT (b), an ACCEPTED one (c) to the second
    receiver, and a SENT one on the HEALTH axis to the outsider (d)."""
    world = await network(api)
    async with unit_of_work(api.state.sessions) as uow:
        await uow.session.execute(
            update(Service).where(Service.id == world.receiver_service).values(response_days=0)
        )
    m = world.mediator
    a = await created(api, m, world)
    b = await created(api, m, world, send=False)
    second = to_global_id("Service", world.second_service)
    c = await done(
        api, "acceptReferral", world.second_staff, await created(api, m, world, serviceId=second)
    )
    outsider = to_global_id("Actor", world.outsider)
    d = await created(api, m, world, serviceId=None, toActorId=outsider, axis="HEALTH")
    return world, {"a": a["id"], "b": b["id"], "c": c["id"], "d": d["id"]}


async def test_every_filter(api: Api) -> None:
    # given four referrals of one young person
    world, r = await _world(api)
    m, later = world.mediator, (clock.now() + timedelta(hours=1)).isoformat()
    region = to_global_id("Territory", await territory_pk(api, "MA-04"))
    province = to_global_id("Territory", await territory_pk(api, "MA-KEN"))

    # when the mediator filters them, then each filter narrows as it says
    everything = [r["a"], r["b"], r["c"], r["d"]]
    assert await ids(api, m) == everything
    assert await ids(api, m, statuses=["DRAFT", "ACCEPTED"]) == [r["b"], r["c"]]
    assert await ids(api, m, direction="OUTGOING") == everything
    assert await ids(api, m, direction="INCOMING") == []
    assert await ids(api, world.receiver_staff, direction="INCOMING") == [r["a"]]
    assert await ids(api, m, actorId=to_global_id("Actor", world.second)) == [r["c"]]
    assert await ids(api, m, youthId=world.youth_id) == everything
    assert await ids(api, m, axis="HEALTH") == [r["d"]]
    assert await ids(api, m, overdue=True) == [r["a"]]
    assert await ids(api, m, overdue=False) == [r["b"], r["c"], r["d"]]
    assert await ids(api, m, territoryId=province) == [r["d"]]
    assert await ids(api, m, territoryId=region) == everything
    assert await ids(api, m, createdAfter=later) == []
    assert await ids(api, m, createdBefore=later) == everything


async def test_pages_follow_creation_order(api: Api) -> None:
    world, r = await _world(api)

    first = await api.data(REFERRALS, {"first": 3}, world.mediator.token)
    cursor = first["referrals"]["pageInfo"]["endCursor"]
    rest = await api.data(REFERRALS, {"first": 3, "after": cursor}, world.mediator.token)

    assert first["referrals"]["pageInfo"]["hasNextPage"] is True
    assert [n["id"] for n in rest["referrals"]["nodes"]] == [r["d"]]
    assert rest["referrals"]["pageInfo"]["hasNextPage"] is False


async def test_visibility_of_referrals_young_people_and_identity(api: Api) -> None:
    # given the referrals and a coordinator of the receivers' region
    world, r = await _world(api)
    coordinator = await person(api, Role.COORDINATOR, territory="MA-04")

    # when each lists the referrals
    theirs = {"filter": {"youthId": world.youth_id}}
    everything = {"first": 100}
    by_coordinator = await api.data(REFERRALS, everything, coordinator.token)
    by_receiver = await api.data(REFERRALS, theirs, world.receiver_staff.token)
    by_outsider = await api.data(REFERRALS, everything, world.outsider_staff.token)
    mine = set(r.values())
    for listing in (by_coordinator, by_outsider):
        listing["referrals"]["nodes"] = [
            n for n in listing["referrals"]["nodes"] if n["id"] in mine
        ]

    # then the coordinator sees them all without the young person or the reason,
    # and each receiver sees only what was sent to it, with identity (consent given)
    nodes = by_coordinator["referrals"]["nodes"]
    assert [n["id"] for n in nodes] == [r["a"], r["b"], r["c"], r["d"]]
    assert {(n["youth"], n["reason"]) for n in nodes} == {(None, None)}
    assert [n["id"] for n in by_receiver["referrals"]["nodes"]] == [r["a"]]
    assert by_receiver["referrals"]["nodes"][0]["youth"]["id"] == world.youth_id
    assert by_receiver["referrals"]["nodes"][0]["reason"] is not None
    assert [n["id"] for n in by_outsider["referrals"]["nodes"]] == [r["d"]]
    # and filtering on a young person one may not see matches nothing (docs/access.md)
    assert await ids(api, coordinator, youthId=world.youth_id) == []


async def test_withdrawing_consent_hides_identity_from_the_receiver_at_once(api: Api) -> None:
    world, r = await _world(api)

    async with unit_of_work(api.state.sessions) as uow:
        await uow.session.execute(
            update(Consent).where(Consent.youth_id == world.youth).values(withdrawn_at=clock.now())
        )
    seen = await api.data(REFERRALS, {}, world.receiver_staff.token)

    assert [(n["id"], n["youth"], n["reason"]) for n in seen["referrals"]["nodes"]] == [
        (r["a"], None, None)
    ]


NODES = """
query($ids: [ID!]!) { nodes(ids: $ids) {
  id
  ... on Referral { status events { totalCount nodes { id kind } } }
  ... on ReferralEvent { kind note referral { id } }
} }
"""


async def test_node_and_nodes_resolve_only_what_the_caller_sees(api: Api) -> None:
    # given the referrals and their events
    world, r = await _world(api)
    events = (await api.data(NODES, {"ids": [r["a"]]}, world.mediator.token))["nodes"][0]["events"]
    event_id = events["nodes"][0]["id"]

    # when the receiver of (a) asks for (a), its event, the DRAFT (b) and (d)
    found = await api.data(
        NODES, {"ids": [r["a"], event_id, r["b"], r["d"]]}, world.receiver_staff.token
    )

    # then (a) and its event resolve; the others are null
    a, event, b, d = found["nodes"]
    assert a["id"] == r["a"] and a["events"]["totalCount"] == 1
    assert event == {"id": event_id, "kind": "CREATED", "note": None, "referral": {"id": r["a"]}}
    assert (b, d) == (None, None)


YOUTH_REFERRALS = """
query($id: ID!) { node(id: $id) { ... on Youth {
  referrals(first: 2) { totalCount pageInfo { hasNextPage } nodes { id } }
} } }
"""


async def test_youth_referrals(api: Api) -> None:
    world, r = await _world(api)

    as_mediator = await api.data(YOUTH_REFERRALS, {"id": world.youth_id}, world.mediator.token)
    as_receiver = await api.data(
        YOUTH_REFERRALS, {"id": world.youth_id}, world.receiver_staff.token
    )

    page = as_mediator["node"]["referrals"]
    assert (page["totalCount"], page["pageInfo"]["hasNextPage"]) == (4, True)
    assert [n["id"] for n in page["nodes"]] == [r["a"], r["b"]]
    assert as_receiver["node"]["referrals"]["nodes"] == [{"id": r["a"]}]


async def test_anonymous_callers_are_refused(api: Api) -> None:
    answer = await api.gql(REFERRALS, {})

    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


FULL_PAGE = """
query($first: Int) { referrals(first: $first) { totalCount nodes {
  id reason overdue fromActor { id } toActor { id } service { id } createdBy { id }
  youth { id code referrals(first: 5) { totalCount nodes { id } } }
  redirectedTo { id } redirectedFrom { id }
  events(first: 5) { totalCount nodes { kind note referral { id } } }
} } }
"""


async def test_statement_count_does_not_grow_with_the_page(api: Api) -> None:
    await _world(api)
    admin = await person(api, Role.ADMIN)
    await api.data(FULL_PAGE, {"first": 1}, admin.token)

    counts = []
    for first in (1, 4):
        with api.count_statements() as statements:
            data = await api.data(FULL_PAGE, {"first": first}, admin.token)
        assert len(data["referrals"]["nodes"]) == first
        counts.append(len(statements))

    assert counts[0] == counts[1]


async def test_reads_of_reasons_are_audited_without_values(api: Api) -> None:
    # given the referrals, and a coordinator who may not see identity
    world, r = await _world(api)
    coordinator = await person(api, Role.COORDINATOR, territory="MA-04")
    before = len(await audit_entries(api, "read:Referral.identity"))

    # when the coordinator, then the receiver, read the reasons
    await api.data(REFERRALS, {"filter": {"youthId": world.youth_id}}, coordinator.token)
    after_coordinator = len(await audit_entries(api, "read:Referral.identity"))
    await api.data(REFERRALS, {}, world.receiver_staff.token)
    entries = await audit_entries(api, "read:Referral.identity")

    # then only the receiver's read is logged, naming the referral it read
    assert after_coordinator == before
    assert len(entries) == before + 1
    assert entries[-1].record_ids == [r["a"]]
    assert entries[-1].user_id == world.receiver_staff.id
