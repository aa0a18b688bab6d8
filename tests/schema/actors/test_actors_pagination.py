"""Keyset pages of the actor map neither skip nor repeat while actors are being added."""

from datetime import UTC, datetime

import pytest

from network.database import unit_of_work
from network.ids import to_global_id
from tests.api import Api
from tests.schema.actors.rows import add_actor

PAGE = """
query($orderBy: ActorOrder, $first: Int, $after: String) {
  actors(orderBy: $orderBy, first: $first, after: $after) {
    edges { node { id } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""


async def page(api: Api, order: str, first: int, after: str | None) -> dict:  # type: ignore[type-arg]
    data = await api.data(PAGE, {"orderBy": order, "first": first, "after": after})
    return data["actors"]  # type: ignore[no-any-return]


async def walk(api: Api, order: str) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        found = await page(api, order, 100, after)
        ids += [edge["node"]["id"] for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            return ids
        after = found["pageInfo"]["endCursor"]


async def insert_around(api: Api, round_number: int) -> list[str]:
    """Two actors: one sorting before every other in each order, one after."""
    async with unit_of_work(api.state.sessions) as uow:
        first = await add_actor(
            uow.session,
            {"fr": f"0 Premier {round_number}", "ar": f"0 الأول {round_number}"},
            verified_at=datetime.now(UTC),
        )
        last = await add_actor(
            uow.session, {"fr": f"zz Dernier {round_number}", "ar": f"ييي {round_number}"}
        )
    return [to_global_id("Actor", first.id), to_global_id("Actor", last.id)]


@pytest.mark.parametrize("order", ["CREATED", "NAME", "RECENTLY_VERIFIED"])
async def test_pages_neither_skip_nor_repeat_while_actors_are_added(api: Api, order: str) -> None:
    # given the actors there are before paging
    before = await walk(api, order)
    assert len(before) >= 20

    # when paging seven at a time, adding actors before and after each page
    seen: list[str] = []
    inserted: set[str] = set()
    after = None
    for round_number in range(100):
        found = await page(api, order, 7, after)
        assert found["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += [edge["node"]["id"] for edge in found["edges"]]
        inserted.update(await insert_around(api, round_number))
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]

    # then every earlier actor came once, in its order, and nothing unknown came
    assert len(seen) == len(set(seen))
    assert [i for i in seen if i in set(before)] == before
    assert set(seen) - set(before) <= inserted


async def test_an_empty_page_still_says_whether_more_follow(demo_api: Api) -> None:
    found = await page(demo_api, "CREATED", 0, None)

    assert found["edges"] == []
    assert found["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "endCursor": None,
    }
