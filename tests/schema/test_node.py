"""``node``/``nodes`` for actors and services: invisible records are null, never errors."""

from dataclasses import dataclass

from network.database import unit_of_work
from network.enums import Role
from network.ids import to_global_id
from tests.api import Api
from tests.schema.actors.rows import add_actor, add_service, token_for

NODES = """
query($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename id
    ... on Actor { name(lang: FR) active }
    ... on Service { name(lang: FR) active actor { id } }
  }
}
"""
NODE = "query($id: ID!) { node(id: $id) { id ... on Actor { name(lang: AR) } } }"


@dataclass
class Closed:
    """An inactive actor with an inactive service, an active actor's inactive service,
    and the tokens of the inactive actor's staff, another actor's staff and an ADMIN."""

    ids: list[str]
    staff: str
    other_staff: str
    admin: str


async def given_closed_records(api: Api) -> Closed:
    async with unit_of_work(api.state.sessions) as uow:
        session = uow.session
        closed = await add_actor(session, {"fr": "Foyer fermé", "ar": "مأوى مغلق"}, active=False)
        closed_service = await add_service(session, closed, {"fr": "Accueil de nuit"})
        open_actor = await add_actor(session, {"fr": "Foyer ouvert"})
        open_service = await add_service(session, open_actor, {"fr": "Repas"})
        paused = await add_service(session, open_actor, {"fr": "Douches"}, active=False)
        tokens = [
            await token_for(session, "staff@closed.test", [Role.AGENCY_STAFF], closed),
            await token_for(session, "staff@open.test", [Role.AGENCY_STAFF], open_actor),
            await token_for(session, "admin@jisr.test", [Role.ADMIN]),
        ]
    ids = [
        to_global_id("Actor", closed.id),
        to_global_id("Service", closed_service.id),
        to_global_id("Actor", open_actor.id),
        to_global_id("Service", open_service.id),
        to_global_id("Service", paused.id),
    ]
    return Closed(ids, *tokens)


def names(nodes: list[dict[str, str] | None]) -> list[str | None]:
    return [node["name"] if node else None for node in nodes]


async def test_the_public_sees_active_records_only(api: Api) -> None:
    # given inactive records beside active ones
    closed = await given_closed_records(api)

    # when an anonymous caller asks for all of them
    data = await api.data(NODES, {"ids": closed.ids})

    # then only the active actor and its active service resolve, in order
    assert names(data["nodes"]) == [None, None, "Foyer ouvert", "Repas", None]
    assert data["nodes"][3]["actor"]["id"] == closed.ids[2]


async def test_staff_see_their_own_inactive_records(api: Api) -> None:
    closed = await given_closed_records(api)

    data = await api.data(NODES, {"ids": closed.ids}, token=closed.staff)

    assert names(data["nodes"]) == ["Foyer fermé", "Accueil de nuit", "Foyer ouvert", "Repas", None]


async def test_staff_of_another_actor_see_only_their_own_paused_service(api: Api) -> None:
    closed = await given_closed_records(api)

    data = await api.data(NODES, {"ids": closed.ids}, token=closed.other_staff)

    assert names(data["nodes"]) == [None, None, "Foyer ouvert", "Repas", "Douches"]


async def test_an_admin_sees_everything(api: Api) -> None:
    closed = await given_closed_records(api)

    data = await api.data(NODES, {"ids": closed.ids}, token=closed.admin)

    assert names(data["nodes"]) == [
        "Foyer fermé",
        "Accueil de nuit",
        "Foyer ouvert",
        "Repas",
        "Douches",
    ]
    assert [n["__typename"] for n in data["nodes"]] == ["Actor", "Service"] * 2 + ["Service"]


async def test_a_missing_record_is_null_without_error(demo_api: Api) -> None:
    # given a well-formed id of no actor / when it is asked / then it is null
    answer = await demo_api.gql(NODE, {"id": to_global_id("Actor", 999_999)})

    assert answer["data"] == {"node": None}
    assert "errors" not in answer


async def test_node_reads_names_in_the_asked_language(api: Api) -> None:
    closed = await given_closed_records(api)

    data = await api.data(NODE, {"id": closed.ids[0]}, token=closed.admin)

    assert data["node"]["name"] == "مأوى مغلق"
