"""An actor's legal status (HSDS organization.legal_status), declared once: set by the
create and update inputs, read on both read paths, counted by the cost estimate, and
published by the HSDS export."""

from __future__ import annotations

from pathlib import Path

from prometheus_client import REGISTRY

from network.actors.models import Actor
from network.hsds.export import export_tables
from network.ids import to_global_id
from schema.limits.cost import FIELD_COSTS
from tests.api import Api, running_api
from tests.factories import caller, scene, territory_pk, values
from tests.network.hsds.official import errors, official

CREATE = """
mutation($input: CreateActorInput!) {
  createActor(input: $input) { actor { id legalStatus } userErrors { field code } }
}"""
UPDATE = """
mutation($input: UpdateActorInput!) {
  updateActor(input: $input) { actor { id legalStatus } userErrors { field message code } }
}"""
READ = "query($id: ID!) { node(id: $id) { ... on Actor { legalStatus } } }"
LIST = "{ actors(first: 100) { nodes { id legalStatus } } }"
ASSOCIATION = "Association (dahir 1-58-376)"


def fallbacks() -> float:
    value = REGISTRY.get_sample_value("jisr_compiled_fallbacks_total", {"reason": "unsupported"})
    return value or 0.0


async def test_the_inputs_set_it_and_both_read_paths_serve_it(
    api: Api, db_url: str, tmp_path: Path
) -> None:
    # given an admin
    world = await scene(api)
    admin = await caller(api, world, "admin")
    assert admin is not None
    new = {
        "names": {"fr": "Association Test", "ar": "جمعية"},
        "kind": "ASSOCIATION",
        "territoryId": to_global_id("Territory", await territory_pk(api, "MA-FES")),
        "legalStatus": f"  {ASSOCIATION} ",
    }

    # when it creates an actor with a legal status, and changes another's
    created = await api.data(CREATE, {"input": new}, admin.token)
    unit = to_global_id("Actor", world.unit)
    updated = await api.data(
        UPDATE, {"input": {"id": unit, "legalStatus": "Coopérative"}}, admin.token
    )

    # then both are kept trimmed
    actor_id = created["createActor"]["actor"]["id"]
    assert created["createActor"] == {
        "actor": {"id": actor_id, "legalStatus": ASSOCIATION},
        "userErrors": [],
    }
    assert updated["updateActor"]["actor"] == {"id": unit, "legalStatus": "Coopérative"}

    # and the compiled path (no fallback) and the resolvers read the same
    before = fallbacks()
    compiled = await api.data(READ, {"id": actor_id})
    compiled_list = await api.data(LIST)
    assert fallbacks() == before
    async with running_api(db_url, tmp_path / "resolvers", compiled_reads=False) as resolvers:
        resolved = await resolvers.data(READ, {"id": actor_id})
        resolved_list = await resolvers.data(LIST)
    assert compiled == resolved == {"node": {"legalStatus": ASSOCIATION}}
    assert compiled_list == resolved_list
    statuses = {n["id"]: n["legalStatus"] for n in compiled_list["actors"]["nodes"]}
    assert statuses[actor_id] == ASSOCIATION and statuses[unit] == "Coopérative"


async def test_a_too_long_legal_status_is_refused_naming_it(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await caller(api, world, "admin")
    assert admin is not None
    unit = to_global_id("Actor", world.unit)
    before = await values(api, Actor, world.unit)

    # when
    data = await api.data(UPDATE, {"input": {"id": unit, "legalStatus": "x" * 121}}, admin.token)

    # then
    assert data["updateActor"]["actor"] is None
    assert data["updateActor"]["userErrors"] == [
        {
            "field": ["input", "legalStatus"],
            "message": "at most 120 characters",
            "code": "INVALID_INPUT",
        }
    ]
    assert await values(api, Actor, world.unit) == before


async def test_the_cost_estimate_knows_it(demo_api: Api) -> None:
    # when
    with_it = await demo_api.gql("{ actors(first: 7) { nodes { id legalStatus } } }")
    without = await demo_api.gql("{ actors(first: 7) { nodes { id } } }")
    # then it is declared free, so it adds nothing per actor
    assert FIELD_COSTS[("Actor", "legalStatus")] == 0
    assert with_it["extensions"]["cost"]["requestedQueryCost"] == 7
    assert without["extensions"]["cost"]["requestedQueryCost"] == 7


async def test_the_hsds_export_publishes_it_as_official_hsds(api: Api) -> None:
    # given an actor with a legal status, and one without
    world = await scene(api)
    admin = await caller(api, world, "admin")
    assert admin is not None
    unit = to_global_id("Actor", world.unit)
    await api.data(UPDATE, {"input": {"id": unit, "legalStatus": ASSOCIATION}}, admin.token)

    # when the directory is exported
    async with api.state.sessions() as session:
        tables = await export_tables(session, actor_ids=[world.unit, world.other])

    # then the organization carries it, the other none, and both are strict HSDS 3.0
    records = [row.values for row in tables["organization"]]
    assert sorted(r.get("legal_status", "") for r in records) == ["", ASSOCIATION]
    assert errors(official("organization"), records) == []
