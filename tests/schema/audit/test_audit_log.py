from datetime import UTC, datetime
from typing import Any

from network.enums import Role
from network.ids import to_global_id
from tests.api import Api
from tests.factories import Person, person, scene

AUDIT_LOG = """
query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id at operation recordIds outcome user { id } } }
  }
}"""
VERIFY_ACTOR = "mutation($id: ID!) { verifyActor(id: $id) { userErrors { code } } }"
NODE = "query($id: ID!) { node(id: $id) { id ... on AuditEntry { operation } } }"


async def verify(api: Api, actor_id: int, someone: Person) -> None:
    await api.data(VERIFY_ACTOR, {"id": to_global_id("Actor", actor_id)}, someone.token)


async def test_admin_reads_every_attempt_in_the_order_it_was_written(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    stranger = await person(api, Role.AGENCY_STAFF, actor_id=world.other)
    await verify(api, world.unit, admin)
    await verify(api, world.unit, stranger)
    # when
    data = await api.data(AUDIT_LOG, {"filter": {"operation": "verifyActor"}}, admin.token)
    # then
    log = data["auditLog"]
    unit = to_global_id("Actor", world.unit)
    assert log["totalCount"] == 2
    assert [
        (e["node"]["user"]["id"], e["node"]["recordIds"], e["node"]["outcome"])
        for e in log["edges"]
    ] == [(admin.global_id, [unit], "OK"), (stranger.global_id, [unit], "PERMISSION_DENIED")]
    first_at, second_at = (datetime.fromisoformat(e["node"]["at"]) for e in log["edges"])
    assert first_at <= second_at


async def test_pages_follow_each_other_without_gap_or_repeat(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    for _ in range(5):
        await verify(api, world.unit, admin)
    everything = await api.data(AUDIT_LOG, {"first": 100}, admin.token)
    expected = [e["node"]["id"] for e in everything["auditLog"]["edges"]]
    # when
    seen: list[str] = []
    after = None
    while True:
        page = (await api.data(AUDIT_LOG, {"first": 2, "after": after}, admin.token))["auditLog"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        after = page["pageInfo"]["endCursor"]
    # then
    assert seen == expected
    assert len(seen) == everything["auditLog"]["totalCount"] >= 6


async def test_entries_are_filtered_by_user_record_operation_and_time(api: Api) -> None:
    # given
    world = await scene(api)
    start = datetime.now(UTC)
    admin = await person(api, Role.ADMIN)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.other)
    await verify(api, world.unit, admin)
    middle = datetime.now(UTC)
    await verify(api, world.other, staff)
    cases = {
        "by user": ({"userId": staff.global_id, "operation": "verifyActor"}, 1),
        "by record": ({"recordId": to_global_id("Actor", world.other)}, 1),
        "by operation": ({"operation": "verifyActor"}, 2),
        "after": ({"after": start.isoformat()}, 4),
        "after the first verification": ({"after": middle.isoformat()}, 1),
        "before it": ({"before": middle.isoformat(), "operation": "verifyActor"}, 1),
        "naive time read as UTC": ({"after": start.replace(tzinfo=None).isoformat()}, 4),
        "unknown record": ({"recordId": to_global_id("Actor", 999999)}, 0),
    }
    for name, (where, expected) in cases.items():
        # when
        data = await api.data(AUDIT_LOG, {"filter": where}, admin.token)
        # then
        assert data["auditLog"]["totalCount"] == expected, name
        assert len(data["auditLog"]["edges"]) == expected, name


async def test_only_admin_reads_the_audit_log(api: Api) -> None:
    # given
    world = await scene(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.unit)
    coordinator = await person(api, Role.COORDINATOR, territory="MA-03")
    # when
    answers = [
        await api.gql(AUDIT_LOG, {}, token) for token in (None, staff.token, coordinator.token)
    ]
    # then
    codes = [[e["extensions"]["code"] for e in answer["errors"]] for answer in answers]
    assert codes == [["UNAUTHENTICATED"], ["PERMISSION_DENIED"], ["PERMISSION_DENIED"]]
    assert all(answer["data"] is None for answer in answers)


async def test_an_entry_resolves_as_a_node_for_admin_only(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.unit)
    await verify(api, world.unit, staff)
    log = await api.data(AUDIT_LOG, {"filter": {"operation": "verifyActor"}}, admin.token)
    entry_id = log["auditLog"]["edges"][0]["node"]["id"]
    # when
    for_admin = await api.data(NODE, {"id": entry_id}, admin.token)
    for_staff = await api.data(NODE, {"id": entry_id}, staff.token)
    # then
    assert for_admin["node"] == {"id": entry_id, "operation": "verifyActor"}
    assert for_staff["node"] is None


async def test_bad_filters_and_pages_are_input_errors(api: Api) -> None:
    # given
    admin = await person(api, Role.ADMIN)
    cases: list[dict[str, Any]] = [
        {"filter": {"userId": "not an id"}},
        {"filter": {"userId": to_global_id("Actor", 1)}},
        {"filter": {"recordId": "%%%"}},
        {"first": 101},
        {"first": -1},
        {"after": "garbage"},
    ]
    for variables in cases:
        # when
        answer = await api.gql(AUDIT_LOG, variables, admin.token)
        # then
        assert [e["extensions"]["code"] for e in answer["errors"]] == ["INVALID_INPUT"], variables
