"""An actor's postal code (HSDS addresses need one): five digits, or an error naming it."""

from network.actors.models import Actor
from network.ids import to_global_id
from tests.api import Api
from tests.factories import caller, scene, values

UPDATE = """
mutation($input: UpdateActorInput!) {
  updateActor(input: $input) {
    actor { id postalCode }
    userErrors { field message code }
  }
}"""
READ = "query($id: ID!) { node(id: $id) { ... on Actor { postalCode } } }"


async def test_a_postal_code_is_five_digits(api: Api) -> None:
    # given an actor and its admin
    world = await scene(api)
    admin = await caller(api, world, "admin")
    assert admin is not None
    actor_id = to_global_id("Actor", world.unit)

    # when a valid code, then a bad one, is set
    good = await api.data(UPDATE, {"input": {"id": actor_id, "postalCode": " 30000 "}}, admin.token)
    before = await values(api, Actor, world.unit)
    bad = await api.data(UPDATE, {"input": {"id": actor_id, "postalCode": "3000A"}}, admin.token)
    read = await api.data(READ, {"id": actor_id}, admin.token)

    # then the first is kept trimmed, the second refused naming the field, nothing changed
    assert good["updateActor"] == {
        "actor": {"id": actor_id, "postalCode": "30000"},
        "userErrors": [],
    }
    assert bad["updateActor"]["actor"] is None
    assert [(e["field"], e["code"]) for e in bad["updateActor"]["userErrors"]] == [
        (["input", "postalCode"], "INVALID_INPUT")
    ]
    assert await values(api, Actor, world.unit) == before
    assert read["node"]["postalCode"] == "30000"
