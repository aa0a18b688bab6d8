from datetime import UTC, datetime
from typing import Any

import pytest

from network.actors.models import Actor
from network.actors.service import create_actor, update_actor, verify_actor
from network.enums import ActorKind, Language, Role
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.text import fold
from network.viewer import Viewer
from tests.api import Api
from tests.factories import SCENE, actor, committed, person, scene, territory_pk, values, viewer_of


async def changed(
    api: Api, actor_id: int, changes: dict[str, Any], viewer: Viewer = SCENE
) -> Actor:
    """``update_actor`` with ``changes``, committed."""
    return await committed(api, update_actor, viewer=viewer, actor_id=actor_id, changes=changes)


async def test_a_new_actor_gets_its_search_text_and_sort_keys(api: Api) -> None:
    # given
    fes = await territory_pk(api, "MA-FES")
    # when
    created = await committed(
        api,
        create_actor,
        viewer=SCENE,
        kind=ActorKind.HEALTH_FACILITY,
        changes={
            "names": {"fr": "  Centre de Santé Âïn  ", "ar": "مَرْكَز الإسعاف"},
            "acronym": "CSA",
            "description": {"fr": "Urgences"},
            "territory_id": fes,
            "languages": [Language.AR, Language.AR, Language.FR],
            "email": "contact@csa.example.ma",
            "website": "https://csa.example.ma/",
        },
    )
    # then
    row = await values(api, Actor, created.id)
    assert row["names"] == {"fr": "Centre de Santé Âïn", "ar": "مَرْكَز الإسعاف"}
    assert row["languages"] == ["AR", "FR"]
    assert row["sort_fr"] == "centre de sante ain"
    assert row["sort_ar"] == fold("مركز الاسعاف")
    for word in ("centre", "sante", "csa", "urgences", "الاسعاف"):
        assert f" {word}" in row["search_text"]


async def test_updating_names_recomputes_the_derived_fields(api: Api) -> None:
    # given
    world = await scene(api)
    # when
    await changed(api, world.unit, {"names": {"fr": "Équipe mobile"}, "acronym": "EMO"})
    # then
    row = await values(api, Actor, world.unit)
    assert row["sort_fr"] == "equipe mobile"
    assert "unite" not in row["search_text"]
    assert " emo " in row["search_text"]


async def test_staff_of_a_parent_act_for_its_units_but_not_for_other_actors(api: Api) -> None:
    # given
    world = await scene(api)
    staff = await viewer_of(api, await person(api, Role.MEDIATOR, actor_id=world.parent))
    # when
    unit = await changed(api, world.unit, {"phone": " 0535 00 00 00 "}, viewer=staff)
    # then
    assert unit.phone == "0535 00 00 00"
    with pytest.raises(PermissionDenied):
        await committed(api, verify_actor, viewer=staff, actor_id=world.other)


async def test_a_coordinator_neither_creates_nor_updates_actors(api: Api) -> None:
    # given
    world = await scene(api)
    coordinator = await viewer_of(api, await person(api, Role.COORDINATOR, territory="MA-03"))
    fes = await territory_pk(api, "MA-FES")
    # then
    with pytest.raises(PermissionDenied):
        await committed(
            api,
            create_actor,
            viewer=coordinator,
            kind=ActorKind.ASSOCIATION,
            changes={"names": {"fr": "X"}, "territory_id": fes},
        )
    with pytest.raises(PermissionDenied):
        await changed(api, world.unit, {"active": False}, viewer=coordinator)


async def test_an_inactive_actor_of_another_actor_is_not_found(api: Api) -> None:
    # given
    closed = await actor(api, active=False)
    world = await scene(api)
    staff = await viewer_of(api, await person(api, Role.AGENCY_STAFF, actor_id=world.unit))
    # then
    with pytest.raises(NotFound):
        await committed(api, verify_actor, viewer=staff, actor_id=closed)


async def test_verifying_stamps_the_current_time(api: Api) -> None:
    # given
    world = await scene(api)
    before = datetime.now(UTC)
    # when
    await committed(api, verify_actor, viewer=SCENE, actor_id=world.other)
    # then
    verified_at = (await values(api, Actor, world.other))["verified_at"]
    assert before <= verified_at <= datetime.now(UTC)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"parent_id": "unit"}, ["parentId"]),
        ({"parent_id": "parent"}, ["parentId"]),
        ({"email": "a@b"}, ["email"]),
        ({"website": "ftp://example.ma"}, ["website"]),
        ({"website": "https://exa mple.ma"}, ["website"]),
        ({"acronym": "A\tB"}, ["acronym"]),
        ({"names": {"de": "Verein"}}, ["names", "de"]),
        ({"location": (float("nan"), 0.0)}, ["location", "latitude"]),
    ],
)
async def test_bad_changes_are_refused_on_their_field(
    api: Api, changes: dict[str, object], field: list[str]
) -> None:
    # given
    world = await scene(api)
    if "parent_id" in changes:
        changes = {
            "parent_id": {"unit": world.unit, "parent": world.parent}[str(changes["parent_id"])]
        }
    # then
    with pytest.raises(InvalidInput) as refused:
        await changed(api, world.parent, changes)
    assert refused.value.field == field


async def test_multi_line_texts_keep_their_line_breaks(api: Api) -> None:
    # given
    world = await scene(api)
    texts = {"address": "Bloc B\r\n\tFès", "description": {"fr": "Ligne 1\nLigne 2"}}
    # when
    await changed(api, world.unit, texts)
    # then
    row = await values(api, Actor, world.unit)
    assert (row["address"], row["description"]) == ("Bloc B\r\n\tFès", {"fr": "Ligne 1\nLigne 2"})
