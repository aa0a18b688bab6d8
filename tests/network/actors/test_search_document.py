"""The map's search reads ``actor_search``, which the database keeps on every write of
actors and services: these tests write through the domain and search right after."""

from sqlalchemy import delete, update

from network.actors.service import update_actor
from network.database import unit_of_work
from network.directory import actor_map
from network.directory.actor_filters import ActorFilter
from network.services.models import Service
from network.services.service import update_service
from network.viewer import ANONYMOUS
from tests.api import Api
from tests.factories import SCENE, actor, service


async def found(api: Api, search: str) -> int:
    async with api.state.sessions() as session:
        return await actor_map.count(session, where=ActorFilter(search=search), viewer=ANONYMOUS)


async def test_a_service_name_is_found_once_written_and_lost_once_renamed(api: Api) -> None:
    # given
    owner = await actor(api, name="Association Nourvek")
    offered = await service(api, actor_id=owner, name="Atelier de menuiserie Qorvane")
    assert await found(api, "qorvane") == 1
    # when
    async with unit_of_work(api.state.sessions) as uow:
        await update_service(
            uow.session,
            viewer=SCENE,
            service_id=offered,
            changes={"names": {"fr": "Poterie Zelmira"}},
        )
    # then
    assert await found(api, "qorvane") == 0
    assert await found(api, "zelmira nourvek") == 1  # one term in each text


async def test_an_inactive_or_deleted_service_is_not_searched(api: Api) -> None:
    # given
    owner = await actor(api, name="Association Amal")
    await service(api, actor_id=owner, name="Soutien scolaire Brevoxa")
    hidden = await service(api, actor_id=owner, name="Cours de couture Tamrisk", active=False)
    assert await found(api, "tamrisk") == 0
    # when
    async with unit_of_work(api.state.sessions) as uow:
        await update_service(uow.session, viewer=SCENE, service_id=hidden, changes={"active": True})
    # then
    assert await found(api, "tamrisk") == 1
    async with unit_of_work(api.state.sessions) as uow:
        await uow.session.execute(delete(Service).where(Service.id == hidden))
    assert await found(api, "tamrisk") == 0
    assert await found(api, "brevoxa") == 1


async def test_a_service_moved_to_another_actor_is_searched_there(api: Api) -> None:
    # given
    first = await actor(api, name="Association Ulbrenta")
    second = await actor(api, name="Association Kastorix")
    moved = await service(api, actor_id=first, name="Permanence Dravenor")
    # when
    async with unit_of_work(api.state.sessions) as uow:
        await uow.session.execute(
            update(Service).where(Service.id == moved).values(actor_id=second)
        )
    # then
    assert await found(api, "dravenor ulbrenta") == 0
    assert await found(api, "dravenor kastorix") == 1


async def test_a_renamed_actor_is_found_by_its_new_name_with_its_services(api: Api) -> None:
    # given
    owner = await actor(api, name="Association Morvelin")
    await service(api, actor_id=owner, name="Écoute Sirvane")
    # when
    async with unit_of_work(api.state.sessions) as uow:
        await update_actor(
            uow.session, viewer=SCENE, actor_id=owner, changes={"names": {"fr": "Maison Pelvador"}}
        )
    # then
    assert await found(api, "morvelin") == 0
    assert await found(api, "pelvador sirvane") == 1
